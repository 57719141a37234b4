/**
 * Patterns from the pack YAML, compiled once. The syntax is a small subset of compromise's match
 * syntax — words, `(a|b|c)` alternatives, `*` for any one word, `word?` for an optional word —
 * compiled to word sequences (./wordSequence.ts) matched against a sentence's normalised words. A
 * user's pattern therefore never reaches the regex engine, and a match is tried only where a
 * sentence holds one of the pattern's trigger words.
 */
import { readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Token } from "../text/tokens.js";
import { tokenise } from "../text/tokens.js";
import { indexTriggerFile, storedWords } from "./triggerFile.js";
import { allMatches, anyMatch, compileSequence, type SequenceSyntax, type WordSequence } from "./wordSequence.js";

/** English plural of a noun, for word lists that name things in the singular. */
export function pluralise(word: string): string {
  const irregular: Record<string, string> = { person: "people", man: "men", woman: "women", child: "children", wife: "wives", gentleman: "gentlemen", fellow: "fellows" };
  if (irregular[word]) return irregular[word];
  if (word.endsWith("man")) return word.slice(0, -3) + "men";
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + "ies";
  if (/(s|sh|ch|x|z)$/.test(word)) return word + "es";
  return word + "s";
}

export interface PatternMatch {
  /** Index of the first and last matched token in the sentence's word list. */
  first: number;
  last: number;
  // No field says which pattern matched: code that branched on a pattern's wording made the YAML
  // unpredictable (an entry added changed code paths nobody could see from the data). A
  // construction that treats some words differently reads them from a list of their own.
}

/**
 * A literal's normalised words. The packs hold some 1,700 patterns made of far fewer distinct
 * words, and this runs for each at start-up, so each literal is tokenised once.
 */
const literalCache = new Map<string, string[]>();
function literalWords(text: string): string[] {
  let words = literalCache.get(text);
  if (!words) {
    // A clitic written alone ("'re", "'s") is one word, as the tokeniser splits it off a sentence.
    words = /^'[a-z]+$/i.test(text) ? [text.toLowerCase()] : tokenise(text, 0, false).map((t) => t.norm);
    literalCache.set(text, words);
  }
  return words;
}

/** Splits on `isSeparator` outside parentheses: `(no one|nobody) (likes|wants)` is two items. */
export function splitTopLevel(text: string, isSeparator: (ch: string) => boolean): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && isSeparator(ch)) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

function items(pattern: string): string[] {
  return splitTopLevel(pattern.trim(), (ch) => /\s/.test(ch)).filter((item) => item !== "");
}

const SYNTAX: SequenceSyntax = {
  items,
  alternatives: (body) => splitTopLevel(body, (ch) => ch === "|"),
  literalWords,
};

/** The pattern as matched: a one-word noun pattern also matches its plural ("tosser" finds "those tossers"). */
function compilePatternSource(pattern: string): string {
  const parts = items(pattern);
  if (parts.length === 1 && /^[\p{L}-]+$/u.test(parts[0])) return `(${parts[0]}|${pluralise(parts[0])})`;
  return pattern;
}


/** A sentence's normalised words, as the patterns read them. */
export interface WordLine {
  words: string[];
  /** Index into the sentence's tokens of each word. */
  tokenIndex: number[];
}

export function wordLine(tokens: Token[]): WordLine {
  const parts: string[] = [];
  const tokenIndex: number[] = [];
  tokens.forEach((t, i) => {
    // Quoted words are the customer's, not ours: a quotation is one blank word, so no pattern
    // matches inside it and "which part of 'no pets' was unclear" still reads as one phrase.
    if (t.quoted && tokens[i - 1]?.quoted) return;
    tokenIndex.push(i);
    parts.push(t.quoted ? "_" : t.norm);
  });
  return { words: parts, tokenIndex };
}

