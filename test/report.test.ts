// Formatters written file by file must print exactly what a whole-report formatter would.
import { describe, expect, it } from "vitest";
import { formatJson } from "../src/report/json.js";
import { formatStylish } from "../src/report/stylish.js";
import { buildReport } from "../src/report/summarise.js";
import type { FileResult } from "../src/types.js";

const finding = {
  ruleId: "gatekeeping",
  severity: "error" as const,
  message: "This judges \"they\" as not the kind of customer we want",
  excerpt: "I don't think they are the type of people we want.",
  messageId: "default",
  target: "they",
  evidence: ["type of people we want"],
  readers: ["pauline@gmail.com"],
  location: { section: "body" as const, line: 3, column: 1, endLine: 3, endColumn: 52, fileLine: 9 },
  suggestion: null,
};
const clean: FileResult = { file: "a.eml", audience: "internal", recipients: [], findings: [], error: null };
const flagged: FileResult = { ...clean, file: "b.eml", audience: "external", findings: [finding] };
const broken: FileResult = { ...clean, file: "c.eml", audience: "unknown", error: { code: "binary-input", message: "binary data" } };

describe("json", () => {
  it.each([[[]], [[clean]], [[clean, flagged, broken]]])("lays out %# exactly as JSON.stringify(report, null, 2)", (files) => {
    const report = buildReport(files);
    expect(formatJson(report)).toBe(JSON.stringify(report, null, 2) + "\n");
  });
});

describe("stylish", () => {
  it("prints nothing for clean files, then blocks and the summary a blank line apart", () => {
    expect(formatStylish(buildReport([clean]))).toBe("");
    const text = formatStylish(buildReport([clean, flagged, broken]));
    // The file's line (fileLine 9), as compact, github and sarif show it.
    expect(text).toMatch(/^\nb\.eml\n {2}9:1 +error +This judges/);
    expect(text).toContain("\n\nc.eml\n  file error  binary data  binary-input\n");
    expect(text.endsWith("\n\n✖ 1 problem (1 error, 0 warnings); 1 file could not be linted\n")).toBe(true);
  });

  it("prints 200,000 findings of one file (a spread into Math.max overflowed the stack)", () => {
    const many: FileResult = { ...flagged, findings: Array.from({ length: 200_000 }, () => finding) };
    const text = formatStylish(buildReport([many]));
    expect(text.endsWith("\n✖ 200000 problems (200000 errors, 0 warnings)\n")).toBe(true);
    // One sentence, quoted once under the first of its findings.
    expect(text.match(/│ I don't think/g)).toHaveLength(1);
  });
});
