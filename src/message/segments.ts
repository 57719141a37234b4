/**
 * Splitting a body into what the sender wrote (`new`), what they quote or forward (`quoted`) and
 * their `signature`. Rules look at what the recipient reads as the sender's words, so a reply
 * quote from the customer must not be linted as if we wrote it, and a forwarded internal thread
 * must be known for what it is.
 */
import type { Mailbox, Segment } from "../types.js";
import { readEncodedAddress } from "./addresses.js";
import { attributionTop, bannerAt, headerBlockStartsAt, readHeaderBlock, readInlineHeaders, type Line } from "./quoteHeaders.js";

/**
 * "On Tue, 3 Mar 2026 at 10:02, Karen Smith <karen@acme.com> wrote:" (may wrap onto a 2nd line),
 * and the same line from German, French, Spanish and Dutch clients ("Am … schrieb …:",
 * "Le … a écrit :", "El … escribió:", "Op … schreef …:").
 */
/** The verb, then (German and Dutch put the name after it) a colon ending the line. */
const ATTRIBUTION_END = /(?:\bwrote|\bschrieb|\ba écrit|\bescribió|\bschreef|\bgeschreven)(?![A-Za-z])[^:]{0,120}:\s*$/i;
const ATTRIBUTION_START = /^\s*(?:On\s|Le\s|Am\s|El\s|Op\s)/i;

/** RFC 3676 §4.3 signature separator "-- ", and the bare "--" many clients write. */
const SIGNATURE_SEPARATOR = /^--\s?$/;
const MOBILE_SIGNATURE = /^\s*(?:Sent from my (?:iPhone|iPad|Android|mobile)|Get Outlook for (?:iOS|Android))\b.*$/i;
/**
 * Legal boilerplate a mail system or a signature adds: a confidentiality notice, a copyright line.
 * Nobody typed it for this reader, so it is read as signature ("ALL RIGHTS RESERVED" is not the
 * sender shouting).
 */
const BOILERPLATE_OPENING =
  /^\s*(?:\**\s*(?:CONFIDENTIALITY NOTICE|DISCLAIMER|PRIVILEGED AND CONFIDENTIAL)\b|This (?:e-?mail|message|communication|transmission)(?: and any (?:files|attachments)[^.]{0,60})? (?:is|are|may contain|contains) (?:confidential|intended|privileged|proprietary)|The information (?:contained )?in this (?:e-?mail|message|communication|transmission))/i;
const COPYRIGHT_LINE = /^\s*.{0,80}\b(?:copyright|\(c\)|©)\b.{0,80}\ball rights reserved\b/i;
const RIGHTS_RESERVED = /all rights reserved/i;

/**
 * One of those notices opens the line. The copyright line is tried only on a line that says "all
 * rights reserved": as one alternative of a single pattern it backtracked through the first 80
 * characters of every line of every message (2% of a real-mail run, the costliest pattern in it).
 */
function isBoilerplate(text: string): boolean {
  return BOILERPLATE_OPENING.test(text) || (RIGHTS_RESERVED.test(text) && COPYRIGHT_LINE.test(text));
}

/**
 * A legal notice in capitals ("THE PROPOSAL IS A BASIS FOR CONTINUED DISCUSSIONS AND IS NOT AN
 * OFFER…", "ALL RIGHTS RESERVED"): a paragraph of eight words or more, nearly all capitals, in
 * the vocabulary of disclaimers. Capitals are how such notices are set, not the sender shouting.
 */
const LEGAL_WORDS = /\b(?:RIGHTS RESERVED|WARRANT(?:Y|IES)?|LIABLE|LIABILITY|DISCLAIM\w*|BINDING|ENFORCEABLE|CONFIDENTIAL|PRIVILEGED|HEREIN|HEREBY|NOT AN OFFER|INDEMNIF\w*|MERCHANTABILITY|PROHIBITED|INTENDED (?:ONLY|SOLELY) FOR|WITHOUT PREJUDICE)\b/;

