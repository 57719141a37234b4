// Stores each built-in pack (rules/*.yaml), parsed and validated, as dist/packs/<name>.json, so a
// cold start reads JSON instead of running js-yaml and the pack schema (SPEC §8). The YAML text is
// kept beside the result: src/packs/loadPack.ts uses the JSON only while the YAML it came from is
// unchanged, so editing a pack after a build can never run stale rules.
import { build } from "esbuild";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export async function precompilePacks(outdir, rulesDir = join(ROOT, "rules")) {
  outdir = resolve(ROOT, outdir);
  const tmp = join(outdir, ".precompile-packs.mjs");
  await build({ absWorkingDir: ROOT, entryPoints: ["src/packs/loadPack.ts"], outfile: tmp, bundle: true, format: "esm", platform: "node", logLevel: "warning", external: ["typescript"] });
  try {
    const { parsePack } = await import(pathToFileURL(tmp).href);
    mkdirSync(join(outdir, "packs"), { recursive: true });
    for (const file of readdirSync(rulesDir).filter((f) => f.endsWith(".yaml"))) {
      const yaml = readFileSync(join(rulesDir, file), "utf8");
      const { source: _source, ...pack } = parsePack(yaml, join(rulesDir, file));
      writeFileSync(join(outdir, "packs", file.replace(/\.yaml$/, ".json")), JSON.stringify({ yaml, pack }));
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}
