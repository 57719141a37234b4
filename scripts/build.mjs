// Builds dist/: the CLI and library bundled by esbuild (a cold start stays near bare node),
// with the NLP split into its own chunk so it loads only when a sentence needs it, and the
// type declarations emitted by tsc for library users.
import { build } from "esbuild";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";
import { buildStamp, isCurrent, STAMP } from "./build-stamp.mjs";
import { assertPatched, cosmiconfigImportPlugin, libmimeCharsetPlugin, mailparserTldsPlugin, patchesApplied } from "./dependency-patches.mjs";
import { buildLazyModules, lazyBuiltinsPlugin, lazyDepsPlugin } from "./lazy-deps.mjs";
import { precompilePacks } from "./precompile-packs.mjs";
import { escapeNonAscii } from "./ascii-bundle.mjs";

const stamp = buildStamp();
// `npm pack` after `npm install` (what pre-commit does with a hook's repository) runs `prepare`
// twice: the second finds dist/ built from the same files and stops (scripts/build-stamp.mjs).
if (stamp && isCurrent(stamp)) {
  console.log("build: dist/ is up to date");
  process.exit(0);
}
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });

// The declarations take tsc longer than all the rest: it runs beside the bundling, not after.
const tsc = spawn(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { stdio: "inherit" });
const tscDone = new Promise((resolve, reject) => {
  tsc.on("error", reject);
  tsc.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`build: tsc failed (${signal ?? `exit ${code}`})`))));
});

// esbuild rewrites every regex literal holding \p{…} into `new RegExp("…", "u")` for any Node
// target (it cannot tell which Unicode properties a version knows). Node 20 knows all that draftlint
// uses, and the rewrite made a new RegExp object at every call: about 6 times the cost of the
// literal in per-token tests on the hot path, and their garbage.
const supported = { "regexp-unicode-property-escapes": true };

const result = await build({
  entryPoints: {
    cli: "src/cli/main.ts",
    index: "src/index.ts",
    sendmail: "src/integrations/sendmailWrapper.ts",
    nodemailer: "src/integrations/nodemailer.ts",
    // Read by `npm run train` only.
    "training-rows": "src/tone/model/trainingRows.ts",
  },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  supported,
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
  plugins: [lazyDepsPlugin(), libmimeCharsetPlugin(), mailparserTldsPlugin()],
});
assertPatched(["libmime-charset", "mailparser-tlds"]);
await buildLazyModules("dist");
await precompilePacks("dist");
patchesApplied.clear();

/**
 * One entry point as a single CommonJS file, with the patches it must get (checked after). An
 * `import.meta.url` in the sources is the file's own URL.
 */
async function buildCommonJs(entryPoint, outfile, plugins, patches) {
  await build({
    entryPoints: [entryPoint],
    outfile,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    supported,
    define: { "process.env.DRAFTLINT_VERSION": JSON.stringify(pkg.version), "import.meta.url": "__draftlintModuleUrl" },
    banner: { js: "const __draftlintModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    external: ["typescript"],
    logLevel: "warning",
    plugins,
  });
  assertPatched(patches);
  patchesApplied.clear();
}

// The command line as one CommonJS file, which bin/draftlint.js compiles with a V8 code cache
// (Node 20 has none for ES modules): compiling the bundle was a third of a cold start.
await buildCommonJs("src/cli/main.ts", "dist/cli.cjs", [lazyDepsPlugin(), lazyBuiltinsPlugin(), libmimeCharsetPlugin(), cosmiconfigImportPlugin(), mailparserTldsPlugin()], ["libmime-charset", "cosmiconfig-import", "mailparser-tlds"]);

// The linting worker of a large run as one CommonJS file too, not the ES module chunks: on 2,000
// real messages on one thread the chunks took 7% more CPU and 12% more time than this bundle
// (median of 6 paired runs), and a worker runs that code for the whole folder. Node loads it
// itself, so a .linterrc.mjs it finds is imported as usual (no cosmiconfig patch).
await buildCommonJs("src/cli/lintWorker.ts", "dist/worker.cjs", [lazyDepsPlugin(), libmimeCharsetPlugin(), mailparserTldsPlugin()], ["libmime-charset", "mailparser-tlds"]);
escapeNonAscii("dist");
// A first run writes the cache, with the functions a lint compiles, beside the bundle. The sample
// has findings, so the run exits 1 by design.
spawnSync(process.execPath, ["bin/draftlint.js", "--no-color", "fixtures/stoke-park.eml"], {
  stdio: "ignore",
  env: { ...process.env, DRAFTLINT_CODE_CACHE: "write" },
});

await tscDone;
if (stamp) writeFileSync(STAMP, stamp);
if (process.env.DRAFTLINT_BUILD_ANALYZE) {
  const { analyzeMetafile } = await import("esbuild");
  console.log(await analyzeMetafile(result.metafile));
}
