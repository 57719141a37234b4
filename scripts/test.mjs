// `npm test`: build, run vitest, and end with one plain "N passed, N failed" line that any CI
// can read, whatever happened.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { summarise } from "./test-summary.mjs";

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
let report = null;
try {
  report = JSON.parse(readFileSync(results, "utf8"));
  rmSync(results, { force: true });
} catch {
  // No report at all (vitest crashed): summarise counts the run as failed.
}
console.log(summarise(report, vitest.status).line);
process.exit(vitest.status ?? 1);
