/**
 * What a user's pack is checked for beyond its schema, once, when it loads, so that a mistake is
 * one config error naming the pack file and the key instead of a rule that silently stops firing,
 * an error blamed on a built-in pack for every file, or a linter that hangs:
 *
 * - `phrases` must say something: a whitespace-only phrase matched everywhere.
 * - `lexicons` are not read from a user's pack, so giving some is a mistake, not a no-op.
 * - A rule that reuses a built-in rule's logic (same id) gives the `patterns` that logic reads,
 *   with the same keys and kinds as the built-in entry (a list of words, or a number): a
 *   misspelt key or a string where a list belongs used to be ignored.
 * - A pattern may not have too many ways to match (SPEC §4: a user pattern must not hang the
 *   linter). Patterns run on a backtracking regex engine; each optional word doubles the ways a
 *   sentence can be tried against it, so `x? ×22 x ×22 zzz` took 14 s per sentence of x's. The
 *   built-in patterns need at most 256 ways; a user's may have 1,024, which keeps every pattern
 *   linear in the sentence's length with a small constant.
 */
import { ConfigError } from "../config/errors.js";
import type { Pack, PackRule } from "./schema.js";
import { splitTopLevel } from "../tone/patterns.js";

export const MAX_PATTERN_WAYS = 1024;


const itemsOf = (pattern: string) => splitTopLevel(pattern.trim(), (ch) => /\s/.test(ch)).filter((item) => item !== "");
const isGroup = (item: string) => item.startsWith("(") && item.endsWith(")");
const isOptional = (item: string) => item.length > 1 && item.endsWith("?");

/**
 * How many ways a pattern can be laid over a run of words: each optional item adds "absent",
 * each group the ways of its alternatives. A group of plain literals counts once per distinct
 * length, as no word matches two different literals.
 */
export function patternWays(pattern: string): number {
  const sequence = (items: string[]): number => items.reduce((ways, item) => Math.min(ways * itemWays(item), Number.MAX_SAFE_INTEGER), 1);
  const itemWays = (raw: string): number => {
    const body = isOptional(raw) ? raw.slice(0, -1) : raw;
    let ways = 1;
    if (isGroup(body)) {
      const alternatives = splitTopLevel(body.slice(1, -1), (ch) => ch === "|").map(itemsOf);
      const plain = alternatives.every((alt) => alt.every((item) => !isGroup(item) && !isOptional(item) && item !== "*"));
      ways = plain ? new Set(alternatives.map((alt) => alt.length)).size : alternatives.reduce((sum, alt) => sum + sequence(alt), 0);
    }
    return isOptional(raw) ? ways + 1 : ways;
  };
  return sequence(itemsOf(pattern));
}

function balanced(pattern: string): boolean {
  let depth = 0;
  for (const ch of pattern) {
    if (ch === "(") depth++;
    if (ch === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

type Kind = "list" | "number";
const kindOf = (value: unknown): Kind | null => (Array.isArray(value) ? "list" : typeof value === "number" ? "number" : null);

function checkPatterns(rule: PackRule, where: string, builtin: PackRule | undefined): void {
  const given = rule.patterns ?? {};
  if (!builtin) {
    const key = Object.keys(given)[0];
    if (key !== undefined) throw new ConfigError(`${where}.patterns.${key}: only a rule with built-in logic reads patterns; give this rule \`phrases\` instead`);
    return;
  }
  const expected = Object.entries(builtin.patterns ?? {}).map(([key, value]) => [key, kindOf(value)] as const);
  const names = expected.map(([key]) => key).join(", ");
  for (const key of Object.keys(given)) {
    if (!expected.some(([k]) => k === key)) throw new ConfigError(`${where}.patterns.${key}: not a key ${rule.id} reads (expected ${names})`);
  }
  for (const [key, kind] of expected) {
    const value = given[key];
    if (value === undefined) throw new ConfigError(`${where}.patterns.${key}: missing (${rule.id} reads ${names}; an empty list is allowed)`);
    if (kindOf(value) !== kind) throw new ConfigError(`${where}.patterns.${key}: expected ${kind === "number" ? "a number" : "a list of patterns"}`);
    if (kind !== "list") continue;
    (value as unknown[]).forEach((pattern, i) => {
      const at = `${where}.patterns.${key}.${i}`;
      if (typeof pattern !== "string" || !pattern.trim()) throw new ConfigError(`${at}: expected a pattern (a non-empty string)`);
      if (!balanced(pattern)) throw new ConfigError(`${at}: unbalanced parentheses in "${pattern}"`);
      const ways = patternWays(pattern);
      if (ways > MAX_PATTERN_WAYS) {
        throw new ConfigError(
          `${at}: too many ways to match (${ways > 1e9 ? "over a billion" : ways.toLocaleString("en")}; at most ${MAX_PATTERN_WAYS.toLocaleString("en")}): optional words and alternatives multiply; split it into several patterns`,
        );
      }
    });
  }
}

/** Throws a ConfigError naming the pack file and the key at the first problem. */
export function checkUserPack(pack: Pack, builtinRule: (id: string) => PackRule | undefined): void {
  // Word lists shared across a pack are read from draftlint's own packs only: edits to a copy's
  // lexicons would silently change nothing.
  const lexicon = Object.keys(pack.lexicons ?? {})[0];
  if (lexicon !== undefined) {
    throw new ConfigError(`${pack.source}: lexicons.${lexicon}: a user pack's lexicons are not read (only draftlint's own packs have them); use a rule's phrases or patterns, or customerTerms in config`);
  }
  pack.rules.forEach((rule, index) => {
    const where = `${pack.source}: rules.${index}`;
    rule.phrases?.forEach((phrase, i) => {
      if (!phrase.trim()) throw new ConfigError(`${where}.phrases.${i}: a phrase of only spaces would match everywhere`);
    });
    checkPatterns(rule, where, builtinRule(rule.id));
  });
}
