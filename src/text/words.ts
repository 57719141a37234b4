/**
 * Words of a text with their offsets: the unit the hygiene rules reason about ("Hi Karen,",
 * "Pauline wants…"). One linear scan; no regular expression with nested quantifiers.
 */

export interface Word {
  /** The word as written ("Pauline's" keeps its apostrophe). */
  text: string;
  /** Offsets into the text the word was read from. */
  start: number;
  end: number;
}

/**
 * Letters, marks and digits, with inner apostrophes and hyphens ("O'Brien", "Mary-Jane",
 * "don't"). A trailing apostrophe is not part of the word.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

export function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    out.push({ text: text.slice(m.index, end), start: m.index, end });
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
