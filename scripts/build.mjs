// Builds dist/: the CLI and library bundled by esbuild (a cold start stays near bare node),
// with the NLP split into its own chunk so it loads only when a sentence needs it, and the
// type declarations emitted by tsc for library users.
import { build } from "esbuild";
import { readFileSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { execFileSync, spawnSync } from "node:child_process";
import { assertPatched, buildLazyModules, lazyDepsPlugin, patchesApplied } from "./lazy-deps.mjs";
import { precompilePacks } from "./precompile-packs.mjs";
import { escapeNonAscii } from "./ascii-bundle.mjs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });

const result = await build({
  entryPoints: {
    cli: "src/cli/main.ts",
    index: "src/index.ts",
    sendmail: "src/integrations/sendmailWrapper.ts",
    nodemailer: "src/integrations/nodemailer.ts",
    worker: "src/cli/lintWorker.ts",
    // Read by `npm run train` only.
    "training-rows": "src/tone/model/trainingRows.ts",
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
assertPatched(["libmime-charset"]);
await buildLazyModules("dist");
await precompilePacks("dist");
patchesApplied.clear();

// The command line as one CommonJS file, which bin/draftlint.js compiles with a V8 code cache
// (Node 20 has none for ES modules): compiling the bundle was a third of a cold start.
await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/cli.cjs",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  define: { "process.env.DRAFTLINT_VERSION": JSON.stringify(pkg.version), "import.meta.url": "__draftlintModuleUrl" },
  banner: { js: "const __draftlintModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  external: ["typescript"],
  logLevel: "warning",
  plugins: [lazyDepsPlugin(), importThroughBin()],
});
assertPatched(["libmime-charset", "cosmiconfig-import"]);
escapeNonAscii("dist");
// A first run writes the cache, with the functions a lint compiles, beside the bundle. The sample
// has findings, so the run exits 1 by design.
spawnSync(process.execPath, ["bin/draftlint.js", "--no-color", "fixtures/stoke-park.eml"], {
  stdio: "ignore",
  env: { ...process.env, DRAFTLINT_CODE_CACHE: "write" },
});

execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { stdio: "inherit" });
if (process.env.DRAFTLINT_BUILD_ANALYZE) {
  const { analyzeMetafile } = await import("esbuild");
  console.log(await analyzeMetafile(result.metafile));
}

/**
 * Code compiled from a V8 cache loses its dynamic-import hook in Node 20, and the hook vm offers
 * instead prints an experimental warning; cosmiconfig's `import()` of a .mjs/.js config therefore
 * goes through a function bin/draftlint.js provides from its own (ES module) scope.
 */
function importThroughBin() {
  return {
    name: "draftlint-import-through-bin",
    setup(b) {
      b.onLoad({ filter: /cosmiconfig[\\/]dist[\\/]loaders\.js$/ }, async (args) => {
        const text = await readFile(args.path, "utf8");
        // A dependency that changed shape fails the build: a warning scrolls by and ships a CLI
        // that cannot load .mjs configs.
        if (text.split("await import(href)").length !== 2) {
          return { errors: [{ text: "cosmiconfig's loaders.js changed shape (expected one `await import(href)`): update importThroughBin in scripts/build.mjs" }] };
        }
        patchesApplied.add("cosmiconfig-import");
        return { contents: text.replace("await import(href)", "await globalThis.__draftlintImport(href)"), loader: "js" };
      });
    },
  };
}
