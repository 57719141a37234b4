/**
 * mbox archives (`.mbox`, or any file that starts with a `From ` line followed by headers): read
 * as a stream and split into one message at a time, so memory depends on the largest message,
 * never on the size of the archive. Each message is reported as `archive.mbox#3` (1-based).
 *
 * The format (RFC 4155, and the mboxrd variant most tools write): each message starts with a
 * `From sender date` line at the start of a line after a blank line; a body line that would start
 * with `From ` is written `>From `, and in mboxrd every `>…>From ` gains one more `>`, so reading
 * removes exactly one.
 */
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import type { FileResult } from "../types.js";
import { MemberSpill, SPILL_AT } from "./mboxSpill.js";

export interface MboxMessage {
  /** 1-based position of the message in the archive. */
  index: number;
  /** Line of the archive where the message's first header line is. */
  startLine: number;
  /** The message as it was before it was put in the archive (`>From ` unquoted). */
  source: Buffer;
  /**
   * For a message over SPILL_AT bytes, the private file holding it instead (`source` is then
   * empty); removed once the next message is asked for.
   */
  file?: string;
}

interface PendingMessage {
  parts: Buffer[];
  index: number;
  startLine: number;
  spill: MemberSpill | null;
}

const NL = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
const F = 0x46;
const FROM_ = Buffer.from("From ");
/** RFC 5322 §2.2 header field name, then `:`. */
const HEADER_FIELD = /^[!-9;-~]+:/;

function startsWithFrom(buf: Buffer, at: number, end: number): boolean {
  return end - at >= 5 && buf[at] === F && buf.compare(FROM_, 0, 5, at, at + 5) === 0;
}

/** `>From `, `>>From `, …: a quoted body line (mboxrd). */
function isQuotedFrom(buf: Buffer, at: number, end: number): boolean {
  let i = at;
  while (i < end && buf[i] === GT) i++;
  return i > at && startsWithFrom(buf, i, end);
}

function isBlank(buf: Buffer, at: number, end: number): boolean {
  const length = end - at;
  return length === 0 || (length === 1 && buf[at] === NL) || (length === 2 && buf[at] === CR && buf[at + 1] === NL);
}

/** The blank line before the next `From ` belongs to the archive, not to the message. */
function withoutSeparatorBlank(parts: Buffer[]): Buffer {
  const message = Buffer.concat(parts);
  if (message.length >= 4 && message.subarray(-4).equals(Buffer.from("\r\n\r\n"))) return message.subarray(0, -2);
  if (message.length >= 2 && message[message.length - 1] === NL && message[message.length - 2] === NL) return message.subarray(0, -1);
  if (message.length === 1 && message[0] === NL) return message.subarray(0, 0);
  return message;
}

/**
 * Splits an archive read as a stream of chunks into its messages. Only the current message is
 * held; ordinary lines are kept as slices of the chunks they arrived in, without copying.
 */
export async function* readMbox(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<MboxMessage> {
  let parts: Buffer[] = [];
  let hasContent = false;
  let index = 0;
  let startLine = 1;
  let lineNo = 0; // lines completed so far
  let previousBlank = true; // the start of the file counts as following a blank line
  let carry: Buffer[] = [];
  let spill: MemberSpill | null = null;

  const finish = (): PendingMessage | null => {
    const pending = { parts, index: index === 0 ? 1 : index, startLine, spill };
    const had = hasContent;
    parts = [];
    spill = null;
    hasContent = false;
    // Text before the first `From ` line (a file named .mbox that lacks one) is a message too,
    // unless it is only blank lines.
    if (index === 0 && !had) {
      pending.spill?.remove();
      return null;
    }
    return pending;
  };

  /** A finished message, in memory or in its spill file; the file goes when the next is asked for. */
  async function* deliver(pending: PendingMessage): AsyncGenerator<MboxMessage> {
    if (!pending.spill) {
      yield { index: pending.index, startLine: pending.startLine, source: withoutSeparatorBlank(pending.parts) };
      return;
    }
    try {
      const file = await pending.spill.finish(pending.parts);
      yield { index: pending.index, startLine: pending.startLine, source: Buffer.alloc(0), file };
    } finally {
      pending.spill.remove();
    }
  }

  // Returns a finished message when this line starts the next one.
  const handleLine = (buf: Buffer, at: number, end: number): PendingMessage | null => {
    lineNo++;
    let done: PendingMessage | null = null;
    if (previousBlank && startsWithFrom(buf, at, end)) {
      done = finish();
      if (done && index === 0) index = 1; // leading text took number 1
      index++;
      startLine = lineNo + 1;
      hasContent = true;
    } else if (buf[at] === GT && isQuotedFrom(buf, at, end)) {
      parts.push(buf.subarray(at + 1, end));
      hasContent = true;
    } else {
      parts.push(buf.subarray(at, end));
      hasContent ||= !isBlank(buf, at, end);
    }
    previousBlank = isBlank(buf, at, end);
    return done;
  };

  for await (const chunk of chunks) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk, "latin1") : chunk;
    let pos = 0;
    if (carry.length) {
      const nl = buf.indexOf(NL);
      if (nl === -1) {
        carry.push(buf);
        continue;
      }
      // A line that spanned chunks: join its pieces once, when its end has arrived.
      const line = Buffer.concat([...carry, buf.subarray(0, nl + 1)]);
      carry = [];
      const done = handleLine(line, 0, line.length);
      if (done) yield* deliver(done);
      pos = nl + 1;
    }
    // Ordinary lines are gathered into runs, pushed as one slice when something special
    // (a separator, a quoted From) interrupts them or the chunk ends.
    let runStart = pos;
    for (let nl = buf.indexOf(NL, pos); nl !== -1; nl = buf.indexOf(NL, pos)) {
      const end = nl + 1;
      const first = buf[pos];
      const special = (first === F && previousBlank && startsWithFrom(buf, pos, end)) || (first === GT && isQuotedFrom(buf, pos, end));
      if (special) {
        if (pos > runStart) parts.push(buf.subarray(runStart, pos));
        const done = handleLine(buf, pos, end);
        if (done) yield* deliver(done);
        runStart = end;
      } else {
        lineNo++;
        hasContent ||= !isBlank(buf, pos, end);
        previousBlank = isBlank(buf, pos, end);
      }
      pos = end;
    }
    if (pos > runStart) parts.push(buf.subarray(runStart, pos));
    if (pos < buf.length) carry.push(buf.subarray(pos));
    // A message past SPILL_AT goes to a private file as it arrives, not into memory.
    if (spill || parts.reduce((sum, part) => sum + part.length, 0) > SPILL_AT) {
      spill ??= await MemberSpill.create();
      await spill.write(parts);
      parts = [];
    }
  }
  if (carry.length) {
    const line = Buffer.concat(carry);
    const done = handleLine(line, 0, line.length);
    if (done) yield* deliver(done);
  }
  const last = finish();
  if (last) yield* deliver(last);
}

