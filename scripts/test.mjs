// `npm test`: build, run vitest, and end with one plain "N passed, N failed" line that any CI
// can read, whatever happened.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const build = spawnSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
if (build.status !== 0) {
  console.log("0 passed, 1 failed");
  process.exit(build.status ?? 1);
}

const results = join(tmpdir(), `draftlint-vitest-${process.pid}.json`);
const vitest = spawnSync(
  process.execPath,
  ["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${results}`, ...process.argv.slice(2)],
  { stdio: "inherit" },
);
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(results, "utf8"));
  passed = report.numPassedTests;
  // A file that fails to load, or an error thrown outside any test, fails no test of its own: each
  // such file counts as one failure, so a red run never ends with "0 failed".
  const brokenFiles = (report.testResults ?? []).filter((file) => file.status === "failed" && !(file.assertionResults ?? []).some((t) => t.status === "failed")).length;
  failed = report.numFailedTests + brokenFiles;
  rmSync(results, { force: true });
} catch {
  // No report at all (vitest crashed): the run failed.
}
if (vitest.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(vitest.status ?? 1);
