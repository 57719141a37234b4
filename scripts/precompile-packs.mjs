// Stores each built-in pack (rules/*.yaml), parsed and validated, as dist/packs/<name>.json, so a
// cold start reads JSON instead of running js-yaml and the pack schema (SPEC §8). A copy of the
// YAML it came from is kept beside it (dist/packs/<name>.yaml): src/packs/loadPack.ts uses the
// JSON only while rules/<name>.yaml is byte for byte that copy, so editing a pack after a build
// can never run stale rules. (The YAML used to sit inside the JSON: parsing 260 KB of it as one
// more string, and decoding both files to compare, was ~2 ms and GC of every cold start.)
import { build } from "esbuild";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export async function precompilePacks(outdir, rulesDir = join(ROOT, "rules")) {
  outdir = resolve(ROOT, outdir);
  const tmp = join(outdir, ".precompile-packs.mjs");
  await build({ absWorkingDir: ROOT, stdin: { contents: 'export { parsePack } from "./src/packs/loadPack.ts"; export { PatternList, storedTriggers } from "./src/tone/patterns.ts"; export { triggerFileText } from "./src/tone/triggerFile.ts";', resolveDir: ROOT, loader: "ts" }, outfile: tmp, bundle: true, format: "esm", platform: "node", logLevel: "warning", external: ["typescript"] });
  try {
    const { parsePack, PatternList, storedTriggers, triggerFileText } = await import(pathToFileURL(tmp).href);
    mkdirSync(join(outdir, "packs"), { recursive: true });
    for (const file of readdirSync(rulesDir).filter((f) => f.endsWith(".yaml"))) {
      const yaml = readFileSync(join(rulesDir, file), "utf8");
      const { source: _source, ...pack } = parsePack(yaml, join(rulesDir, file));
      writeFileSync(join(outdir, "packs", file.replace(/\.yaml$/, ".json")), JSON.stringify(pack));
      writeFileSync(join(outdir, "packs", file), yaml);
      storePatternTriggers(pack, PatternList);
    }
    writeFileSync(join(outdir, "packs", "pattern-triggers.txt"), triggerFileText(storedTriggers()));
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Works out the trigger words of every word list in a pack (rule patterns and lexicons), as
 * nouns and not, so the bundle starts with them stored (see src/tone/patterns.ts).
 */
function storePatternTriggers(pack, PatternList) {
  const lists = [];
  const collect = (value) => {
    if (Array.isArray(value)) lists.push(value);
    else if (value && typeof value === "object") Object.values(value).forEach(collect);
  };
  collect(pack.lexicons);
  for (const rule of pack.rules) collect(rule.patterns);
  for (const list of lists) {
    new PatternList(list);
    new PatternList(list, { plurals: true });
  }
}
