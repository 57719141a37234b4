/**
 * The default human format, grouped by file as ESLint's stylish is: recipient findings first with
 * the header they are on, then the subject and body as `line:col`, each with the sentence that is
 * the problem, the message, severity and rule id; then the summary line.
 */
import type { ChalkInstance } from "chalk";
import type { FileResult, Finding, Report } from "../types.js";
import { formatReport, noColour, type FormatOptions, type StreamingFormatter } from "./formatter.js";

const SEVERITY_WORD = { error: "error", warn: "warning", info: "info" } as const;

function where(f: Finding): string {
  const l = f.location;
  switch (l.section) {
    case "header":
      return l.header ?? "header";
    case "subject":
      return "subject";
    case "attachment":
      return "attachment";
    default:
      return `${l.line ?? 0}:${l.column ?? 0}`;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function formatFile(file: FileResult, c: ChalkInstance): string[] {
  const lines = [c.underline(file.file)];
  if (file.error) {
    lines.push(`  ${c.red("file error")}  ${file.error.message}  ${c.dim(file.error.code)}`);
    return lines;
  }
  const width = Math.max(...file.findings.map((f) => where(f).length));
  for (const f of file.findings) {
    const sev = f.severity === "error" ? c.red : f.severity === "warn" ? c.yellow : c.blue;
    const quoted = f.location.section === "quoted" ? c.dim(" (in quoted text)") : "";
    lines.push(`  ${c.dim(where(f).padEnd(width))}  ${sev(SEVERITY_WORD[f.severity].padEnd(7))}  ${f.message}  ${c.dim(f.ruleId)}${quoted}`);
    if (f.excerpt && f.location.section !== "header") lines.push(`  ${" ".repeat(width)}  ${c.dim("│")} ${c.italic(truncate(f.excerpt, 160))}`);
    if (f.suggestion) lines.push(`  ${" ".repeat(width)}  ${c.dim("│")} ${c.green("try:")} ${f.suggestion}`);
  }
  return lines;
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? flat.slice(0, max - 1) + "…" : flat;
}

export const stylishFormatter: StreamingFormatter = {
  kind: "streaming",
  // Each file with something to say is a block; blocks and the summary are a blank line apart.
  file: (result, _index, { chalk }) => (result.error || result.findings.length ? `\n${formatFile(result, chalk).join("\n")}\n` : ""),
  end(s, _files, { chalk: c }) {
    const total = s.errors + s.warnings + s.infos;
    if (!total && !s.fileErrors) return "";
    const counts = [plural(s.errors, "error"), plural(s.warnings, "warning")];
    if (s.infos) counts.push(plural(s.infos, "info"));
    let summary = total ? `✖ ${plural(total, "problem")} (${counts.join(", ")})` : "";
    if (s.fileErrors) summary += `${summary ? "; " : "✖ "}${plural(s.fileErrors, "file")} could not be linted`;
    const color = s.errors || s.fileErrors ? c.red.bold : c.yellow.bold;
    return `\n${color(summary)}\n`;
  },
};

/** The whole report at once. */
export function formatStylish(report: Report, options: FormatOptions = { chalk: noColour }): string {
  return formatReport(stylishFormatter, report, options);
}
