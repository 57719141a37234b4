/**
 * The data pack's `patterns` from `rules/data.yaml`, checked and compiled once per pack entry.
 * A malformed entry is a config error naming the rule and the key, never a crash mid-lint.
 */
import { ConfigError } from "../../config/errors.js";
import type { PackRule } from "../../packs/schema.js";

const cache = new WeakMap<object, unknown>();

/** `compile(read)` once per rule entry; `read(key)` returns the key's value or throws naming it. */
export function compiledPatterns<Compiled>(data: PackRule, compile: (read: PatternReader) => Compiled): Compiled {
  const hit = cache.get(data.patterns);
  if (hit !== undefined) return hit as Compiled;
  const compiled = compile(new PatternReader(data));
  cache.set(data.patterns, compiled);
  return compiled;
}

export class PatternReader {
  constructor(private readonly data: PackRule) {}

  fail(key: string, expected: string): never {
    throw new ConfigError(`rules/data.yaml: ${this.data.id}.patterns.${key}: expected ${expected}`);
  }

  words(key: string): string[] {
    const value = this.data.patterns[key];
    if (!Array.isArray(value) || !value.every((w) => typeof w === "string" && w.length > 0)) this.fail(key, "a list of words");
    return value as string[];
  }

  text(key: string): string {
    const value = this.data.patterns[key];
    if (typeof value !== "string" || !value) this.fail(key, "a string");
    return value as string;
  }

  /** A list of objects, each with the given string keys (and whatever else `check` accepts). */
  entries<Entry extends Record<string, unknown>>(key: string, stringKeys: string[]): Entry[] {
    const value = this.data.patterns[key];
    if (!Array.isArray(value)) this.fail(key, "a list");
    for (const entry of value as unknown[]) {
      const ok = typeof entry === "object" && entry !== null && stringKeys.every((k) => typeof (entry as Record<string, unknown>)[k] === "string");
      if (!ok) this.fail(key, `entries with ${stringKeys.join(", ")}`);
    }
    return value as Entry[];
  }

  /** A map of string keys to numbers (the IBAN length table). */
  numbers(key: string): Map<string, number> {
    const value = this.data.patterns[key];
    if (typeof value !== "object" || value === null || Array.isArray(value)) this.fail(key, "a map of names to numbers");
    const out = new Map<string, number>();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v !== "number" || !Number.isInteger(v)) this.fail(`${key}.${k}`, "a whole number");
      out.set(k, v as number);
    }
    return out;
  }

  /** A regular expression written in the pack, compiled with the global flag. */
  regex(key: string, source: string, flags = "g"): RegExp {
    try {
      return new RegExp(source, flags);
    } catch (err) {
      return this.fail(key, `a valid regular expression (${(err as Error).message})`);
    }
  }
}

/** Whole words or phrases of a list as one case-insensitive alternation (longest first). */
export function wordAlternation(words: string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
    .join("|");
}
