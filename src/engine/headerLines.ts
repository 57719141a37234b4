/**
 * Where each header field starts in the source file, so that a recipient or subject finding
 * points at its own line (the `Cc:` line) in every format, as body findings point at theirs.
 */
import type { Finding } from "../types.js";

/** The header block ends at the first empty line (RFC 5322 §2.1); 64 KB is far beyond any draft's. */
const HEAD_BYTES = 64 * 1024;
const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;

/** RFC 5322 §2.2: a field name is printable ASCII but the colon (`[!-9;-~]`). */
const isNameByte = (byte: number): boolean => byte >= 0x21 && byte <= 0x7e && byte !== COLON;

/**
 * The first line (1-based) of each header field in the header block, by lower-cased name.
 * Read from the bytes line by line up to the empty line: decoding and splitting the whole 64 KB
 * head, as it did, cost more than any draft's header block.
 */
export function headerLines(source: Buffer): Map<string, number> {
  const lines = new Map<string, number>();
  const end = Math.min(source.length, HEAD_BYTES);
  let lineNo = 0;
  for (let start = 0; start <= end; ) {
    let stop = source.indexOf(LF, start);
    if (stop === -1 || stop > end) stop = end;
    lineNo++;
    // A line's own CR (CRLF line ends) is not part of it: a line of only CR is the empty line.
    const textEnd = stop > start && source[stop - 1] === CR ? stop - 1 : stop;
    if (textEnd === start) break;
    let nameEnd = start;
    while (nameEnd < textEnd && isNameByte(source[nameEnd])) nameEnd++;
    if (nameEnd > start && nameEnd < textEnd && source[nameEnd] === COLON) {
      const name = source.toString("latin1", start, nameEnd).toLowerCase();
      if (!lines.has(name)) lines.set(name, lineNo);
    }
    start = stop + 1;
  }
  return lines;
}

/** Whether a finding is one `placeOnHeaderLines` would give a line to. */
export function wantsHeaderLine(f: Finding): boolean {
  return f.location.fileLine === undefined && (f.location.section === "header" || f.location.section === "subject");
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
