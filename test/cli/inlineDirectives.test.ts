/**
 * Disable comments as a user writes them, in the comment syntax of each file type: `{{!-- --}}`
 * in Handlebars, `<!-- -->` in Markdown, HTML and HTML email, a bare line in a .txt; and the
 * ESLint flags that go with them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../integrations/helpers.js";
import { jsonOf, lintIn, tempProject } from "./helpers.js";

const LEFTOVER = "Dear [Customer Name], we TODO.";

function htmlEmail(html: string): string {
  return `From: Emma <emma@stokepark.com>\nTo: Richard <richard@stokepark.com>\nSubject: Menu\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 7bit\n\n${html}`;
}

const DRAFTS: Record<string, string> = {
  "welcome.hbs": `Hello,\n{{!-- draftlint-disable-next-line unfilled-placeholder --}}\n${LEFTOVER}\nThanks\n`,
  "notes.md": `Hello\n\n<!-- draftlint-disable-next-line unfilled-placeholder -->\n${LEFTOVER}\n`,
  "menu.html": `<p>Hello</p>\n<!-- draftlint-disable-next-line unfilled-placeholder -->\n<p>${LEFTOVER}</p>\n`,
  "reply.txt": `Hello\ndraftlint-disable-next-line unfilled-placeholder\n${LEFTOVER}\n`,
  "menu.eml": htmlEmail(`<html><body>\n<p>Hello Richard,</p>\n<!-- draftlint-disable-next-line unfilled-placeholder -->\n<p>${LEFTOVER}</p>\n</body></html>\n`),
  "block.html": `<p>Hi</p>\n<!-- draftlint-disable unfilled-placeholder -->\n<p>${LEFTOVER}</p>\n<p>${LEFTOVER}</p>\n<!-- draftlint-enable unfilled-placeholder -->\n<p>${LEFTOVER}</p>\n`,
};

const findingsOf = (report: any, file: string) => report.files.find((f: any) => f.file === file).findings;

describe("disable comments", () => {
  it("silence the next line in {{!-- --}}, <!-- --> (.md, .html, HTML .eml) and a bare .txt line, and are not findings themselves", async () => {
    const dir = tempProject(DRAFTS);
    const names = Object.keys(DRAFTS).filter((n) => n !== "block.html");
    const report = jsonOf(await lintIn(dir, ["-f", "json", ...names]));
    for (const name of names) expect(findingsOf(report, name), name).toEqual([]);
  });

  it("disable … enable in HTML silences the lines between, not after", async () => {
    const dir = tempProject(DRAFTS);
    const findings = findingsOf(jsonOf(await lintIn(dir, ["-f", "json", "block.html"])), "block.html");
    expect(new Set(findings.map((f: any) => f.location.fileLine))).toEqual(new Set([6]));
  });

  it("the README's own example is neither a placeholder nor anything else", async () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const example = /```\n(\{\{!-- draftlint-disable-next-line[\s\S]*?)```/.exec(readme)![1];
    const dir = tempProject({ "example.txt": example });
    const run = await lintIn(dir, ["-f", "json", "example.txt"]);
    expect(findingsOf(jsonOf(run), "example.txt")).toEqual([]);
  });

  it("--no-inline-config: the comments silence nothing", async () => {
    const dir = tempProject(DRAFTS);
    const report = jsonOf(await lintIn(dir, ["-f", "json", "--no-inline-config", "welcome.hbs", "menu.eml"]));
    expect(findingsOf(report, "welcome.hbs").map((f: any) => f.location.line)).toEqual([3, 3]);
    expect(findingsOf(report, "menu.eml").map((f: any) => f.ruleId)).toEqual(["unfilled-placeholder", "unfilled-placeholder"]);
  });

  it("--report-unused-disable-directives: a comment that silences nothing is an error on its line", async () => {
    const dir = tempProject({ "ok.hbs": "Hello,\n{{!-- draftlint-disable-next-line shouting --}}\nSee you soon.\n", ...DRAFTS });
    const run = await lintIn(dir, ["-f", "compact", "--report-unused-disable-directives", "ok.hbs", "welcome.hbs"]);
    expect(run.code).toBe(1);
    expect(run.stdout.split("\n").filter((l) => l.includes("["))).toEqual([
      "ok.hbs:2:1: error Unused draftlint-disable-next-line directive (shouting): nothing was reported there. [unused-disable-directive]",
    ]);
  });
});