function legalCapsParagraph(lines: Line[], i: number): number | null {
  if (i > 0 && lines[i - 1].text.trim() !== "") return null;
  let j = i;
  while (j + 1 < lines.length && lines[j + 1].text.trim() !== "" && j - i < 40) j++;
  // Asked of every paragraph: the letters are counted in place, and the paragraph joined only
  // when it is in capitals.
  let letters = 0;
  let upper = 0;
  for (let k = i; k <= j; k++) {
    const line = lines[k].text;
    for (let c = 0; c < line.length; c++) {
      const code = line.charCodeAt(c);
      if (code >= 65 && code <= 90) {
        letters++;
        upper++;
      } else if (code >= 97 && code <= 122) letters++;
    }
  }
  if (letters < 40 || upper < letters * 0.9) return null;
  const text = lines.slice(i, j + 1).map((l) => l.text).join(" ");
  if (text.split(/\s+/).filter(Boolean).length < 8) return null;
  return LEGAL_WORDS.test(text) ? j : null;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ text: text.slice(start, end), start, end });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

/** Header fields only a message's own header has, never a client's quoted block. */
const TRANSPORT_FIELD = /^(message-id|mime-version|content-type|content-transfer-encoding|received|return-path|delivered-to|dkim-signature|x-[\w-]+):/i;

interface QuoteStart {
  /** The quote's first line: the banner, or the attribution above a header block. */
  begin: number;
  /** Where its attribution and header block are read from. */
  headerFrom: number;
  forwarded: boolean;
  /** Headers written on the banner's own line (Yahoo). */
  inlineHeaders?: string;
}

/** Where a quoted message starts at line `i`, if one does: a banner or a header block. */
function quoteStartAt(lines: Line[], i: number): QuoteStart | null {
  const banner = bannerAt(lines[i].text);
  if (banner) return { begin: i, headerFrom: i + 1, forwarded: banner.forwarded, inlineHeaders: banner.inlineHeaders };
  if (!headerBlockStartsAt(lines, i)) return null;
  const begin = attributionTop(lines, i);
  return { begin, headerFrom: begin, forwarded: false };
}

/**
 * Everything from a banner or header block to the end is quoted history, one segment per quoted
 * message so that each keeps its own participants: a colleague's forward of a customer's email
 * is not "between colleagues only".
 */
function quotedTail(lines: Line[], firstStart: QuoteStart, textLength: number): Segment[] {
  const out: Segment[] = [];
  let start = firstStart;
  for (;;) {
    const begin = start.begin;
    const block = readHeaderBlock(lines, start.headerFrom);
    if (start.inlineHeaders) readInlineHeaders(start.inlineHeaders, block);
    let nextStart: QuoteStart | null = null;
    for (let j = Math.max(block.endLine, begin + 1); j < lines.length && !nextStart; j++) {
      nextStart = quoteStartAt(lines, j);
      if (nextStart && nextStart.begin <= begin) nextStart = null;
    }
    const end = nextStart ? lines[nextStart.begin].start : textLength;
    out.push({
      kind: "quoted",
      start: lines[begin].start,
      end,
      participants: block.participants,
      forwarded: start.forwarded,
      participantNames: block.names,
      ...(block.directoryNames.length ? { directoryNames: block.directoryNames } : {}),
    });
    if (!nextStart) return out;
    start = nextStart;
  }
}

function attributionAt(lines: Line[], i: number): { startLine: number; endLine: number } | null {
  const line = lines[i].text;
  if (ATTRIBUTION_END.test(line) && ATTRIBUTION_START.test(line)) return { startLine: i, endLine: i };
  if (i + 1 < lines.length && ATTRIBUTION_START.test(line) && ATTRIBUTION_END.test(lines[i + 1].text)) {
    return { startLine: i, endLine: i + 1 };
  }
  return null;
}

/** The author of an attribution line: `"John Doe" <john@acme.com>`, `« John Doe »`, or a bare address. */
function attributionAuthor(text: string): Mailbox[] {
  const named = /(?:"([^"]{1,80})"|«\s*([^»]{1,80}?)\s*»|([\p{L}][\p{L}.' -]{0,60}?))\s*[<\[](?:mailto:)?([^<>\[\]\s]+@[^<>\[\]\s]+)[>\]]/u.exec(text);
  if (named) {
    // "Op … heeft John Doe <john@acme.com> geschreven:": the lower-case words are the sentence's.
    const name = (named[1] ?? named[2] ?? named[3] ?? "").replace(/^(?:\p{Ll}+\s+)+/u, "").trim();
    return [readEncodedAddress({ name, address: named[4] })];
  }
  const bare = /[^\s<>"(),:;]+@[^\s<>"(),:;]+\.[A-Za-z]{2,}/.exec(text);
  return bare ? [readEncodedAddress({ name: "", address: bare[0] })] : [];
}

