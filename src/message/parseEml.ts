/**
 * Reading an RFC 5322 / MIME draft with mailparser's streaming parser: headers decoded, text
 * parts joined (HTML-only bodies converted to text), attachments drained and counted rather than
 * kept, so a draft with a 100 MB attachment costs no more memory than its text.
 */
import type { Readable } from "node:stream";
import { MailParser } from "mailparser";
import type { AddressObject, Headers } from "mailparser";
import type { Attachment, Mailbox } from "../types.js";
import { flattenAddresses } from "./addresses.js";
import { readableText } from "./htmlText.js";
import { ATTACHMENT_SIZE, TextPartLimiter } from "./textPartLimit.js";

export interface ParsedEml {
  headers: Record<string, string[]>;
  subject: string | null;
  from: Mailbox | null;
  replyTo: Mailbox[];
  to: Mailbox[];
  cc: Mailbox[];
  bcc: Mailbox[];
  text: string;
  attachments: Attachment[];
  /** 1-based line of the source where the body starts (after the header block). */
  bodyStartLine: number;
  /** 1-based line where the content of the first text part starts (the body itself if single-part). */
  textPartLine: number;
  /**
   * The start of the source (all of it up to SOURCE_HEAD_CAP bytes) as Latin-1 text, kept to map
   * body lines back to file lines. A streamed source is never held whole.
   */
  sourceText: string;
  /** `sourceText`'s lines without their line ends, split once for every line mapping. */
  sourceLines: string[];
  /** Whether a text part was longer than TEXT_PART_CAP and its end left out. */
  textTruncated: boolean;
}

export class MalformedMessageError extends Error {
  code = "parse-error";
}

/** How much of the source is kept for line mapping: enough for any draft's text parts. */
export const SOURCE_HEAD_CAP = 8 << 20;

/**
 * The most bytes of one inline text part handed to mailparser (as encoded in the message): well
 * over the megabyte of text that is linted (BODY_TEXT_CAP), even as HTML or quoted-printable.
 */
export const TEXT_PART_CAP = 4 << 20;

/** Parses a message given whole, or streamed (a file read stream: memory stays bounded). */
export function parseEml(input: Buffer | Readable): Promise<ParsedEml> {
  return new Promise((resolve, reject) => {
    const headChunks: Buffer[] = [];
    let headLength = 0;
    let source = Buffer.isBuffer(input) ? input.subarray(0, SOURCE_HEAD_CAP) : Buffer.alloc(0);
    // HTML is converted here, not by mailparser, so that it keeps its own letter case (htmlText.ts).
    const parser = new MailParser({ skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true, skipHtmlToText: true });
    // A source that cannot hold a text part over the cap goes to mailparser as it is.
    const limiter = !Buffer.isBuffer(input) || input.length > TEXT_PART_CAP ? new TextPartLimiter(TEXT_PART_CAP) : null;
    const attachments: Attachment[] = [];
    let text = "";
    let html = "";

    parser.on("data", (data: any) => {
      if (data.type === "attachment") {
        const attachment: Attachment = {
          name: data.filename ?? "",
          contentType: data.contentType ?? "application/octet-stream",
          size: 0,
        };
        attachments.push(attachment);
        // Behind the limiter an attachment's content is one line that gives its size.
        let start = "";
        data.content.on("data", (chunk: Buffer) => {
          attachment.size += chunk.length;
          if (limiter && start.length < 64) start += chunk.subarray(0, 64).toString("latin1");
        });
        data.content.on("end", () => {
          if (start.startsWith(ATTACHMENT_SIZE)) attachment.size = Number.parseInt(start.slice(ATTACHMENT_SIZE.length), 10);
          data.release();
        });
        data.content.on("error", () => data.release());
      } else if (data.type === "text") {
        text = typeof data.text === "string" ? data.text : "";
        html = typeof data.html === "string" ? data.html : "";
      }
    });
    parser.on("error", (err: Error) => reject(new MalformedMessageError(plainParseError(err))));
    parser.on("end", () => {
      if (!Buffer.isBuffer(input)) source = Buffer.concat(headChunks, headLength);
      // Decoded and split once: the body's start, the text part's start and the body's file
      // lines (buildBody) are all read from it, where each decoded and split the source anew.
      const sourceText = source.toString("latin1");
      const sourceLines = sourceText.split(/\r?\n/);
      const bodyStart = bodyStartLine(sourceText);
      const headers = parser.headers || new Map();
      resolve({
        headers: decodeHeaders(headers),
        subject: typeof parser.subject === "string" ? parser.subject : null,
        from: flattenAddresses(asList(parser.from))[0] ?? null,
        replyTo: flattenAddresses(asList(parser.replyTo)),
        to: flattenAddresses(asList(parser.to)),
        cc: flattenAddresses(asList(parser.cc)),
        bcc: flattenAddresses(asList(parser.bcc)),
        text: text.trim() || !html ? text : htmlAsText(html),
        attachments,
        bodyStartLine: bodyStart,
        textPartLine: textPartLine(sourceText, sourceLines, bodyStart),
        sourceText,
        sourceLines,
        textTruncated: limiter?.truncated ?? false,
      });
    });
    if (Buffer.isBuffer(input)) {
      if (limiter) limiter.pipe(parser);
      (limiter ?? parser).end(input);
      return;
    }
    input.on("data", (chunk: Buffer) => {
      if (headLength >= SOURCE_HEAD_CAP) return;
      const part = chunk.subarray(0, SOURCE_HEAD_CAP - headLength);
      headChunks.push(part);
      headLength += part.length;
    });
    input.on("error", (err: NodeJS.ErrnoException) => {
      parser.destroy();
      reject(Object.assign(new Error(`cannot read (${err.code ?? err.message})`), { code: "read-error" }));
    });
    input.pipe(limiter!).pipe(parser);
  });
}

