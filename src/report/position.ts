/**
 * The one place a finding's position is turned into what the formats print, so that stylish,
 * compact, github and sarif all point at the same line of the same file: the source file's line
 * (`fileLine`: where the text stands, or where its header field is), and the column on it.
 * JSON keeps both the body position and `fileLine` (SPEC §6).
 */
import type { Finding } from "../types.js";

export interface FilePosition {
  line: number;
  /** Absent for header and attachment findings, which are about a whole line or none. */
  column?: number;
  /** Only for a one-line span, where an end column still means something on the file's line. */
  endColumn?: number;
}

export function filePosition(f: Finding): FilePosition {
  const l = f.location;
  const line = Math.max(1, l.fileLine ?? l.line ?? 1);
  if (l.section === "header" || l.section === "attachment" || l.section === "subject" || !l.column || l.column < 1) return { line };
  const oneLine = l.endLine === undefined || l.endLine === l.line;
  return { line, column: l.column, ...(oneLine && l.endColumn && l.endColumn > l.column ? { endColumn: l.endColumn } : {}) };
}

/** `9:41`, or `4:1` for a header line: what editors' problem matchers read after `file:`. */
export function lineColumn(f: Finding): string {
  const p = filePosition(f);
  return `${p.line}:${p.column ?? 1}`;
}