/**
 * A reply quote at line `i`: "> " lines, with the "On … wrote:" line above them when there is
 * one; or that line above indented text, as Outlook for Mac writes a reply. A "> "-quoted forward
 * (Apple Mail quotes the whole "Begin forwarded message:" block) keeps the forward's people.
 */
function replyQuoteAt(lines: Line[], i: number): { segment: Segment; endLine: number } | null {
  const attribution = attributionAt(lines, i);
  const after = attribution ? attribution.endLine + 1 : i;
  const marked = (t: string) => /^>/.test(t);
  const indented = (t: string) => /^(?: {2,}|\t)\S/.test(t);
  const style = marked(lines[i].text) || (attribution && nextNonBlankMatches(lines, after, marked)) ? marked : attribution && nextNonBlankMatches(lines, after, indented) ? indented : null;
  if (!style) return null;
  let j = after;
  while (j < lines.length && (style(lines[j].text) || (lines[j].text.trim() === "" && nextNonBlankMatches(lines, j, style)))) j++;
  const endLine = Math.max(j - 1, i);
  let participants: Mailbox[] = [];
  let forwarded = false;
  if (attribution) {
    participants = attributionAuthor(lines.slice(attribution.startLine, attribution.endLine + 1).map((l) => l.text).join(" "));
  } else {
    const unquoted = lines.slice(i, endLine + 1).map((l) => ({ ...l, text: l.text.replace(/^(?:>\s?)+/, "") }));
    const first = unquoted.findIndex((l) => l.text.trim() !== "");
    const start = first === -1 ? null : quoteStartAt(unquoted, first);
    if (start) {
      const block = readHeaderBlock(unquoted, start.headerFrom);
      participants = block.participants;
      forwarded = start.forwarded;
    }
  }
  return { segment: { kind: "quoted", start: lines[i].start, end: lines[endLine].end, participants, forwarded }, endLine };
}

export function splitQuotedSegments(text: string): Segment[] {
  const lines = splitLines(text);
  const segments: Segment[] = [];
  let kind: "new" | "signature" = "new";
  let runStart = 0;

  const close = (end: number) => {
    if (end > runStart) segments.push({ kind, start: runStart, end });
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];

    // Everything after a forward banner or a quoted header block is quoted history.
    const quoteStart = quoteStartAt(lines, i);
    // A message's own header block read as text (`--input text` on an .eml) is not quoted
    // history: nothing is written above it, and it has the transport fields that a quoted block
    // (From/Sent/To/Subject, as clients write it) never has. The sender's text follows it.
    if (quoteStart && lines.slice(0, i).every((l) => l.text.trim() === "")) {
      let j = i;
      while (j + 1 < lines.length && lines[j + 1].text.trim() !== "") j++;
      if (lines.slice(i, j + 1).some((l) => TRANSPORT_FIELD.test(l.text))) {
        i = j;
        continue;
      }
    }
    if (quoteStart) {
      close(lines[quoteStart.begin].start);
      segments.push(...quotedTail(lines, quoteStart, text.length));
      return dropEmpty(segments);
    }

    const reply = replyQuoteAt(lines, i);
    if (reply) {
      close(line.start);
      segments.push(reply.segment);
      runStart = Math.min(text.length, lines[reply.endLine].end + 1);
      i = reply.endLine;
      continue;
    }

    if (kind === "new" && (SIGNATURE_SEPARATOR.test(line.text) || MOBILE_SIGNATURE.test(line.text))) {
      close(line.start);
      kind = "signature";
      runStart = line.start;
    } else if (kind === "new" && (isBoilerplate(line.text) || legalCapsParagraph(lines, i) !== null)) {
      // The notice runs to the end of its paragraph; the sender's text may go on after it.
      close(line.start);
      let j = i;
      while (j + 1 < lines.length && lines[j + 1].text.trim() !== "" && !quoteStartAt(lines, j + 1)) j++;
      segments.push({ kind: "signature", start: line.start, end: lines[j].end });
      runStart = Math.min(text.length, lines[j].end + 1);
      i = j;
    }
  }
  close(text.length);
  return dropEmpty(segments);
}

function nextNonBlankMatches(lines: Line[], from: number, test: (text: string) => boolean): boolean {
  for (let j = from; j < lines.length; j++) {
    if (lines[j].text.trim() === "") continue;
    return test(lines[j].text);
  }
  return false;
}

function dropEmpty(segments: Segment[]): Segment[] {
  return segments.filter((s) => s.end > s.start);
}