/**
 * Whether a file is an mbox archive: by its `.mbox` extension, or because it starts with a
 * `From ` line followed by a header line. The second line matters: a text draft may well begin
 * "From now on, …", an archive's first message never lacks headers.
 */
export async function isMboxFile(path: string): Promise<boolean> {
  if (/\.(eml|msg)$/i.test(path)) return false;
  // A FIFO or a device is not an archive (opening a FIFO would block): the ordinary path refuses it.
  const info = await stat(path).catch(() => null);
  if (info && !info.isFile()) return false;
  if (/\.mbox$/i.test(path)) return true;
  let handle;
  try {
    handle = await open(path, "r");
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return looksLikeMbox(head.subarray(0, bytesRead));
  } catch {
    return false; // unreadable: the ordinary path reports the error
  } finally {
    await handle?.close();
  }
}

export function looksLikeMbox(head: Buffer): boolean {
  if (!startsWithFrom(head, 0, head.length)) return false;
  const lines = head.toString("latin1").split(/\r?\n/);
  return lines.length > 1 && HEADER_FIELD.test(lines[1]);
}

/** `archive.mbox#3` → `{ path: "archive.mbox", member: 3 }`; other names have no member. */
export function splitArchiveMember(file: string): { path: string; member: number | null } {
  const m = /^(.+)#(\d+)$/.exec(file);
  return m ? { path: m[1], member: Number(m[2]) } : { path: file, member: null };
}

/** Lints one message of an archive: its bytes, or (a large one) the private file holding them. */
export type MemberLinter = (name: string, source: Buffer, file?: string) => Promise<FileResult>;

/**
 * Lints each message of an archive in turn. File lines in the results are lines of the archive,
 * so that an editor or a code-scanning annotation lands on the right line of the real file;
 * recipient findings, which have no line, point at the message's first header line.
 */
export async function lintMbox(
  path: string,
  lintMember: MemberLinter,
  /** Called with each result as it is made; when given, results are not also collected. */
  emit?: (result: FileResult) => void,
): Promise<FileResult[]> {
  return lintMboxStream(path, () => createReadStream(path, { highWaterMark: 256 * 1024 }), lintMember, emit);
}

/**
 * `lintMbox` for an archive read from anywhere (a file, the staged version git prints), named
 * `name` in the results.
 */
export async function lintMboxStream(
  name: string,
  openChunks: () => AsyncIterable<Buffer>,
  lintMember: MemberLinter,
  emit?: (result: FileResult) => void,
): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const out = emit ?? ((result: FileResult) => results.push(result));
  try {
    for await (const message of readMbox(openChunks())) {
      const result = await lintMember(`${name}#${message.index}`, message.source, message.file);
      out(inArchive(result, message.startLine));
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const reason = e.code === "ENOENT" ? "no such file" : e.code === "EACCES" ? "permission denied" : `cannot read (${e.code ?? e.message})`;
    out({ file: name, audience: "unknown", recipients: [], findings: [], error: { code: "read-error", message: reason } });
  }
  return results;
}

function inArchive(result: FileResult, startLine: number): FileResult {
  const offset = startLine - 1;
  return {
    ...result,
    findings: result.findings.map((f) => {
      if (f.location.fileLine === undefined) return f.location.section === "header" ? { ...f, location: { ...f.location, fileLine: startLine } } : f;
      return { ...f, location: { ...f.location, fileLine: f.location.fileLine + offset } };
    }),
  };
}
