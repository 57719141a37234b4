/**
 * The body as the recipient reads it, with positions: every character maps to a body line and
 * column, and each line to the source-file line where it appears literally (plain 7bit/8bit
 * text), else to the line where the body starts in the source (encoded or converted text).
 */
import type { Body, Location, Section } from "../types.js";
import { splitQuotedSegments } from "./segments.js";

export interface BodySource {
  text: string;
  /** Where to start looking for body lines in the source. */
  bodyStartLine: number;
  /** The line a body line maps to when it is not in the source literally (its MIME part's start). */
  fallbackLine?: number;
  /** `text` split into lines without their line ends, when the reader has split it already. */
  lines?: string[];
}

export function buildBody(text: string, source?: BodySource): Body {
  const normalised = text.replace(/\r\n?/g, "\n");
  const lineStarts = [0];
  for (let i = normalised.indexOf("\n"); i !== -1; i = normalised.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  return {
    text: normalised,
    segments: splitQuotedSegments(normalised),
    lineStarts,
    fileLines: source
      ? mapFileLines(normalised, lineStarts, source.lines ?? source.text.split(/\r?\n/), source.bodyStartLine, source.fallbackLine ?? source.bodyStartLine)
      : lineStarts.map((_, i) => i + 1),
  };
}

/**
 * Finds each body line in the source, scanning forward so repeated lines map in order. Lines that
 * are not there literally (base64, quoted-printable, HTML) take the line of the last match, or
 * the start of the body.
 */
function mapFileLines(text: string, lineStarts: number[], sourceLines: string[], bodyStartLine: number, fallbackLine: number): number[] {
  const out: number[] = [];
  let cursor = bodyStartLine - 1;
  let last = fallbackLine;
  for (let i = 0; i < lineStarts.length; i++) {
    const end = i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : text.length;
    const line = text.slice(lineStarts[i], end);
    if (line.trim() === "") {
      out.push(last);
      continue;
    }
    const trimmed = line.trim();
    // Bounded look-ahead keeps this linear on pathological inputs.
    let found = -1;
    for (let j = cursor; j < sourceLines.length && j < cursor + 200; j++) {
      // Converted HTML wraps text in tags; a long enough run of text still pins its line.
      if (sourceLines[j] === line || (trimmed.length >= 12 && sourceLines[j].includes(trimmed))) {
        found = j;
        break;
      }
    }
    if (found !== -1) {
      cursor = found + 1;
      last = found + 1;
    }
    out.push(found !== -1 ? found + 1 : last);
  }
  return out;
}

/** Line (1-based) that holds body offset `offset`. */
export function lineOf(body: Body, offset: number): number {
  let lo = 0;
  let hi = body.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (body.lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The location of body text [start, end): section from its segment, 1-based line and column. */
export function locateInBody(body: Body, start: number, end: number): Location {
  const line = lineOf(body, start);
  const endLine = lineOf(body, Math.max(start, end - 1));
  const segment = body.segments.find((s) => start >= s.start && start < s.end);
  const section: Section = segment?.kind === "quoted" ? "quoted" : "body";
  return {
    section,
    line,
    column: start - body.lineStarts[line - 1] + 1,
    endLine,
    endColumn: end - body.lineStarts[endLine - 1] + 1,
    fileLine: body.fileLines[line - 1],
  };
}
