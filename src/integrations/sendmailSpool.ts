/**
 * The private copy of a message `draftlint-sendmail` lints: standard input written to a file in a
 * fresh 0700 directory, at most `limit` bytes. The directory is created before a byte is read and
 * removed by `remove()` whatever happened (a full disk, a message over the limit, a signal), so a
 * draft never outlives the wrapper on disk.
 */
import { createWriteStream, rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export const DEFAULT_MAX_MESSAGE_SIZE = 100 << 20;

export class MessageTooLargeError extends Error {}

const UNITS: Record<string, number> = { "": 1, b: 1, k: 1 << 10, kb: 1 << 10, m: 1 << 20, mb: 1 << 20, g: 1 << 30, gb: 1 << 30 };

/** `maxMessageSize` as bytes: a number of bytes, or "25 MB" (binary units, as mail servers use). */
export function parseSize(value: number | string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_MESSAGE_SIZE;
  if (typeof value === "number") return value;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new Error(`maxMessageSize: "${value}" is not a size (expected bytes, or for example 100 MB)`);
  return Math.floor(Number(m[1]) * unit);
}

export function formatSize(bytes: number): string {
  return bytes % (1 << 20) === 0 ? `${bytes >> 20} MB` : bytes % 1024 === 0 ? `${bytes >> 10} KB` : `${bytes} bytes`;
}

export interface Spool {
  dir: string;
  file: string;
  /** Removes the copy; safe to call more than once, and from a signal handler or `exit`. */
  remove(): void;
}

/** The spool directory, made before anything is read, so that every later failure can remove it. */
export async function createSpool(): Promise<Spool> {
  // mkdtemp creates the directory 0700; the file is created exclusively, 0600: a draft is private.
  const dir = await mkdtemp(join(tmpdir(), "draftlint-sendmail-"));
  return { dir, file: join(dir, "message"), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies standard input into the spool; rejects with MessageTooLargeError past `limit` bytes. */
export async function fillSpool(spool: Spool, stdin: Readable, limit: number): Promise<void> {
  let seen = 0;
  const capped = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(new MessageTooLargeError(`the message is over ${formatSize(limit)} (maxMessageSize)`));
      else done(null, chunk);
    },
  });
  await pipeline(stdin, capped, createWriteStream(spool.file, { flags: "wx", mode: 0o600 }));
}