/** Function words found in most sentences: poor triggers for a pattern's pre-check. */
const COMMON_WORDS = new Set(
  "a an the to and of i we you he she they it is are was were be been 's 're in on at for with from by as this that these those can could would will not n't do does did have has had our your their my his her them him us me so just if or but".split(
    " ",
  ),
);

function triggerCost(words: Set<string>): number {
  let common = 0;
  words.forEach((w) => (common += COMMON_WORDS.has(w) ? 1 : 0));
  return common * 1000 + words.size;
}

/**
 * Words of which any match of `parts` must contain at least one, or null when a match could be
 * made of wildcards and optional words alone. Of the required items, the rarest words are kept
 * ("trust" rather than "would"), so that a sentence holding none of them skips the pattern.
 */
function requiredWords(parts: string[]): Set<string> | null {
  let best: Set<string> | null = null;
  for (const raw of parts) {
    if ((raw.length > 1 && raw.endsWith("?")) || raw === "*") continue;
    let words: Set<string> | null = null;
    if (raw.startsWith("(") && raw.endsWith(")")) {
      words = new Set<string>();
      for (const alternative of splitTopLevel(raw.slice(1, -1), (ch) => ch === "|")) {
        const inner = requiredWords(items(alternative));
        if (!inner) {
          words = null;
          break;
        }
        inner.forEach((w) => words!.add(w));
      }
    } else {
      const tokens = literalWords(raw);
      // Every word of a literal is required; its rarest one is the best trigger.
      const rarest = tokens.map((t) => new Set([t])).sort((a, b) => triggerCost(a) - triggerCost(b))[0];
      words = rarest ?? null;
    }
    if (words && (!best || triggerCost(words) < triggerCost(best))) best = words;
  }
  return best;
}

/**
 * Trigger words by pattern (`noun:` before one read as a noun, matching its plural too). Working them out for the packs' 1,700 patterns took ~50 ms of
 * every cold start, so `npm run build` stores them (scripts/precompile-packs.mjs) in
 * dist/packs/pattern-triggers.txt (triggerFile.ts) and the bundle starts from that; any pattern not there (a
 * user's pack) is worked out here as before.
 */
/** A string is a stored line not yet split (triggerFile.ts: indexTriggerFile). */
const triggerCache = new Map<string, string[] | null | string>();
let storedTriggersLoaded = false;

function loadStoredTriggers(): void {
  storedTriggersLoaded = true;
  const here = fileURLToPath(import.meta.url);
  const dist = here.lastIndexOf(`${sep}dist${sep}`);
  if (dist === -1) return;
  try {
    indexTriggerFile(readFileSync(join(here.slice(0, dist + 6), "packs", "pattern-triggers.txt"), "utf8"), triggerCache);
  } catch {
    // Not built with precompiled triggers: work them out as needed.
  }
}

function triggersOf(pattern: string, plurals: boolean): string[] | null {
  if (!storedTriggersLoaded) loadStoredTriggers();
  const key = plurals ? `noun:${pattern}` : pattern;
  const stored = triggerCache.get(key);
  if (typeof stored === "string") {
    const words = storedWords(stored);
    triggerCache.set(key, words);
    return words;
  }
  let words = stored;
  if (words === undefined) {
    const found = requiredWords(items(plurals ? compilePatternSource(pattern) : pattern));
    words = found ? [...found] : null;
    triggerCache.set(key, words);
  }
  return words;
}

/** Every trigger worked out so far, for the build to store (scripts/precompile-packs.mjs). */
export function storedTriggers(): Array<[string, string[] | null]> {
  return [...triggerCache].map(([pattern, words]) => [pattern, typeof words === "string" ? storedWords(words) : words]);
}

