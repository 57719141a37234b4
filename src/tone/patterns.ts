/**
 * Patterns from the pack YAML, compiled once. The syntax is a small subset of compromise's match
 * syntax — words, `(a|b|c)` alternatives, `*` for any one word, `word?` for an optional word —
 * compiled to escaped literals in one alternation over a sentence's normalised words. A user's
 * pattern therefore never reaches the regex engine as a regex of its own, and every match runs in
 * time linear in the (bounded) sentence length.
 */
import type { Token } from "./tokens.js";
import { tokenise } from "./tokens.js";

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
  /** The pattern as written in the pack. */
  pattern: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One literal word or phrase, normalised the way sentences are ("can't" → "can n't"). */
function literal(text: string): string {
  // A clitic written alone ("'re", "'s") is one word, as the tokeniser splits it off a sentence.
  if (/^'[a-z]+$/i.test(text)) return escapeRegExp(text.toLowerCase());
  return tokenise(text, 0, false)
    .map((t) => escapeRegExp(t.norm))
    .join(" ");
}

/** Splits on `isSeparator` outside parentheses: `(no one|nobody) (likes|wants)` is two items. */
function splitTopLevel(text: string, isSeparator: (ch: string) => boolean): string[] {
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

function compileItem(item: string): string {
  if (item === "*") return "[^ ]+";
  if (item.startsWith("(") && item.endsWith(")")) {
    // Alternatives may be phrases with groups of their own: "(in|the (feel|vibe)|our brand)".
    const alternatives = splitTopLevel(item.slice(1, -1), (ch) => ch === "|");
    return `(?:${alternatives.map((a) => compileSequence(items(a))).join("|")})`;
  }
  return `(?:${literal(item)})`;
}

function compileSequence(parts: string[]): string {
  let source = "";
  // Whether the next item needs a space before it (not at the start, nor after an optional
  // first item, whose own trailing space is inside its group).
  let needSpace = false;
  for (const raw of parts) {
    const optional = raw.length > 1 && raw.endsWith("?");
    const body = compileItem(optional ? raw.slice(0, -1) : raw);
    if (!optional) source += (needSpace ? " " : "") + body;
    else if (needSpace) source += `(?: ${body})?`;
    else source += `(?:${body} )?`;
    needSpace = needSpace || !optional;
  }
  return source;
}

export function compilePattern(pattern: string, plurals = false): string {
  const parts = items(pattern);
  // A one-word noun pattern also matches its plural: "tosser" finds "those tossers".
  if (plurals && parts.length === 1 && /^[\p{L}-]+$/u.test(parts[0])) parts[0] = `(${parts[0]}|${pluralise(parts[0])})`;
  return compileSequence(parts);
}

/** A sentence's words as one normalised string, with each word's character offset in it. */
export interface WordLine {
  line: string;
  /** Character offset in `line` of each word. */
  offsets: number[];
  /** Index into the sentence's tokens of each word. */
  tokenIndex: number[];
}

export function wordLine(tokens: Token[]): WordLine {
  const parts: string[] = [];
  const offsets: number[] = [];
  const tokenIndex: number[] = [];
  let length = 0;
  tokens.forEach((t, i) => {
    // Quoted words are the customer's, not ours: a quotation is one blank word, so no pattern
    // matches inside it and "which part of 'no pets' was unclear" still reads as one phrase.
    if (t.quoted && tokens[i - 1]?.quoted) return;
    const norm = t.quoted ? "_" : t.norm;
    offsets.push(length);
    tokenIndex.push(i);
    parts.push(norm);
    length += norm.length + 1;
  });
  return { line: parts.join(" "), offsets, tokenIndex };
}

export class PatternList {
  readonly patterns: string[];
  private readonly regex: RegExp | null;
  private readonly each: RegExp[];

  /** `plurals`: one-word patterns are nouns and match their plural too. */
  constructor(patterns: unknown, options: { plurals?: boolean } = {}) {
    this.patterns = Array.isArray(patterns) ? patterns.filter((p): p is string => typeof p === "string" && p.trim() !== "") : [];
    const compiled = this.patterns.map((p) => compilePattern(p, options.plurals));
    this.each = compiled.map((c) => new RegExp(`(?<![^ ])${c}(?![^ ])`, "g"));
    this.regex = compiled.length ? new RegExp(`(?<![^ ])(?:${compiled.join("|")})(?![^ ])`) : null;
  }

  test(line: string): boolean {
    return this.regex !== null && this.regex.test(line);
  }

  /** Every match of every pattern, as token ranges. */
  matches(words: WordLine): PatternMatch[] {
    if (!this.test(words.line)) return [];
    const out: PatternMatch[] = [];
    this.each.forEach((regex, p) => {
      regex.lastIndex = 0;
      for (const m of words.line.matchAll(regex)) {
        const startChar = m.index ?? 0;
        const endChar = startChar + m[0].length;
        const first = wordAt(words, startChar);
        const last = wordAt(words, Math.max(startChar, endChar - 1));
        out.push({ first: words.tokenIndex[first], last: words.tokenIndex[last], pattern: this.patterns[p] });
      }
    });
    return out.sort((a, b) => a.first - b.first || b.last - a.last);
  }
}

function wordAt(words: WordLine, char: number): number {
  let lo = 0;
  let hi = words.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (words.offsets[mid] <= char) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
