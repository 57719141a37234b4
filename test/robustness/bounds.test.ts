/**
 * Everything is bounded (SPEC §8, §9; issue 14): findings per rule per file, with a summary of the
 * rest, so that a megabyte of placeholders neither floods the report nor takes a gigabyte of
 * memory. The CLI is run with a 200 MB heap: a run that needed more would die, not pass.
 */
import { spawnSync } from "node:child_process";
import { closeSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/index.js";
import { validateConfig, resolveConfigFor } from "../../src/config/loadConfig.js";
import { lintMessage } from "../../src/engine/lint.js";
import { defineRule } from "../../src/engine/rule.js";
import { readMessage } from "../../src/message/readMessage.js";
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

describe("text per part", () => {
  const head = (boundary: string) =>
    `From: Emma <emma@stokepark.com>\nTo: Karen <karen@stokepark.com>\nSubject: Log\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="${boundary}"\n\n--${boundary}\nContent-Type: text/plain\n\nHi Karen, TODO here.\n`;
  const tail = (boundary: string) =>
    `--${boundary}\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=rota.pdf\nContent-Transfer-Encoding: base64\n\nQUJD\n--${boundary}--\n`;

  /** A message whose text part is `megabytes` long (in lines of `line`), written without holding it. */
  function bigMessage(dir: string, megabytes: number, line: string): string {
    const path = join(dir, "big.eml");
    const fd = openSync(path, "w");
    writeSync(fd, head("b1"));
    const block = Buffer.from(line.repeat(Math.ceil((1 << 20) / line.length)));
    for (let i = 0; i < megabytes; i++) writeSync(fd, block);
    writeSync(fd, tail("b1"));
    closeSync(fd);
    return path;
  }

  it("a 520 MB text part (past the longest string Node can make) is linted from its start, with a notice, in 200 MB", () => {
    const dir = tempProject();
    bigMessage(dir, 520, `${"x".repeat(99)}\n`);
    const r = spawnSync(process.execPath, ["--max-old-space-size=200", CLI, "-f", "json", "big.eml"], { cwd: dir, encoding: "utf8", timeout: 120_000 });
    expect(r.stderr).toBe("");
    const file = JSON.parse(r.stdout).files[0];
    expect(file.error).toBeNull();
    expect(file.findings.map((f: any) => f.ruleId)).toEqual(expect.arrayContaining(["unfilled-placeholder", "body-too-long"]));
    expect(file.findings.find((f: any) => f.ruleId === "body-too-long").message).toMatch(/^The body is too long to lint whole: only its first [\d,]+ characters were checked\.$/);
  }, 180_000);

  it("an attachment as one 13 MB base64 line is read in 200 MB", () => {
    const dir = tempProject();
    const path = join(dir, "photos.eml");
    const fd = openSync(path, "w");
    writeSync(fd, head("b3").replace("TODO here.", "the photos are attached."));
    writeSync(fd, "--b3\nContent-Type: application/zip\nContent-Disposition: attachment; filename=photos.zip\nContent-Transfer-Encoding: base64\n\n");
    writeSync(fd, Buffer.alloc(10 << 20, 7).toString("base64"));
    writeSync(fd, "\n--b3--\n");
    closeSync(fd);
    const r = spawnSync(process.execPath, ["--max-old-space-size=200", CLI, "-f", "json", "photos.eml"], { cwd: dir, encoding: "utf8", timeout: 60_000 });
    expect(r.stderr).toBe("");
    const file = JSON.parse(r.stdout).files[0];
    expect(file.error).toBeNull();
    expect(file.findings.map((f: any) => f.ruleId)).not.toContain("missing-attachment");
  }, 90_000);

  it("one 10 MB line in a text part, then an attachment: the attachment is still seen", async () => {
    const long = "word ".repeat(2 << 20);
    const source = `${head("b2")}${long}\n${tail("b2")}`;
    const result = await lint(source, { filename: "long.eml", config: { packs: ["hygiene"] } });
    expect(result.error).toBeNull();
    expect(result.findings.map((f) => f.ruleId)).toContain("body-too-long");
    // "attached" is not said in the text, so the attachment can only show through the structure:
    const withClaim = await lint(source.replace("TODO here.", "the rota is attached."), { filename: "long.eml", config: { packs: ["hygiene"] } });
    expect(withClaim.findings.map((f) => f.ruleId)).not.toContain("missing-attachment");
  }, 60_000);
});

describe("time per input", () => {
  it("past the budget the remaining rules are not run, and an error says which", async () => {
    const loaded = validateConfig({ packs: ["hygiene"] }, null, process.cwd());
    const slow = defineRule({
      id: "slow-rule",
      pack: "test",
      check() {
        const until = Date.now() + 100;
        while (Date.now() < until);
      },
    });
    const ruleSet = [{ ...loaded.ruleSet[0], rule: slow }, ...loaded.ruleSet];
    const message = await readMessage(Buffer.from("Hi Karen, TODO.\n"), "t.txt", "auto", { internalDomains: [], trustedDomains: [], freemailDomains: new Set() });
    const result = await lintMessage(message, resolveConfigFor("t.txt", loaded), ruleSet, undefined, 50);
    const notice = result.findings.find((f) => f.ruleId === "lint-time-limit");
    expect(notice?.severity).toBe("error");
    expect(notice?.message).toContain(loaded.ruleSet.map((r) => r.data.id).join(", "));
    expect(result.findings.map((f) => f.ruleId)).not.toContain("unfilled-placeholder");
  });
});
