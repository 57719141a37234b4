/**
 * The header blocks of an mbox's messages, streamed: learn needs no body, so each message's body
 * is skipped as it streams past, never held or copied (a 2 GB Sent folder takes memory for one
 * header block at a time, and writes nothing anywhere). Messages start at a `From ` line after a
 * blank line, or at the start of the file (RFC 4155); `>From ` in a body is not a start.
 */
import { createReadStream } from "node:fs";
import { HEADER_CAP } from "./sentHeaders.js";

const NL = 0x0a;
const CR = 0x0d;

/** Yields each message's header block (without its `From ` line), reading `path` from `start` to `end`. */
export async function* mboxHeaderBlocks(path: string, start: number, end: number): AsyncGenerator<Buffer> {
  if (end <= start) return;
  const stream = createReadStream(path, { start, end: end - 1, highWaterMark: 1 << 20 });
  // `pending` holds the bytes not yet decided: a header block being gathered, or the last few
  // bytes of a body, in case a chunk ends inside "\n\nFrom ".
  let pending: Buffer = Buffer.alloc(0);
  let inHeader = false;
  let atStart = true;

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    pending = Buffer.alloc(0);
    let at = 0;
    if (atStart) {
      if (buf.length < 5) {
        pending = buf;
        continue;
      }
      atStart = false;
      if (buf.subarray(0, 5).toString("latin1") === "From ") {
        const nl = buf.indexOf(NL);
        if (nl === -1) {
          pending = buf;
          atStart = true;
          continue;
        }
        at = nl + 1;
        inHeader = true;
      }
    }
    while (at < buf.length) {
      if (inHeader) {
        // The header block ends at the first empty line; until then it is kept whole (it is small).
        const blank = findBlankLine(buf, at);
        if (blank === -1) {
          if (buf.length - at <= HEADER_CAP) {
            pending = buf.subarray(at);
            break;
          }
          yield Buffer.from(buf.subarray(at, at + HEADER_CAP));
          inHeader = false;
          at = buf.length - 8;
          continue;
        }
        yield Buffer.from(buf.subarray(at, blank));
        inHeader = false;
        at = blank;
        continue;
      }
      const next = findFromLine(buf, at);
      if (next === -1) {
        // A body: only its last bytes could begin "\n\nFrom ".
        pending = buf.subarray(Math.max(at, buf.length - 8));
        break;
      }
      const nl = buf.indexOf(NL, next);
      if (nl === -1) {
        // The `From ` line goes on in the next chunk: keep it with the blank line before it.
        pending = buf.subarray(Math.max(0, next - 3));
        break;
      }
      at = nl + 1;
      inHeader = true;
    }
  }
  if (inHeader && pending.length) yield Buffer.from(pending.subarray(0, HEADER_CAP));
}

/** The offset just past an empty line at or after `from` (a header block's end), or -1. */
function findBlankLine(buf: Buffer, from: number): number {
  // A header block that is empty starts with its blank line.
  if (buf[from] === NL) return from + 1;
  if (buf[from] === CR && buf[from + 1] === NL) return from + 2;
  let i = from;
  for (;;) {
    const nl = buf.indexOf(NL, i);
    if (nl === -1 || nl + 1 >= buf.length) return -1;
    if (buf[nl + 1] === NL) return nl + 2;
    if (buf[nl + 1] === CR) {
      if (nl + 2 >= buf.length) return -1;
      if (buf[nl + 2] === NL) return nl + 3;
    }
    i = nl + 1;
  }
}

/** The offset of a `From ` that starts a message (after a blank line) at or after `from`, or -1. */
function findFromLine(buf: Buffer, from: number): number {
  let i = from;
  for (;;) {
    const hit = buf.indexOf("\nFrom ", i, "latin1");
    if (hit === -1) return -1;
    const blankBefore = (hit >= 1 && buf[hit - 1] === NL) || (hit >= 2 && buf[hit - 1] === CR && buf[hit - 2] === NL);
    if (blankBefore) return hit + 1;
    i = hit + 1;
  }
}
