/**
 * One line per finding, `file:line:col: severity message [rule]`, for editors' problem matchers
 * and grep: every finding has a line and column of the file, a header finding its header's line
 * (named after the message: `(cc)`).
 */
import type { Finding, Report } from "../types.js";
import { formatReport, noColour, type FormatOptions, type StreamingFormatter } from "./formatter.js";
import { lineColumn } from "./position.js";
import { safeText } from "./safeText.js";

function section(f: Finding): string {
  const l = f.location;
  if (l.section === "header") return ` (${safeText(l.header ?? "header")})`;
  if (l.section === "subject" || l.section === "attachment") return ` (${l.section})`;
  return "";
}

export const compactFormatter: StreamingFormatter = {
  kind: "streaming",
  file(file) {
    const lines: string[] = [];
    const name = safeText(file.file);
    if (file.error) lines.push(`${name}: file error: ${safeText(file.error.message)} [${file.error.code}]`);
    for (const f of file.findings) lines.push(`${name}:${lineColumn(f)}: ${f.severity} ${safeText(f.message)}${section(f)} [${f.ruleId}]`);
    return lines.map((l) => l + "\n").join("");
  },
  end(s) {
    const total = s.errors + s.warnings + s.infos;
    if (!total && !s.fileErrors) return "";
    return `\n${total} problem${total === 1 ? "" : "s"}${s.fileErrors ? `, ${s.fileErrors} file error${s.fileErrors === 1 ? "" : "s"}` : ""}\n`;
  },
};

/** The whole report at once. */
export function formatCompact(report: Report, options: FormatOptions = { chalk: noColour }): string {
  return formatReport(compactFormatter, report, options);
}
