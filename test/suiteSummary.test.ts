/**
 * `npm test`'s closing line (scripts/test-summary.mjs) counts every failure: failed tests, files
 * that cannot load, and runs that fail with no failure in the report. One real vitest run over
 * test/summary-fixtures keeps it honest about the report vitest actually writes.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { summarise } from "../scripts/test-summary.mjs";

const ROOT = join(import.meta.dirname, "..");

describe("npm test's closing line", () => {
  it("counts a failed test, a file that cannot load, and the passes, from a real vitest report", { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "draftlint-summary-"));
    try {
      const out = join(dir, "report.json");
      const run = spawnSync(process.execPath, [join(ROOT, "node_modules/vitest/vitest.mjs"), "run", "--config", join(ROOT, "test/summary-fixtures/vitest.config.ts"), "--reporter=json", `--outputFile.json=${out}`], { cwd: ROOT, encoding: "utf8" });
      expect(run.status).toBe(1);
      expect(summarise(JSON.parse(readFileSync(out, "utf8")), run.status).line).toBe("2 passed, 2 failed");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("never says 0 failed for a red run", () => {
    const green = { numPassedTests: 3, numFailedTests: 0, testResults: [{ status: "passed", assertionResults: [] }] };
    expect(summarise(green, 0).line).toBe("3 passed, 0 failed");
    // An unhandled error fails the run while every test passed.
    expect(summarise(green, 1).line).toBe("3 passed, 1 failed");
    // No report: vitest crashed, or was killed (no exit status).
    expect(summarise(null, 1).line).toBe("0 passed, 1 failed");
    expect(summarise(null, null).line).toBe("0 passed, 1 failed");
  });
});
