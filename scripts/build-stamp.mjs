// What dist/ was built from: a hash of every file the build reads (sources, packs, the model,
// build scripts, the installed dependencies' versions) and of the Node and esbuild that built it.
// scripts/build.mjs stops when dist/ holds a complete build with the same stamp, as make would;
// any change to any of those files builds again.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { version as esbuildVersion } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const STAMP = join(ROOT, "dist", ".build-stamp");

const INPUT_DIRS = ["src", "rules", "scripts", "bin"];
const INPUT_FILES = ["package.json", "package-lock.json", "tsconfig.json", "fixtures/stoke-park.eml", "node_modules/.package-lock.json"];
/** What a build that finished leaves in dist/: the stamp is written last, after these. */
const OUTPUTS = ["cli.cjs", "cli.cjs.cache", "cli.js", "index.js", "sendmail.js", "nodemailer.js", "worker.cjs", "types/index.d.ts"];

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The stamp of the files as they are now; null when the installed dependencies cannot be told. */
export function buildStamp() {
  const files = [...INPUT_DIRS.flatMap((d) => filesUnder(join(ROOT, d))), ...INPUT_FILES.map((f) => join(ROOT, f))];
  if (!files.every((f) => existsSync(f))) return null;
  const hash = createHash("sha256").update(`${process.version} esbuild ${esbuildVersion}\n`);
  for (const file of files.sort()) hash.update(`${relative(ROOT, file)}\n`).update(readFileSync(file));
  return hash.digest("hex");
}

export function isCurrent(stamp) {
  try {
    return readFileSync(STAMP, "utf8") === stamp && OUTPUTS.every((f) => existsSync(join(ROOT, "dist", f)));
  } catch {
    return false;
  }
}
