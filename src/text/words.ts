/**
 * Words of a text with their offsets: the unit the hygiene rules reason about ("Hi Karen,",
 * "Pauline wants…"), read by the one tokeniser (./tokens.ts) with its clitics joined back on
 * ("Pauline's", "don't" are one word here) and without a possessive's trailing apostrophe.
 */
import { tokenise } from "./tokens.js";

export interface Word {
  /** The word as written ("Pauline's" keeps its apostrophe). */
  text: string;
  /** Offsets into the text the word was read from. */
  start: number;
  end: number;
}

export function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  for (const token of tokenise(text.slice(from, to), from, false)) {
    if (token.kind !== "word") continue;
    const last = out[out.length - 1];
    // A clitic the tokeniser split off ("'s", "n't") joins the word it was written on.
    if (last && last.end === token.start && /^(?:n['’]t|['’])/.test(token.text)) {
      last.end = token.end;
      last.text = text.slice(last.start, last.end);
    } else out.push({ text: token.text, start: token.start, end: token.end });
  }
  for (const word of out) {
    if (/['’]$/.test(word.text)) {
      word.end--;
      word.text = word.text.slice(0, -1);
    }
  }
  return out;
}

const ASCII = /^[\x00-\x7F]*$/;

/** Lower case, accents dropped, curly apostrophes straightened: "José" → "jose", "O’Brien" → "o'brien". */
export function foldWord(word: string): string {
  // Plain ASCII (most words, and most whole texts) has no accents to decompose and no curly
  // apostrophes: lower-casing is all folding does, so skip the normalisation and regex passes.
  if (ASCII.test(word)) return word.toLowerCase();
  return word
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/’/g, "'")
    .toLowerCase();
}

/**
 * foldWord of each word. A list that is plain ASCII (name tables, word lists) is lower-cased as
 * one string, in one native pass: folding 10,000 names one call at a time was a few ms of every
 * cold start (SPEC §8).
 */
export function foldWords(words: readonly string[]): string[] {
  const joined = words.join("\n");
  if (ASCII.test(joined)) {
    const folded = joined.toLowerCase().split("\n");
    // A word holding a line break would split in two: fold such a list one word at a time.
    if (folded.length === words.length) return folded;
  }
  return words.map(foldWord);
}

export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** The characters between two offsets, for checking what separates two words. */
export function gapBetween(text: string, end: number, start: number): string {
  return text.slice(end, start);
}

/**
 * A flat copy of `s`, for a key kept in a long-lived map: V8 keeps a slice of 13 characters or
 * more as a view into the string it came from, which would keep that whole message alive.
 * Slicing a concatenation makes V8 copy it flat first.
 */
export const ownCopy = (s: string): string => (" " + s).slice(1);

/**
 * `compute` remembered by its key, for pure functions a folder asks of the same few keys message
 * after message (a domain's organisation, its IDN forms, its look-alike keys). Bounded: cleared at
 * `limit` keys. Each key is kept as its own copy (`ownCopy`) and computed from it.
 */
export function boundedMemo<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      const own = ownCopy(key);
      value = compute(own);
      if (known.size >= limit) known.clear();
      known.set(own, value);
    }
    return value;
  };
}