export class PatternList {
  readonly patterns: string[];
  private readonly plurals: boolean;
  /** Each pattern's word sequence, compiled the first time a sentence holds its trigger word. */
  private readonly each: Array<WordSequence | undefined>;
  /** Pattern indices by a word every match of them holds: a sentence tries only those patterns. */
  private readonly byTrigger = new Map<string, number[]>();
  /** Patterns that could match without any fixed word (wildcards and optional words only). */
  private readonly untriggered: number[] = [];
  /**
   * Which patterns the current call has tried: `tried[i] === pass` (no Set made per sentence, and
   * a pattern triggered by two of a sentence's words is tried once). test() and candidates() each
   * walk the triggers themselves: one walk shared through a callback or generator cost 2% of a
   * real-mail run.
   */
  private readonly tried: Uint32Array;
  private pass = 0;

  /** `plurals`: one-word patterns are nouns and match their plural too. */
  constructor(patterns: unknown, options: { plurals?: boolean } = {}) {
    this.patterns = Array.isArray(patterns) ? patterns.filter((p): p is string => typeof p === "string" && p.trim() !== "") : [];
    // Each pattern is tried only when its trigger word is present, not every pattern on every
    // sentence (one alternation of hundreds run on every sentence dominated whole runs).
    this.plurals = options.plurals ?? false;
    this.each = new Array(this.patterns.length);
    this.tried = new Uint32Array(this.patterns.length);
    this.patterns.forEach((pattern, index) => {
      const words = triggersOf(pattern, this.plurals);
      if (!words) this.untriggered.push(index);
      else for (const word of words) {
        const list = this.byTrigger.get(word);
        if (list) list.push(index);
        else this.byTrigger.set(word, [index]);
      }
    });
  }

  private sequenceFor(index: number): WordSequence {
    // (Compiled only on first use: parsing every pattern at start-up cost more than the matching.)
    return (this.each[index] ??= compileSequence(this.plurals ? compilePatternSource(this.patterns[index]) : this.patterns[index], SYNTAX));
  }

  private nextPass(): number {
    if (++this.pass === 0xffffffff) {
      this.tried.fill(0);
      this.pass = 1;
    }
    return this.pass;
  }

  /** Indices of the patterns that could match a line of these words, in pack order. */
  private candidates(words: string[]): number[] {
    const pass = this.nextPass();
    const found = [...this.untriggered];
    for (const word of words) {
      const hit = this.byTrigger.get(word);
      if (hit) for (const index of hit) if (this.tried[index] !== pass) found.push(index), (this.tried[index] = pass);
    }
    return found.length > this.untriggered.length ? found.sort((x, y) => x - y) : found;
  }

  /** Whether any pattern matches: stops at the first, trying each triggered pattern once. */
  test(line: string | WordLine): boolean {
    const words = typeof line === "string" ? line.split(" ") : line.words;
    if (this.untriggered.some((index) => anyMatch(this.sequenceFor(index), words))) return true;
    const pass = this.nextPass();
    for (const word of words) {
      const hit = this.byTrigger.get(word);
      if (!hit) continue;
      for (const index of hit) {
        if (this.tried[index] === pass) continue;
        this.tried[index] = pass;
        if (anyMatch(this.sequenceFor(index), words)) return true;
      }
    }
    return false;
  }

  /** Every match of every pattern, as token ranges. */
  matches(words: WordLine): PatternMatch[] {
    const out: PatternMatch[] = [];
    const found = (first: number, last: number) => out.push({ first: words.tokenIndex[first], last: words.tokenIndex[last] });
    for (const p of this.candidates(words.words)) allMatches(this.sequenceFor(p), words.words, found);
    return out.sort(byPosition);
  }
}

/** Matches in text order, the longest first where two start together: the order `matches` gives. */
function byPosition(a: PatternMatch, b: PatternMatch): number {
  return a.first - b.first || b.last - a.last;
}

/**
 * The matches of several lists as if they were one list's: a construction whose words are split
 * into lists by how they behave (weak and strong generalisers) reads them in text order, and asks
 * which list a match came from by `includes`.
 */
export function inTextOrder(...lists: PatternMatch[][]): PatternMatch[] {
  return lists.flat().sort(byPosition);
}
