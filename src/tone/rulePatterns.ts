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
  // The pre-filter is built now; each list only when a rule first reads it: a sentence that the
  // pre-filter turns away never does, and building every list of disparaging-customer's ~25 was
  // most of its cost in a clean draft's cold start. (Getters that stay keep the shape fixed.)
  const prefilterKeys = options.prefilter ?? keys;
  const union = prefilterKeys.flatMap((k) => (Array.isArray(data.patterns[k]) ? (data.patterns[k] as unknown[]) : []));
  const compiled = { prefilter: new PatternList(union, { plurals: true }) } as CompiledPatterns<K>;
  for (const key of keys) {
    let list: PatternList | undefined;
    Object.defineProperty(compiled, key, { enumerable: true, get: () => (list ??= new PatternList(data.patterns[key], { plurals: options.nouns?.includes(key) })) });
  }
  cache.set(data, compiled);
  return compiled;
}
