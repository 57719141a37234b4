#!/usr/bin/env node
// Starts the bundled CLI; all logic lives in src/ (built to dist/ by `npm run build`).
//
// CommonJS (bin/package.json), unlike the rest of the package: Node starts a CommonJS entry
// without its ES module loader, a few milliseconds of every cold start (SPEC §8).
//
// dist/cli.cjs is compiled with a V8 code cache kept beside it (dist/cli.cjs.cache), which Node
// 20 offers for scripts but not for ES modules: compiling the bundle was a third of a cold start.
// A missing or stale cache (another Node version) only costs that compile, and is rewritten when
// the folder is writable.
"use strict";
const { readFileSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { dirname, join } = require("node:path");
const vm = require("node:vm");

const bundle = join(__dirname, "..", "dist", "cli.cjs");
const cacheFile = `${bundle}.cache`;
let cachedData;
try {
  if (process.env.DRAFTLINT_CODE_CACHE !== "write") cachedData = readFileSync(cacheFile);
} catch {
  // No cache yet.
}
const script = new vm.Script(Module.wrap(readFileSync(bundle, "utf8")), { filename: bundle, cachedData });
// Decided now, so the cache's bytes (1.4 MB outside the heap) are not held for the whole run.
const writeCache = !cachedData || script.cachedDataRejected;
cachedData = undefined;
// The bundle's one import() of a file not in it (a .linterrc.mjs) runs from here (scripts/build.mjs).
globalThis.__draftlintImport = (specifier) => import(specifier);
const module_ = { exports: {} };
script.runInThisContext().call(module_.exports, module_.exports, Module.createRequire(bundle), module_, bundle, dirname(bundle));

module_.exports.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  if (writeCache) {
    // Written aside and renamed into place: runs started together (a folder of hooks, a test
    // suite, a run with other V8 flags) must never read half of another's cache.
    const aside = `${cacheFile}.${process.pid}`;
    try {
      writeFileSync(aside, script.createCachedData());
      renameSync(aside, cacheFile);
    } catch {
      // A read-only installation keeps working without it.
      rmSync(aside, { force: true });
    }
  }
});
