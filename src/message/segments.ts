/**
 * Splitting a body into what the sender wrote (`new`), what they quote or forward (`quoted`) and
 * their `signature`. Rules look at what the recipient reads as the sender's words, so a reply
 * quote from the customer must not be linted as if we wrote it, and a forwarded internal thread
 * must be known for what it is.
 */
import type { Mailbox, Segment } from "../types.js";
import { parseMailboxes } from "./addresses.js";

/** Gmail/Thunderbird/Apple forward banners and Outlook's original-message line. */
const FORWARD_BANNER =
  /^\s*(?:-{2,}\s*(?:Forwarded message|Original Message|Weitergeleitete Nachricht|Message transféré)\s*-{2,}|Begin forwarded message:|-{5,}\s*Original Message\s*-{5,})\s*$/i;

/** "On Tue, 3 Mar 2026 at 10:02, Karen Smith <karen@acme.com> wrote:" (may wrap onto a 2nd line). */
const ATTRIBUTION_END = /\bwrote:\s*$/i;
const ATTRIBUTION_START = /^\s*(?:On\s|Le\s|Am\s|El\s)/i;

/** An Outlook reply header block: "From: …" then "Sent:"/"Date:" and "To:"/"Subject:" lines. */
const HEADER_LINE = /^\s*\*?(From|Sent|Date|To|Cc|Subject|Von|Gesendet|An|Envoyé|De|À)\s*:\*?\s*(.*)$/i;

/** RFC 3676 §4.3 signature separator "-- ", and the bare "--" many clients write. */
const SIGNATURE_SEPARATOR = /^--\s?$/;
const MOBILE_SIGNATURE = /^\s*(?:Sent from my (?:iPhone|iPad|Android|mobile)|Get Outlook for (?:iOS|Android))\b.*$/i;

interface Line {
  text: string;
  start: number;
  end: number;
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

/** Reads the header block (From/To/Cc …) that starts a forwarded or Outlook-quoted message. */
function readQuotedHeaders(lines: Line[], from: number): { participants: Mailbox[]; names: string[] } {
  const participants: Mailbox[] = [];
  const names: string[] = [];
  for (let i = from; i < lines.length && i < from + 12; i++) {
    const m = HEADER_LINE.exec(lines[i].text.replace(/^>\s?/, ""));
    if (!m) {
      if (lines[i].text.trim() === "" && i > from) break;
      continue;
    }
    const key = m[1].toLowerCase();
    if (["from", "to", "cc", "von", "an", "de", "à"].includes(key)) {
      const found = parseMailboxes(m[2].replace(/\[mailto:([^\]\s]+)\]/gi, "<$1>")); // Outlook: "Tom Reed [mailto:tom@globex.com]"
      participants.push(...found);
      // Outlook often writes names without addresses: keep them so they can be matched to people.
      if (found.length === 0) names.push(...m[2].split(/[;,]/).map((s) => s.trim()).filter(Boolean));
    }
  }
  return { participants, names };
}

function isOutlookHeaderStart(lines: Line[], i: number): boolean {
  const first = HEADER_LINE.exec(lines[i].text);
  if (!first || !/^(from|von|de)$/i.test(first[1])) return false;
  // A lone "From:" line in prose is not a quote; Outlook follows it with Sent/Date and To/Subject.
  let seen = 0;
  for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) {
    if (HEADER_LINE.test(lines[j].text)) seen++;
  }
  return seen >= 2;
}

function attributionAt(lines: Line[], i: number): { startLine: number; endLine: number } | null {
  const line = lines[i].text;
  if (ATTRIBUTION_END.test(line) && ATTRIBUTION_START.test(line)) return { startLine: i, endLine: i };
  if (i + 1 < lines.length && ATTRIBUTION_START.test(line) && ATTRIBUTION_END.test(lines[i + 1].text)) {
    return { startLine: i, endLine: i + 1 };
  }
  return null;
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

    // Everything after a forward banner or an Outlook header block is the quoted message.
    if (FORWARD_BANNER.test(line.text) || isOutlookHeaderStart(lines, i)) {
      close(line.start);
      const headerFrom = FORWARD_BANNER.test(line.text) ? i + 1 : i;
      const { participants, names } = readQuotedHeaders(lines, headerFrom);
      segments.push({
        kind: "quoted",
        start: line.start,
        end: text.length,
        participants,
        forwarded: /forward|weitergeleitet|transf/i.test(line.text),
        participantNames: names,
      });
      return dropEmpty(segments);
    }

    const attribution = attributionAt(lines, i);
    const quoteStartsAfter = attribution ? attribution.endLine + 1 : i;
    if ((attribution && nextNonBlankIsQuote(lines, quoteStartsAfter)) || /^>/.test(line.text)) {
      close(line.start);
      let j = quoteStartsAfter;
      while (j < lines.length && (/^>/.test(lines[j].text) || (lines[j].text.trim() === "" && nextNonBlankIsQuote(lines, j)))) j++;
      const participants = attribution
        ? parseMailboxes(
            lines
              .slice(attribution.startLine, attribution.endLine + 1)
              .map((l) => l.text)
              .join(" ")
              .replace(/^\s*On\s.*?,\s*(?=[^,]*(?:<|@))/i, "")
              .replace(/\s*wrote:\s*$/i, ""),
          )
        : [];
      const endLine = Math.max(j - 1, i);
      const end = lines[endLine].end;
      segments.push({ kind: "quoted", start: line.start, end, participants, forwarded: false });
      runStart = Math.min(text.length, end + 1);
      i = endLine;
      continue;
    }

    if (kind === "new" && (SIGNATURE_SEPARATOR.test(line.text) || MOBILE_SIGNATURE.test(line.text))) {
      close(line.start);
      kind = "signature";
      runStart = line.start;
    }
  }
  close(text.length);
  return dropEmpty(segments);
}

function nextNonBlankIsQuote(lines: Line[], from: number): boolean {
  for (let j = from; j < lines.length; j++) {
    if (lines[j].text.trim() === "") continue;
    return /^>/.test(lines[j].text);
  }
  return false;
}

function dropEmpty(segments: Segment[]): Segment[] {
  return segments.filter((s) => s.end > s.start);
}
