#!/usr/bin/env node
// Starts the bundled CLI; all logic lives in src/ (built to dist/ by `npm run build`).
//
// dist/cli.cjs is compiled with a V8 code cache kept beside it (dist/cli.cjs.cache), which Node
// 20 offers for scripts but not for ES modules: compiling the bundle was a third of a cold start.
// A missing or stale cache (another Node version) only costs that compile, and is rewritten when
// the folder is writable.
import { readFileSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const bundle = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli.cjs");
const cacheFile = `${bundle}.cache`;
let cachedData;
try {
  if (process.env.DRAFTLINT_CODE_CACHE !== "write") cachedData = readFileSync(cacheFile);
} catch {
  // No cache yet.
}
const script = new vm.Script(Module.wrap(readFileSync(bundle, "utf8")), { filename: bundle, cachedData });
// The bundle's one import() of a file not in it (a .linterrc.mjs) runs from here (scripts/build.mjs).
globalThis.__draftlintImport = (specifier) => import(specifier);
const module = { exports: {} };
script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));

process.exitCode = await module.exports.main(process.argv.slice(2));
if (!cachedData || script.cachedDataRejected) {
  try {
    writeFileSync(cacheFile, script.createCachedData());
  } catch {
    // A read-only installation keeps working without it.
  }
}
