/**
 * From bytes to a `Message`: decide whether the input is an email or a bare body, parse it, and
 * classify every recipient. The one place where input becomes the model the rules read.
 */
import { closeSync, constants as fsConstants, createReadStream, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import { htmlAsText } from "./htmlText.js";
import type { Field, Mailbox, Message } from "../types.js";
import { buildBody } from "./body.js";
import { isMsgFile, readMsg } from "./parseMsg.js";
import { MalformedMessageError, parseEml } from "./parseEml.js";
import type { AudienceSettings } from "../audience/classifyRecipient.js";
import { assembleMessage } from "./assembleMessage.js";

export type InputMode = "auto" | "eml" | "text";

export class NotTextError extends Error {
  code = "binary-input";
}

const EML_EXTENSIONS = /\.(eml|msg822)$/i;
const HTML_EXTENSIONS = /\.(html?|mjml)$/i;
/** Template files are HTML as often as not; read them as HTML when they hold markup. */
const TEMPLATE_EXTENSIONS = /\.(hbs|handlebars|mustache|liquid|njk|jinja2?|twig)$/i;
const MARKUP = /<(?:html|body|p|div|table|br|span|a|h[1-6])\b[^>]*>/i;

/**
 * The largest .msg read: msgreader needs the whole compound file in memory, and Outlook itself
 * refuses to send attachments past 20 MB (Exchange, Outlook.com), so a bigger one is not a draft.
 */
export const MSG_SIZE_CAP = 64 << 20;

/** Files larger than this are streamed through the parser instead of read whole (SPEC §8 memory). */
export const STREAM_THRESHOLD = 8 << 20;
/**
 * The most body text that is linted (characters). A draft a person wrote is far smaller; beyond
 * this (a log pasted in, a generated report) only the start is linted, and an info finding says
 * so, which keeps time and memory bounded whatever the input.
 */
export const BODY_TEXT_CAP = 1 << 20;

/** Cuts text at the cap, at a line end when there is one near it. */
function capText(text: string): { text: string; bodyTruncated?: { lintedChars: number; totalChars: number } } {
  if (text.length <= BODY_TEXT_CAP) return { text };
  const lineEnd = text.lastIndexOf("\n", BODY_TEXT_CAP);
  const cut = lineEnd > BODY_TEXT_CAP * 0.9 ? lineEnd : BODY_TEXT_CAP;
  return { text: text.slice(0, cut), bodyTruncated: { lintedChars: cut, totalChars: text.length } };
}

/**
 * Only regular files are drafts. Opening a FIFO blocks until something writes to it, and a
 * device such as /dev/zero or /dev/urandom never ends: named as inputs, both hung the linter.
 * Checked before the file is opened (opening is what blocks), with a code that says why.
 */
export async function assertRegularFile(path: string): Promise<void> {
  const info = await stat(path);
  if (!info.isFile()) throw notRegularFile(info);
}

function notRegularFile(info: Stats): Error {
  const what = info.isFIFO() ? "a FIFO" : info.isCharacterDevice() || info.isBlockDevice() ? "a device" : info.isSocket() ? "a socket" : info.isDirectory() ? "a directory" : "not a regular file";
  return Object.assign(new Error(`${what}, not a file: not read`), { code: info.isDirectory() ? "EISDIR" : "EFTYPE" });
}

/**
 * The whole file, or null when it is over STREAM_THRESHOLD (then lint it with `lintPath`).
 *
 * Read synchronously: a draft is a few KB, and the five asynchronous calls this took (stat, open,
 * fstat, read, close, each a trip through the thread pool) were a seventh of a folder's lint time.
 * O_NONBLOCK makes opening a FIFO return at once, so the regular-file check can follow the open.
 */
export async function readUnlessLarge(path: string): Promise<Buffer | null> {
  let fd: number;
  try {
    fd = openSync(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (err) {
    // A socket cannot be opened at all (ENXIO): say what it is, as for a FIFO or a device.
    await assertRegularFile(path);
    throw err;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw notRegularFile(info);
    if (info.size > STREAM_THRESHOLD) return null;
    return readWhole(fd, info.size);
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes: `size` of them, and on to the end if it grew since fstat (as readFile does). */
function readWhole(fd: number, size: number): Buffer {
  const first = Buffer.allocUnsafeSlow(size);
  let filled = 0;
  while (filled < size) {
    const n = readSync(fd, first, filled, size - filled, null);
    if (n === 0) return first.subarray(0, filled);
    filled += n;
  }
  const chunks = [first];
  let total = size;
  for (;;) {
    const more = Buffer.allocUnsafe(64 << 10);
    const n = readSync(fd, more, 0, more.length, null);
    if (n === 0) break;
    chunks.push(more.subarray(0, n));
    total += n;
  }
  return chunks.length === 1 ? first : Buffer.concat(chunks, total);
}

/**
 * `readMessage` for a file on disk: small files are read whole (the same path as a Buffer), large
 * ones streamed, so a 100 MB message with attachments is parsed in bounded memory.
 */
export async function readMessageFromFile(path: string, file: string, mode: InputMode, settings: AudienceSettings): Promise<Message> {
  await assertRegularFile(path);
  const handle = await open(path, "r");
  let head: Buffer;
  try {
    const { size } = await handle.stat();
    // A .msg is a compound file that msgreader reads at random offsets: it is read whole.
    // `return await`: a rejection must not sit unhandled while `finally` closes the file (Node
    // would end the process for it).
    if (/\.msg$/i.test(file) && size > MSG_SIZE_CAP) {
      throw new MalformedMessageError(`an Outlook .msg file over ${MSG_SIZE_CAP >> 20} MB is not read (it is read whole: SPEC §8 memory)`);
    }
    if (size <= STREAM_THRESHOLD || /\.msg$/i.test(file)) return await readMessage(await readFile(handle), file, mode, settings);
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4 * BODY_TEXT_CAP), 0, 4 * BODY_TEXT_CAP, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const bom = head.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0;
  head = head.subarray(bom);
  const asEml = readsAsEmail(file, head, mode);
  // A bare text that large is linted from its start (see BODY_TEXT_CAP); an email is streamed.
  return asEml ? readEml(head, file, settings, () => createReadStream(path, { highWaterMark: 1 << 16, start: bom })) : readText(head, file, true);
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Without the UTF-8 byte order mark some editors (Notepad) put before every file. */
function withoutUtf8Bom(source: Buffer): Buffer {
  return source.subarray(0, 3).equals(UTF8_BOM) ? source.subarray(3) : source;
}

/**
 * UTF-16 text (Windows "Unicode" files: a byte order mark, or every other byte zero) as UTF-8,
 * or null when it is not UTF-16. Read as bytes, its zeros made it "binary data".
 */
function utf16AsUtf8(source: Buffer): Buffer | null {
  let order: "le" | "be" | null = source[0] === 0xff && source[1] === 0xfe ? "le" : source[0] === 0xfe && source[1] === 0xff ? "be" : null;
  if (!order && source.length >= 16) {
    // No mark: ASCII-range text in UTF-16 has a zero in every other byte, and in no other place.
    const sample = source.subarray(0, 4096 & ~1);
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i + 1 < sample.length; i += 2) {
      if (sample[i] === 0) evenZeros++;
      if (sample[i + 1] === 0) oddZeros++;
    }
    const pairs = sample.length / 2;
    if (oddZeros > pairs * 0.9 && evenZeros === 0) order = "le";
    else if (evenZeros > pairs * 0.9 && oddZeros === 0) order = "be";
  }
  if (!order) return null;
  const units = Buffer.from(source.subarray(0, source.length & ~1));
  if (order === "be") units.swap16();
  return Buffer.from(units.toString("utf16le").replace(/^\uFEFF/, ""), "utf8");
}

/** RFC 5322 §2.2: a header field is a name of printable ASCII but colon, then ':'. */
const HEADER_FIELD = /^[!-9;-~]+:/;

/** `auto` reads a file as email when it is `.eml`, or begins with header lines and a blank line. */
export function looksLikeEml(file: string, source: Buffer): boolean {
  if (EML_EXTENSIONS.test(file)) return true;
  const head = withoutUtf8Bom(source).subarray(0, 64 * 1024).toString("latin1");
  const lines = head.split(/\r?\n/);
  if (!HEADER_FIELD.test(lines[0] ?? "")) return false;
  // "Note: bring the forms" and a blank line is a text that starts with a label: an email's
  // header block names at least one field that messages have (RFC 5322 §3.6).
  let known = MESSAGE_FIELD.test(lines[0]);
  for (const line of lines.slice(1)) {
    if (line === "") return known;
    if (!HEADER_FIELD.test(line) && !/^[ \t]/.test(line)) return false;
    known ||= MESSAGE_FIELD.test(line);
  }
  return false;
}

const MESSAGE_FIELD = /^(from|to|cc|bcc|subject|date|sender|reply-to|message-id|in-reply-to|references|mime-version|content-type|received|return-path|delivered-to|x-[\w-]+):/i;

/** NUL bytes or mostly control characters: not something a person would send as text. */
function looksBinary(source: Buffer): boolean {
  const sample = source.subarray(0, 8192);
  if (sample.length === 0) return false;
  let control = 0;
  // Indexed, not `for…of`: through a Buffer's iterator this loop was 0.1 s of 5,000 real messages.
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i];
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32) || byte === 127) control++;
  }
  return control / sample.length > 0.1;
}

export async function readMessage(
  source: Buffer,
  file: string,
  mode: InputMode,
  settings: AudienceSettings,
): Promise<Message> {
  // Outlook .msg is a binary compound file with its own reader (src/message/parseMsg.ts).
  if (isMsgFile(file, source)) return readMsg(source, file, settings);
  const bytes = withoutUtf8Bom(utf16AsUtf8(source) ?? source);
  return readsAsEmail(file, bytes, mode) ? readEml(bytes, file, settings) : readText(bytes, file);
}

/** Email or bare text (SPEC §1 `--input`); binary data is neither, and is the file's error. */
function readsAsEmail(file: string, head: Buffer, mode: InputMode): boolean {
  if (looksBinary(head)) throw new NotTextError("binary data, not an email or a text draft");
  return mode === "eml" || (mode === "auto" && looksLikeEml(file, head));
}

function readText(source: Buffer, file: string, partial = false): Message {
  const raw = source.toString("utf8");
  const isHtml = HTML_EXTENSIONS.test(file) || (TEMPLATE_EXTENSIONS.test(file) && MARKUP.test(raw));
  const capped = capText(isHtml ? htmlAsText(raw) : raw);
  const text = capped.text;
  const bodyTruncated =
    capped.bodyTruncated ?? (partial ? { lintedChars: text.length, totalChars: Number.NaN } : undefined);
  return {
    file,
    kind: "text",
    headers: {},
    subject: null,
    from: null,
    replyTo: [],
    recipients: [],
    audience: "unknown",
    // Converted HTML keeps source lines only where text stands literally in the file.
    body: isHtml ? buildBody(text, { text: raw, bodyStartLine: 1 }) : buildBody(text),
    attachments: [],
    internalDomains: [],
    ...(bodyTruncated ? { bodyTruncated } : {}),
  };
}

async function readEml(source: Buffer, file: string, settings: AudienceSettings, openStream?: () => Readable): Promise<Message> {
  const head = source.subarray(0, 4096).toString("latin1");
  if (!HEADER_FIELD.test(head) && !/^From /.test(head)) {
    throw new MalformedMessageError("no RFC 5322 header block at the start of the file");
  }
  const stream = openStream?.();
  let parsed;
  try {
    parsed = await parseEml(stream ?? source);
  } finally {
    stream?.destroy();
  }
  const capped = capText(parsed.text);
  const bodyText = capped.text;
  // A text part cut before parsing (TEXT_PART_CAP) is longer than we can say by how much.
  const bodyTruncated = parsed.textTruncated ? { lintedChars: bodyText.length, totalChars: Number.NaN } : capped.bodyTruncated;
  const body = buildBody(bodyText, {
    text: parsed.sourceText,
    lines: parsed.sourceLines,
    bodyStartLine: parsed.bodyStartLine,
    fallbackLine: parsed.textPartLine,
  });
  const fields: Field[] = ["to", "cc", "bcc"];
  return assembleMessage(
    {
      file,
      headers: parsed.headers,
      subject: parsed.subject,
      from: parsed.from,
      replyTo: parsed.replyTo,
      mailboxes: fields.flatMap((field) => parsed[field].map((box): [Field, Mailbox] => [field, box])),
      body,
      attachments: parsed.attachments,
      bodyTruncated,
    },
    settings,
  );
}
