/**
 * SPEC §9 "never hang, never crash": each hostile input (scripts/stress.mjs) run through the built
 * CLI ends in findings or a clean file error: exit ≤ 2, a JSON report, no stack trace. The timeout
 * is a hang guard only; nothing here asserts on speed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { hostileInputs, writeHostileInputs } from "../../scripts/stress.mjs";
import { assertLinted, hasStackTrace, runCli, tempDir, testConfig } from "./helpers.js";

const names = Object.keys(hostileInputs() as Record<string, string>);
let dir: string;
let cleanup: () => void;
let configArgs: string[];

beforeAll(() => {
  ({ dir, cleanup } = tempDir("draftlint-hostile-"));
  writeHostileInputs(dir);
  configArgs = testConfig(dir).args;
});
afterAll(() => cleanup?.());

function lintOne(name: string) {
  const run = runCli([join(dir, name), "-f", "json", ...configArgs], { timeout: 30_000 });
  expect(run.signal, `${name} was killed (hang guard)`).toBeNull();
  expect(run.status).not.toBeNull();
  expect(run.status!).toBeLessThanOrEqual(2);
  expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
  expect(run.report, `${name}: no JSON report\n${run.stderr}`).not.toBeNull();
  const file = run.report.files[0];
  assertLinted(file);
  if (file.error) {
    expect(run.status).toBe(2);
    expect(file.findings).toEqual([]);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  }
  return file;
}

describe("hostile inputs give findings or a clean file error", () => {
  it.each(names)("%s", (name) => {
    lintOne(name);
  }, 40_000);

  it("10,000 recipients are all read", () => {
    const file = lintOne("recipients-10000.eml");
    expect(file.error).toBeNull();
    expect(file.recipients).toHaveLength(10000);
  }, 40_000);

  it("a 10 MB single-line body is linted up to the cap and says so", () => {
    const file = lintOne("long-line-10mb.eml");
    expect(file.error).toBeNull();
    const notice = file.findings.find((f: any) => f.ruleId === "body-too-long");
    expect(notice?.severity).toBe("info");
  }, 40_000);

  it("NUL bytes in a text file are a binary-input file error", () => {
    const file = lintOne("nul-bytes.txt");
    expect(file.error?.code).toBe("binary-input");
  }, 40_000);

  it("an unknown charset still yields the recipients", () => {
    const file = lintOne("unknown-charset.eml");
    expect(file.error).toBeNull();
    expect(file.recipients.map((r: any) => r.address)).toEqual(["bob@acme.com"]);
  }, 40_000);
});
