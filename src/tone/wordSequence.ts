/**
 * A pack pattern compiled to a sequence of word items and matched against a sentence's
 * normalised words directly: literal words, `(a|b c)` alternatives (each a sequence of its own),
 * `*` for any one word, `item?` for an optional one. Alternatives are tried in the order written
 * and an optional item is tried present before absent, backtracking as a regular expression would,
 * so a match starts and ends where the regex `(?:^| )…(?= |$)` over the joined words did.
 *
 * Why not that regex: V8 compiles every regex it runs to machine code, and the packs' 1,700
 * patterns took about 10 MB of code space on each thread that linted (a capped worker's heap
 * then had no room left), and each worker compiled them all again.
 */

interface Literal {
  kind: "literal";
  words: string[];
  optional: boolean;
}
interface AnyWord {
  kind: "any";
  optional: boolean;
}
interface Alternatives {
  kind: "alternatives";
  options: Items[];
  optional: boolean;
}
type Item = Literal | AnyWord | Alternatives;
type Items = Item[];

export interface WordSequence {
  items: Items;
  /** The words a match can start with, or null when it can start with any word. */
  first: ReadonlySet<string> | null;
  /** Only literals and `*`, none optional: matched by a plain loop, without backtracking. */
  plain: boolean;
}

export interface SequenceSyntax {
  /** The pattern's top-level items ("(no one|nobody) likes?" → "(no one|nobody)", "likes?"). */
  items(text: string): string[];
  /** The alternatives inside parentheses. */
  alternatives(body: string): string[];
  /** A literal's normalised words, as sentences are normalised ("can't" → "can", "n't"). */
  literalWords(text: string): string[];
}

export function compileSequence(pattern: string, syntax: SequenceSyntax): WordSequence {
  const items = compileItems(pattern, syntax);
  return { items, first: firstWords(items), plain: items.every((item) => !item.optional && item.kind !== "alternatives") };
}

function compileItems(pattern: string, syntax: SequenceSyntax): Items {
  return syntax.items(pattern).map((raw) => {
    const optional = raw.length > 1 && raw.endsWith("?");
    const body = optional ? raw.slice(0, -1) : raw;
    if (body === "*") return { kind: "any", optional };
    if (body.startsWith("(") && body.endsWith(")")) {
      return { kind: "alternatives", optional, options: syntax.alternatives(body.slice(1, -1)).map((a) => compileItems(a, syntax)) };
    }
    return { kind: "literal", optional, words: syntax.literalWords(body) };
  });
}

/**
 * The words a match of `items` can start with (null: any word), and whether the items can match no
 * words at all (then a match may start with whatever follows them).
 */
function startsOf(items: Items, into: Set<string>): { any: boolean; empty: boolean } {
  for (const item of items) {
    let skippable = item.optional;
    if (item.kind === "any") return { any: true, empty: false };
    if (item.kind === "literal") {
      // A literal of no words never matches (see literalEnd): it can only be skipped.
      if (item.words.length > 0) into.add(item.words[0]);
    } else {
      for (const option of item.options) {
        const inner = startsOf(option, into);
        if (inner.any) return inner;
        skippable ||= inner.empty;
      }
    }
    if (!skippable) return { any: false, empty: false };
  }
  return { any: false, empty: true };
}

function firstWords(items: Items): ReadonlySet<string> | null {
  const words = new Set<string>();
  return startsOf(items, words).any ? null : words;
}

/** The end (exclusive word index) of the match starting at word `start`, or -1. */
export function matchAt(sequence: WordSequence, words: readonly string[], start: number): number {
  if (sequence.first !== null && !sequence.first.has(words[start])) return -1;
  if (sequence.plain) return plainMatch(sequence.items, words, start);
  matchStart = start;
  return matchFrom(sequence.items, 0, start, words, endsAfterStart);
}

/**
 * A match must take a word at least. One function for every match, reading where the current one
 * started, rather than a new one per start tried (a matcher never starts another match inside its
 * own, so one start is current at a time).
 */
let matchStart = 0;
const endsAfterStart = (end: number): number => (end > matchStart ? end : -1);

function plainMatch(items: Items, words: readonly string[], start: number): number {
  let at = start;
  for (const item of items) {
    if (item.kind === "any") {
      if (at >= words.length) return -1;
      at++;
    } else if (item.kind === "literal") {
      at = literalEnd(item.words, at, words);
      if (at === -1) return -1;
    }
  }
  return at > start ? at : -1;
}

/** Every match, left to right and not overlapping, as [first, last] word indices. */
export function allMatches(sequence: WordSequence, words: readonly string[], found: (first: number, last: number) => void): void {
  for (let start = 0; start < words.length; ) {
    const end = matchAt(sequence, words, start);
    if (end === -1) start++;
    else {
      found(start, end - 1);
      start = end;
    }
  }
}

export function anyMatch(sequence: WordSequence, words: readonly string[]): boolean {
  for (let start = 0; start < words.length; start++) if (matchAt(sequence, words, start) !== -1) return true;
  return false;
}

/** Matches items k… of `sequence` from word `at`, then hands the end to `rest` (which may refuse it, -1, to backtrack). */
function matchFrom(sequence: Items, k: number, at: number, words: readonly string[], rest: (end: number) => number): number {
  if (k === sequence.length) return rest(at);
  const item = sequence[k];
  // A literal or a wildcard goes on to the next item directly: only alternatives need the rest
  // of the sequence as a function, and making one per item tried was most of the matcher's garbage.
  if (item.kind !== "alternatives") {
    const end = item.kind === "any" ? (at < words.length ? at + 1 : -1) : literalEnd(item.words, at, words);
    const present = end === -1 ? -1 : matchFrom(sequence, k + 1, end, words, rest);
    return present !== -1 || !item.optional ? present : matchFrom(sequence, k + 1, at, words, rest);
  }
  const next = (end: number) => matchFrom(sequence, k + 1, end, words, rest);
  const present = matchAlternatives(item.options, at, words, next);
  return present !== -1 || !item.optional ? present : next(at);
}

/** Where a literal's words end if they are at word `at`, else -1. */
function literalEnd(literal: readonly string[], at: number, words: readonly string[]): number {
  // A literal of no words (punctuation alone) never matched as a regex, between its spaces.
  const n = literal.length;
  if (n === 0 || at + n > words.length) return -1;
  for (let j = 0; j < n; j++) if (words[at + j] !== literal[j]) return -1;
  return at + n;
}

function matchAlternatives(options: readonly Items[], at: number, words: readonly string[], next: (end: number) => number): number {
  for (const option of options) {
    const end = matchFrom(option, 0, at, words, next);
    if (end !== -1) return end;
  }
  return -1;
}
