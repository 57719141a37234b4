/** One line per finding, `file:line:col: severity message [rule]`, for editors and grep. */
import type { Finding, Report } from "../types.js";
import { formatReport, noColour, type FormatOptions, type StreamingFormatter } from "./formatter.js";

function position(f: Finding): string {
  const l = f.location;
  if (l.section === "header") return `${l.header ?? "header"}`;
  if (l.section === "subject") return `subject:${l.column ?? 1}`;
  if (l.section === "attachment") return "attachment";
  return `${l.line ?? 0}:${l.column ?? 0}`;
}

export const compactFormatter: StreamingFormatter = {
  kind: "streaming",
  file(file) {
    const lines: string[] = [];
    if (file.error) lines.push(`${file.file}: file error: ${file.error.message} [${file.error.code}]`);
    for (const f of file.findings) lines.push(`${file.file}:${position(f)}: ${f.severity} ${f.message} [${f.ruleId}]`);
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
