/**
 * Where each header field starts in the source file, so that a recipient or subject finding
 * points at its own line (the `Cc:` line) in every format, as body findings point at theirs.
 */
import type { Finding } from "../types.js";

/** The first line (1-based) of each header field in the header block, by lower-cased name. */
export function headerLines(source: Buffer): Map<string, number> {
  const lines = new Map<string, number>();
  // The header block ends at the first empty line (RFC 5322 §2.1); 64 KB is far beyond any draft's.
  const head = source.subarray(0, 64 * 1024).toString("latin1").replace(/^\uFEFF/, "");
  let lineNo = 0;
  for (const line of head.split("\n")) {
    lineNo++;
    const text = line.replace(/\r$/, "");
    if (text === "") break;
    const name = /^([!-9;-~]+):/.exec(text)?.[1].toLowerCase();
    if (name && !lines.has(name)) lines.set(name, lineNo);
  }
  return lines;
}

/** Header and subject findings with no source line get the line of their header field. */
export function placeOnHeaderLines(findings: Finding[], lines: Map<string, number>): void {
  for (const f of findings) {
    const l = f.location;
    if (l.fileLine !== undefined) continue;
    const line = l.section === "header" ? lines.get(l.header ?? "") : l.section === "subject" ? lines.get("subject") : undefined;
    if (line !== undefined) l.fileLine = line;
  }
}
