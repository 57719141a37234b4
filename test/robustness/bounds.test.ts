/**
 * Everything is bounded (SPEC §8, §9; issue 14): findings per rule per file, with a summary of the
 * rest, so that a megabyte of placeholders neither floods the report nor takes a gigabyte of
 * memory. The CLI is run with a 200 MB heap: a run that needed more would die, not pass.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/index.js";
import { CLI, tempProject } from "../integrations/helpers.js";

describe("findings per rule per file", () => {
  it("a megabyte of 'XX ' gives 100 placeholder findings and one that counts the rest, in 200 MB", () => {
    const dir = tempProject({ "xx.txt": "XX ".repeat(340_000) });
    const r = spawnSync(process.execPath, ["--max-old-space-size=200", CLI, "-f", "json", "xx.txt"], { cwd: dir, encoding: "utf8", timeout: 60_000, maxBuffer: 64 << 20 });
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout).files[0].findings.filter((f: any) => f.ruleId === "unfilled-placeholder");
    expect(findings).toHaveLength(101);
    expect(findings.filter((f: any) => /^…and [\d,]+ more unfilled-placeholder findings in this file from here on, not listed \(100 are\)\.$/.test(f.message))).toHaveLength(1);
    expect(findings.every((f: any) => f.severity === "error")).toBe(true);
  }, 90_000);

  it("a silenced finding does not count towards the cap", async () => {
    const text = ["<!-- draftlint-disable unfilled-placeholder -->", "XX ".repeat(500), "<!-- draftlint-enable unfilled-placeholder -->", "XX XX"].join("\n");
    const result = await lint(text, { filename: "t.txt", config: { packs: ["hygiene"] } });
    expect(result.findings.filter((f) => f.ruleId === "unfilled-placeholder").map((f) => f.location.line)).toEqual([4, 4]);
  });
});

describe("library limits in plain words", () => {
  it("a message of 1,001 MIME parts is a file error that says so, not mailsplit's words", async () => {
    const parts = Array.from({ length: 1001 }, (_, i) => `--b\nContent-Type: text/plain\n\npart ${i}\n`).join("");
    const source = `From: a@acme.com\nTo: b@acme.com\nSubject: s\nContent-Type: multipart/mixed; boundary="b"\n\n${parts}--b--\n`;
    const result = await lint(source, { filename: "parts.eml", config: { packs: ["recipients"] } });
    expect(result.error).toEqual({ code: "parse-error", message: "more than 1,000 MIME parts: the message is not read" });
  });
});
