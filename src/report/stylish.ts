/**
 * The default human format, grouped by file as ESLint's stylish is: recipient findings first with
 * the header they are on, then the subject and body at the file's `line:col`, each with the
 * message, severity and rule id, the sentence that is the problem (once per sentence, however
 * many findings are on it) and a kinder wording; then the summary line. On a terminal, long lines
 * wrap between words under their own column.
 */
import type { ChalkInstance } from "chalk";
import type { FileResult, Finding, Report } from "../types.js";
import { formatReport, noColour, type FormatOptions, type StreamingFormatter } from "./formatter.js";
import { lineColumn } from "./position.js";
import { safeText } from "./safeText.js";
import { truncateLine, wrapPieces } from "./wrapText.js";

const SEVERITY_WORD = { error: "error", warn: "warning", info: "info" } as const;
/** Without a terminal to fit, an excerpt is still kept to a readable length. */
const EXCERPT_MAX = 160;

function where(f: Finding): string {
  const l = f.location;
  switch (l.section) {
    case "header":
      return safeText(l.header ?? "header");
    case "subject":
      return "subject";
    case "attachment":
      return "attachment";
    default:
      return lineColumn(f);
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function formatFile(file: FileResult, c: ChalkInstance, width: number | undefined): string[] {
  const lines = [c.underline(safeText(file.file))];
  if (file.error) {
    lines.push(`  ${c.red("file error")}  ${safeText(file.error.message)}  ${c.dim(file.error.code)}`);
    return lines;
  }
  // A loop, not Math.max(...all): spreading 100,000 findings overflows the call stack.
  let column = 0;
  for (const f of file.findings) column = Math.max(column, where(f).length);
  const indent = 2 + column + 2 + 7 + 2;
  const bar = `  ${" ".repeat(column)}  ${c.dim("│")} `;
  const barWidth = 2 + column + 2 + 2;
  const excerptsShown = new Set<string>();
  for (const f of file.findings) {
    const sev = f.severity === "error" ? c.red : f.severity === "warn" ? c.yellow : c.blue;
    const head = `  ${c.dim(where(f).padEnd(column))}  ${sev(SEVERITY_WORD[f.severity].padEnd(7))}  `;
    const pieces = [
      { text: safeText(f.message) },
      { text: f.ruleId, style: c.dim, gap: 2 },
      ...(f.location.section === "quoted" ? [{ text: "(in quoted text)", style: c.dim }] : []),
    ];
    const [first, ...rest] = wrapPieces(pieces, width, indent, indent);
    lines.push(head + first, ...rest.map((l) => " ".repeat(indent) + l));
    // Three findings on one sentence show it once, under the first.
    const excerpt = f.excerpt && f.location.section !== "header" ? safeText(f.excerpt.replace(/\s+/g, " ").trim()) : "";
    if (excerpt && !excerptsShown.has(excerpt)) {
      excerptsShown.add(excerpt);
      lines.push(bar + c.italic(truncateLine(excerpt, width === undefined ? EXCERPT_MAX : Math.max(20, width - barWidth))));
    }
    if (f.suggestion) {
      const [tryFirst, ...tryRest] = wrapPieces([{ text: "try:", style: c.green }, { text: safeText(f.suggestion) }], width, barWidth, barWidth + 5);
      lines.push(bar + tryFirst, ...tryRest.map((l) => `${bar}     ${l}`));
    }
  }
  return lines;
}

export const stylishFormatter: StreamingFormatter = {
  kind: "streaming",
  // Each file with something to say is a block; blocks and the summary are a blank line apart.
  file: (result, _index, { chalk, width }) => (result.error || result.findings.length ? `\n${formatFile(result, chalk, width).join("\n")}\n` : ""),
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
