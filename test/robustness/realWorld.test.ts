/**
 * Real messages nobody on the team wrote (test/robustness/real-world, sources and licences in its
 * LICENSE-NOTE.md): every one gives a result or a clean file error, through the CLI and the library.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { lintFile } from "../../src/index.js";
import { assertLinted, hasStackTrace, ROOT, runCli, tempDir, testConfig } from "./helpers.js";

const CORPUS = join(ROOT, "test", "robustness", "real-world");
const files = readdirSync(CORPUS, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".eml"))
  .sort()
  .map((f) => join(CORPUS, f));

let tmp: ReturnType<typeof tempDir>;
let cfg: ReturnType<typeof testConfig>;
beforeAll(() => {
  tmp = tempDir();
  cfg = testConfig(tmp.dir);
});
afterAll(() => tmp?.cleanup());

describe("real-world corpus", () => {
  it("holds 20–60 messages", () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(files.length).toBeLessThanOrEqual(60);
  });

  it("the CLI lints every message: result or clean file error, exit ≤ 2, no stack trace", () => {
    const run = runCli([...files.map((f) => relative(ROOT, f)), "-f", "json", ...cfg.args], { timeout: 60_000 });
    expect(run.signal).toBeNull();
    expect(run.status!).toBeLessThanOrEqual(2);
    expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
    expect(run.report.files).toHaveLength(files.length);
    for (const file of run.report.files) {
      assertLinted(file);
      if (file.error) expect(["parse-error", "binary-input", "read-error"]).toContain(file.error.code);
      else expect(Array.isArray(file.findings)).toBe(true);
    }
  }, 60_000);

  it.each(files.map((f) => [relative(CORPUS, f), f]))("library: %s", async (_name, path) => {
    const result = await lintFile(path, cfg.config === undefined ? {} : { config: cfg.config });
    assertLinted(result);
    expect(result.error === null || typeof result.error.code === "string").toBe(true);
  }, 30_000);
});
