/**
 * A rule's `patterns` from its pack entry, compiled once per pack entry. Every list is a
 * PatternList (compromise-style phrases, matched word by word); the union of a rule's
 * lists (with plurals, so it never rejects what a noun list accepts) is its cheap pre-filter.
 */
import type { PackRule } from "../packs/schema.js";
import { PatternList } from "./patterns.js";

export type CompiledPatterns<K extends string> = Record<K, PatternList> & { prefilter: PatternList };

const cache = new WeakMap<PackRule, unknown>();

export function rulePatterns<K extends string>(
  data: PackRule,
  keys: readonly K[],
  options: { prefilter?: readonly K[]; nouns?: readonly K[] } = {},
): CompiledPatterns<K> {
  const cached = cache.get(data);
  if (cached) return cached as CompiledPatterns<K>;
  const lists = {} as Record<K, PatternList>;
  for (const key of keys) lists[key] = new PatternList(data.patterns[key], { plurals: options.nouns?.includes(key) });
  const prefilterKeys = options.prefilter ?? keys;
  const union = prefilterKeys.flatMap((k) => lists[k].patterns);
  const compiled = { ...lists, prefilter: new PatternList(union, { plurals: true }) } as CompiledPatterns<K>;
  cache.set(data, compiled);
  return compiled;
}
