/**
 * Drafts as editors on Windows save them, and HTML as generators nest it (issue 14): a UTF-8 byte
 * order mark before an .eml, UTF-16 text with or without a mark, and 100,000 nested elements.
 * Each is read and linted like any other draft, not refused or lost to a stack overflow.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/index.js";
import { DRAFTS } from "../integrations/helpers.js";

const lookalike = readFileSync(join(DRAFTS, "lookalike.eml"));
const config = { packs: ["recipients", "hygiene"] };
const ruleIds = (result: { findings: Array<{ ruleId: string }> }) => result.findings.map((f) => f.ruleId);

describe("encodings", () => {
  it.each(["draft.eml", "<stdin>", "draft.txt"])("a UTF-8 byte order mark before an email (%s) is not in the way", async (filename) => {
    const result = await lint(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), lookalike]), { filename, config });
    expect(result.error).toBeNull();
    expect(ruleIds(result)).toContain("lookalike-domain");
    expect(result.findings.find((f) => f.ruleId === "lookalike-domain")?.location.header).toBe("to");
  });

  const text = "Hi Karen,\nThe rota is XX for now, TODO.\n";
  it.each([
    ["little-endian with a mark", Buffer.from(`\uFEFF${text}`, "utf16le")],
    ["big-endian with a mark", Buffer.from(`\uFEFF${text}`, "utf16le").swap16()],
    ["little-endian without a mark", Buffer.from(text, "utf16le")],
  ])("UTF-16 text, %s, is read as text", async (_, bytes) => {
    const result = await lint(bytes, { filename: "note.txt", config });
    expect(result.error).toBeNull();
    expect(result.findings.filter((f) => f.ruleId === "unfilled-placeholder").map((f) => [f.location.line, f.location.column])).toEqual([
      [2, 13],
      [2, 25],
    ]);
  });

  it("an email saved as UTF-16 is read as that email", async () => {
    const result = await lint(Buffer.from(`\uFEFF${lookalike.toString("utf8")}`, "utf16le"), { filename: "<stdin>", config });
    expect(ruleIds(result)).toContain("lookalike-domain");
  });
});

describe("deeply nested HTML", () => {
  it("100,000 nested elements: the text is linted, no stack overflow", async () => {
    const html = `${"<div>".repeat(100_000)}Hello, the rota is XX.${"</div>".repeat(100_000)}`;
    const result = await lint(html, { filename: "deep.html", config });
    expect(result.error).toBeNull();
    expect(ruleIds(result)).toContain("unfilled-placeholder");
  }, 60_000);

  it("ordinary HTML is still converted as before", async () => {
    const result = await lint("<p>Hello <b>Karen</b>,</p><p>The rota is XX.</p>", { filename: "note.html", config });
    expect(result.findings.find((f) => f.ruleId === "unfilled-placeholder")?.excerpt).toBeDefined();
  });
});
