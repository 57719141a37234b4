/**
 * The sent mail `learn` reads: an mbox (Thunderbird's `Sent`, any `.mbox`), a maildir (`cur/`
 * and `new/`, file names with flags), or a folder of `.eml` and `.msg` files, walked. Every
 * input is opened read-only, and nothing but the index is written. A re-run reads only what is
 * new: an mbox from where the last run stopped (when it was only appended to since), and in a
 * folder only the files not read before.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, type Stats } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { createHash } from "node:crypto";
import { UsageError } from "../config/errors.js";
import { digestOf, type HistoryBuilder, type LearntMessage } from "./historyBuilder.js";
import { HEADER_CAP, readSentHeaders } from "./sentHeaders.js";
import { mboxHeaderBlocks } from "./mboxHeaders.js";

export interface LearnCounts {
  /** Messages added to the history. */
  learnt: number;
  /** Messages read but already in the history (a second copy, or an mbox read again from the start). */
  known: number;
  /** Messages from someone else (with `--from`), or with no recipients. */
  skipped: number;
  /** Files not read because an earlier run read them. */
  unchangedFiles: number;
  /** Files that could not be read, with why. */
  errors: string[];
}

export interface LearnOptions {
  /** Only messages from these addresses (lower case) count: a folder that also holds received mail. */
  from?: ReadonlySet<string>;
  readMsg?: (source: Buffer, file: string) => Promise<LearntMessage | null>;
}

const TAIL = 4096;

function tailHash(path: string, offset: number): string {
  const fd = openSync(path, "r");
  try {
    const length = Math.min(TAIL, offset);
    const buf = Buffer.alloc(length);
    readSync(fd, buf, 0, length, offset - length);
    return createHash("sha1").update(buf).digest("hex");
  } finally {
    closeSync(fd);
  }
}

/** The first bytes of a file (all of it when small): a sent message's headers are near its top. */
function head(path: string, size: number, bytes = HEADER_CAP): Buffer {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(Math.min(size, bytes));
    const read = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function isMbox(path: string, size: number): boolean {
  if (/\.mbox$/i.test(path)) return true;
  const start = head(path, size, 1024).toString("latin1");
  return /^From [^\n]*\r?\n[!-9;-~]+:/.test(start);
}

/**
 * A maildir file is renamed when its flags change (`…:2,S` once read) and moved from `new/` to
 * `cur/`: the key leaves both out, so a message read once is not read again for being opened.
 */
function fileKey(path: string, info: Stats): string {
  const dir = dirname(path);
  const inMaildir = ["cur", "new"].includes(basename(dir));
  const name = inMaildir ? basename(path).replace(/[:!]2,.*$/, "") : basename(path);
  const where = inMaildir ? join(dirname(dir), name) : path;
  return digestOf(`${where}|${info.size}|${inMaildir ? "" : Math.floor(info.mtimeMs)}`);
}

/** Every file a folder source holds: mail files, maildir messages, and mbox files found in it. */
function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  const maildirPart = ["cur", "new"].includes(basename(dir));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // A maildir's tmp/ holds messages still being delivered; symlinked folders could loop.
    if (entry.isDirectory()) {
      if (entry.name !== "tmp" && entry.name !== "node_modules" && !entry.name.startsWith(".git")) yield* walk(path);
    } else if (entry.isFile()) {
      if (maildirPart && !entry.name.startsWith(".")) yield path;
      else if (/\.(eml|msg|mbox)$/i.test(entry.name)) yield path;
      // Thunderbird's folders are extensionless mbox files beside their .msf summaries.
      else if (!extname(entry.name) && !entry.name.startsWith(".")) yield path;
    }
  }
}

export async function learnSources(paths: string[], h: HistoryBuilder, options: LearnOptions = {}): Promise<LearnCounts> {
  const counts: LearnCounts = { learnt: 0, known: 0, skipped: 0, unchangedFiles: 0, errors: [] };
  const take = (m: LearntMessage | null) => {
    if (!m || (options.from && !(m.from && options.from.has(m.from.toLowerCase())))) counts.skipped++;
    else if (h.add(m)) counts.learnt++;
    else counts.known++;
  };
  // Every source is checked before any is read: a mistyped path is one line, and nothing learnt.
  const sources = paths.map((given) => {
    const path = resolve(given);
    let info: Stats;
    try {
      info = statSync(path);
    } catch (err) {
      throw new UsageError(`${given}: cannot read (${(err as NodeJS.ErrnoException).code})`);
    }
    if (!info.isDirectory() && !info.isFile()) throw new UsageError(`${given}: not a file or folder`);
    return { path, directory: info.isDirectory() };
  });
  for (const { path, directory } of sources) {
    if (directory) {
      for (const file of walk(path)) await learnFile(file, h, counts, take, options, false);
    } else await learnFile(path, h, counts, take, options, true);
  }
  return counts;
}

async function learnFile(path: string, h: HistoryBuilder, counts: LearnCounts, take: (m: LearntMessage | null) => void, options: LearnOptions, named: boolean): Promise<void> {
  let info: Stats;
  try {
    info = statSync(path);
    if (isMbox(path, info.size)) return await learnMbox(path, info, h, take);
    // An extensionless file in a plain folder is read only if it is an mbox (above) or was named.
    const inMaildir = ["cur", "new"].includes(basename(dirname(path)));
    if (!named && !inMaildir && !/\.(eml|msg)$/i.test(path)) return;
    const key = fileKey(path, info);
    if (h.seenFiles.has(key)) {
      counts.unchangedFiles++;
      return;
    }
    if (/\.msg$/i.test(path)) {
      if (!options.readMsg) throw new Error("no .msg reader");
      take(await options.readMsg(readFileSync(path), path));
    } else take(readSentHeaders(head(path, info.size)));
    h.seenFiles.add(key);
  } catch (err) {
    counts.errors.push(`${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

async function learnMbox(path: string, info: Stats, h: HistoryBuilder, take: (m: LearntMessage | null) => void): Promise<void> {
  const previous = h.sources.find((s) => s.kind === "mbox" && s.path === path);
  // Appended to since the last run: read on from there. Rewritten (a compacted folder): from the
  // start, and the messages already learnt are recognised by their digests.
  const resume = previous && info.size >= previous.offset && previous.offset > 0 && tailHash(path, previous.offset) === previous.tail;
  const start = resume ? previous.offset : 0;
  const end = info.size;
  for await (const block of mboxHeaderBlocks(path, start, end)) take(readSentHeaders(block));
  const state = { kind: "mbox" as const, path, offset: end, tail: tailHash(path, end) };
  h.sources = [...h.sources.filter((s) => s.path !== path), state];
}