/**
 * mailparser's and mailsplit's errors in words a user can act on ("Max allowed child nodes
 * exceeded" is how a message of 1,001 MIME parts was reported).
 */
function plainParseError(err: Error): string {
  const known: Array<[RegExp, string]> = [
    [/Max allowed child nodes exceeded/i, "more than 1,000 MIME parts: the message is not read"],
    [/Max header size/i, "a MIME part's header block is over 1 MB: the message is not read"],
    [/HTML too long/i, "an HTML part is too long to convert to text"],
  ];
  for (const [pattern, plain] of known) if (pattern.test(err.message)) return plain;
  return `cannot parse the message's MIME structure${process.env.DEBUG?.includes("draftlint") ? ` (${err.message})` : ""}`;
}

function asList(value: AddressObject | AddressObject[] | undefined): any[] {
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) => v.value ?? []);
}

/** Header values as strings: structured ones (Content-Type) keep their main value. */
function decodeHeaders(headers: Headers): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of headers) {
    const values = Array.isArray(value) ? value : [value];
    out[key] = values.map((v: any) => {
      if (typeof v === "string") return v;
      if (v instanceof Date) return v.toISOString();
      if (v && typeof v === "object" && "text" in v) return String(v.text);
      if (v && typeof v === "object" && "value" in v) return String(v.value);
      return String(v);
    });
  }
  return out;
}

/** mailparser's bound on HTML it converts; longer HTML is read with its tags dropped. */
const MAX_HTML_TO_CONVERT = 2 << 20;

function htmlAsText(html: string): string {
  if (html.length > MAX_HTML_TO_CONVERT) return stripTags(html);
  try {
    return readableText(html);
  } catch {
    return stripTags(html);
  }
}

/** Last resort when html-to-text refused an HTML part (too deep, too long): drop the tags. */
function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, " ").replace(/[ \t]+/g, " ");
}

/** Where bodyStartLine looks for the empty line, and textPartLine for the text part. */
const BODY_START_SEARCH = 1 << 20;
const TEXT_PART_SEARCH = 4 << 20;

function bodyStartLine(sourceText: string): number {
  // Headers end at the first empty line (RFC 5322 §2.1); look only at the head of the file.
  const head = sourceText.length > BODY_START_SEARCH ? sourceText.slice(0, BODY_START_SEARCH) : sourceText;
  const match = /\r?\n\r?\n/.exec(head);
  if (!match) return 1;
  return head.slice(0, match.index).split("\n").length + 2;
}

/**
 * Where the text the recipient reads starts in a multipart source: the content of the first
 * text/plain part (else text/html), which is where an encoded line is reported (SPEC §2).
 * `sourceLines` are `sourceText`'s, read as they are when the source is within TEXT_PART_SEARCH.
 */
function textPartLine(sourceText: string, sourceLines: string[], bodyStart: number): number {
  // A line's CR is no part of what is tested (a prefix, and a blank line once trimmed), so the
  // lines split without it are read alike.
  const lines = sourceText.length > TEXT_PART_SEARCH ? sourceText.slice(0, TEXT_PART_SEARCH).split("\n") : sourceLines;
  let found = -1;
  for (const type of ["text/plain", "text/html"]) {
    const pattern = new RegExp(`^content-type:\\s*${type.replace("/", "\\/")}`, "i");
    found = lines.findIndex((line, i) => i >= bodyStart - 1 && pattern.test(line));
    if (found !== -1) break;
  }
  if (found === -1) return bodyStart;
  for (let i = found + 1; i < lines.length; i++) if (lines[i].trim() === "") return i + 2;
  return bodyStart;
}
