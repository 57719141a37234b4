/**
 * GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding,
 * which the Actions runner turns into annotations on the file and line.
 *
 *   ::error file=drafts/wedding.eml,line=9,col=41,title=gatekeeping::I don't think they are …
 */
import type { FileResult, Finding, Report, ReportedSeverity } from "../types.js";
import { formatReport, noColour, type FormatOptions, type StreamingFormatter } from "./formatter.js";
import { splitArchiveMember } from "../input/mbox.js";
import { filePosition } from "./position.js";

const COMMAND: Record<ReportedSeverity, "error" | "warning" | "notice"> = { error: "error", warn: "warning", info: "notice" };

/**
 * The runner's own escaping (actions/toolkit `command.ts`): the message may hold anything but
 * `%`, CR and LF; property values additionally may not hold `:` or `,`, which delimit them.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function command(kind: string, properties: Array<[string, string | number | undefined]>, message: string): string {
  const props = properties
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  return `::${kind}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}

function annotation(file: FileResult, f: Finding): string {
  const { path, member } = splitArchiveMember(file.file);
  const l = f.location;
  const { line, column: col } = filePosition(f);
  const where = l.section === "header" ? ` (${l.header ?? "header"})` : "";
  const excerpt = f.excerpt && l.section !== "header" ? `\n> ${f.excerpt.replace(/\s+/g, " ").trim()}` : "";
  const suggestion = f.suggestion ? `\ntry: ${f.suggestion}` : "";
  return command(
    COMMAND[f.severity],
    [
      ["file", path],
      ["line", line],
      ["col", col],
      ["title", f.ruleId],
    ],
    `${member ? `message ${member}: ` : ""}${f.message}${where}${excerpt}${suggestion}`,
  );
}

export const githubFormatter: StreamingFormatter = {
  kind: "streaming",
  file(file) {
    const lines: string[] = [];
    if (file.error) {
      lines.push(command("error", [["file", splitArchiveMember(file.file).path], ["title", `draftlint ${file.error.code}`]], `${file.error.message}`));
    }
    for (const f of file.findings) lines.push(annotation(file, f));
    return lines.map((l) => l + "\n").join("");
  },
  end: () => "",
};

/** The whole report at once. */
export function formatGithub(report: Report, options: FormatOptions = { chalk: noColour }): string {
  return formatReport(githubFormatter, report, options);
}
