/** One line per finding, `file:line:col: severity message [rule]`, for editors and grep. */
import type { Finding, Report } from "../types.js";

function position(f: Finding): string {
  const l = f.location;
  if (l.section === "header") return `${l.header ?? "header"}`;
  if (l.section === "subject") return `subject:${l.column ?? 1}`;
  if (l.section === "attachment") return "attachment";
  return `${l.line ?? 0}:${l.column ?? 0}`;
}

export function formatCompact(report: Report): string {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.error) lines.push(`${file.file}: file error: ${file.error.message} [${file.error.code}]`);
    for (const f of file.findings) {
      lines.push(`${file.file}:${position(f)}: ${f.severity} ${f.message} [${f.ruleId}]`);
    }
  }
  const s = report.summary;
  const total = s.errors + s.warnings + s.infos;
  if (total || s.fileErrors) lines.push("", `${total} problem${total === 1 ? "" : "s"}${s.fileErrors ? `, ${s.fileErrors} file error${s.fileErrors === 1 ? "" : "s"}` : ""}`);
  return lines.length ? lines.join("\n") + "\n" : "";
}
