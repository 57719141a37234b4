/**
 * The tone model's per-word knowledge, `rules/tone-model/words.bin` (written by `npm run train`):
 * for ~200k English words, their AFINN-165 valence, their cuss profanity rating, and what each
 * contributes to each class of the model, one signed byte per column. The words are stored
 * sorted, with where each one starts, and found by binary search, so loading the file costs one
 * read: no scan, no 150k-entry Map (SPEC §8: cold start).
 *
 *   "DLT2" | count u32 | columns u32 | wordBytes u32 | scales f32×columns | starts u32×(count+1)
 *   | words (ASCII, sorted, "\n"-separated) | known u8×count | scores i8×count×columns
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
import { builtinRulesDir } from "../../packs/loadPack.js";

export interface WordTable {
  readonly columns: readonly string[];
  /** Row of `word`, or -1 when the table does not hold it. */
  row(word: string): number;
  /** Whether the word had a GloVe vector at training (it then counts in the mean of a slot). */
  known(row: number): boolean;
  value(row: number, column: number): number;
}

/** The built-in model's folder (rules/tone-model). */
export const builtinModelDir = (): string => join(builtinRulesDir(), "tone-model");

/**
 * Word tables another thread of this process has read, by file: the worker threads of a large
 * run read the 4.7 MB table from one SharedArrayBuffer the main thread filled (shareWordTable)
 * instead of each holding a copy of its own.
 */
const sharedTables = new Map<string, SharedArrayBuffer>();

export interface SharedWordTable {
  file: string;
  bytes: SharedArrayBuffer;
}

/** `dir`'s words.bin, read once into memory every thread of the process can read. */
export function shareWordTable(dir: string): SharedWordTable {
  const file = join(dir, "words.bin");
  let bytes = sharedTables.get(file);
  if (!bytes) {
    // Read straight into the shared memory: a copy read first would stay on this thread's
    // heap, outside it, until a GC found it.
    const fd = openSync(file, "r");
    try {
      bytes = new SharedArrayBuffer(fstatSync(fd).size);
      const view = new Uint8Array(bytes);
      for (let at = 0; at < view.length; ) {
        const n = readSync(fd, view, at, view.length - at, at);
        if (n === 0) throw new Error(`${file}: shorter than its size`);
        at += n;
      }
    } finally {
      closeSync(fd);
    }
    sharedTables.set(file, bytes);
  }
  return { file, bytes };
}

/** On a worker thread: the table the main thread shared, read from there when the model loads. */
export function adoptWordTable(shared: SharedWordTable): void {
  sharedTables.set(shared.file, shared.bytes);
}

export function loadWordTable(dir: string, columns: readonly string[]): WordTable {
  const file = join(dir, "words.bin");
  const shared = sharedTables.get(file);
  const bytes = shared ? Buffer.from(shared) : readFileSync(file);
  if (bytes.toString("latin1", 0, 4) !== "DLT2") throw new Error(`${file}: not a draftlint word table (or an older one: run npm run train)`);
  const count = bytes.readUInt32LE(4);
  const width = bytes.readUInt32LE(8);
  const wordBytes = bytes.readUInt32LE(12);
  if (width !== columns.length) throw new Error(`${file}: ${width} columns, the weights name ${columns.length}`);
  const scalesAt = 16;
  const scales = Array.from({ length: width }, (_, i) => bytes.readFloatLE(scalesAt + 4 * i));
  const startsAt = scalesAt + 4 * width;
  const wordsAt = startsAt + 4 * (count + 1);
  const knownAt = wordsAt + wordBytes;
  const scoresAt = knownAt + count;
  if (bytes.length !== scoresAt + count * width) throw new Error(`${file}: truncated`);
  // A view when the offsets are 4-byte aligned in memory (a file read whole is), else a copy.
  const at = bytes.byteOffset + startsAt;
  const starts = at % 4 === 0 ? new Uint32Array(bytes.buffer, at, count + 1) : new Uint32Array(bytes.buffer.slice(at, at + 4 * (count + 1)));
  // The words are compared where they lie in the file's bytes, as `<` compares strings (a byte is
  // the Latin-1 code unit it decodes to): a copy of them as one string was 1.3 MB outside the
  // heap for good, and each step of a search sliced a word out of it.
  const compareAt = (i: number, word: string): number => {
    const from = wordsAt + starts[i];
    const length = starts[i + 1] - 1 - starts[i];
    const shared = Math.min(length, word.length);
    for (let k = 0; k < shared; k++) {
      const d = bytes[from + k] - word.charCodeAt(k);
      if (d !== 0) return d;
    }
    return length - word.length;
  };
  // The scores as signed bytes where they lie: Buffer#readInt8 checks its offset on every call,
  // and the model reads a word's 16 vector scores each time it projects one.
  const scores = new Int8Array(bytes.buffer, bytes.byteOffset + scoresAt, count * width);
  // Not remembered here: the model remembers what it read of each word (classify.ts).
  return {
    columns,
    row: search,
    known: (row) => bytes[knownAt + row] === 1,
    value: (row, column) => scores[row * width + column] * scales[column],
  };

  function search(word: string): number {
    let lo = 0;
    let hi = count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const order = compareAt(mid, word);
      if (order === 0) return mid;
      if (order < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
