/**
 * The stable, versioned format other tools read (SPEC §6). Written file by file, laid out exactly
 * as `JSON.stringify(report, null, 2)` would lay out the whole report.
 */
import type { Report } from "../types.js";
import { formatReport, noColour, type FormatOptions, type StreamingFormatter } from "./formatter.js";

function indent(text: string, by: string): string {
  return text.replace(/\n/g, `\n${by}`);
}

export const jsonFormatter: StreamingFormatter = {
  kind: "streaming",
  start: () => '{\n  "version": 1,\n  "files": [',
  file: (result, index) => `${index ? "," : ""}\n    ${indent(JSON.stringify(result, null, 2), "    ")}`,
  end: (summary, files) => `${files ? "\n  " : ""}],\n  "summary": ${indent(JSON.stringify(summary, null, 2), "  ")}\n}\n`,
};

/** The whole report at once. */
export function formatJson(report: Report, options: FormatOptions = { chalk: noColour }): string {
  return formatReport(jsonFormatter, report, options);
}
