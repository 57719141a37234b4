// Builds dist/: the CLI and library bundled by esbuild (a cold start stays near bare node),
// with the NLP split into its own chunk so it loads only when a sentence needs it, and the
// type declarations emitted by tsc for library users.
import { build } from "esbuild";
import { readFileSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { buildLazyModules, lazyDepsPlugin } from "./lazy-deps.mjs";
import { precompilePacks } from "./precompile-packs.mjs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });

const result = await build({
  entryPoints: {
    cli: "src/cli/main.ts",
    index: "src/index.ts",
    sendmail: "src/integrations/sendmailWrapper.ts",
    nodemailer: "src/integrations/nodemailer.ts",
    worker: "src/cli/lintWorker.ts",
  },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunks/[name]-[hash]",
  define: { "process.env.DRAFTLINT_VERSION": JSON.stringify(pkg.version) },
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __draftlintRequire } from 'node:module'; const require = __draftlintRequire(import.meta.url);" },
  // cosmiconfig can load TypeScript configs through the typescript package; draftlint does not
  // search for them, so keep the compiler out of the bundle.
  external: ["typescript"],
  logLevel: "warning",
  metafile: true,
  // Heavy modules a plain draft never needs load on first use (scripts/lazy-deps.mjs).
  plugins: [lazyDepsPlugin()],
});
await buildLazyModules("dist");
await precompilePacks("dist");

execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { stdio: "inherit" });
if (process.env.DRAFTLINT_BUILD_ANALYZE) {
  const { analyzeMetafile } = await import("esbuild");
  console.log(await analyzeMetafile(result.metafile));
}
