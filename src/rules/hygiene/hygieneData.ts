/**
 * The hygiene pack's words, read from `rules/hygiene.yaml` through one typed, validated door: the
 * pack-wide lexicons (titles, nicknames, generic addressees, role mailboxes) and each rule's
 * `patterns`. A malformed list is a config error naming the rule and the key, never a crash
 * mid-lint. Every key here is a word list, so a hand-written check does the validating: a schema
 * library would cost a few milliseconds of compilation on every cold start (SPEC §8).
 * Parsed data is cached per pack entry, so a folder of 10,000 drafts reads it once.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ConfigError } from "../../config/errors.js";
import { loadBuiltinPack } from "../../packs/loadPack.js";
import type { PackRule } from "../../packs/schema.js";
import { readWordListFile } from "../../text/wordListFile.js";

export type WordLists<Key extends string> = Record<Key, string[]>;

function isWordList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((w) => typeof w === "string" && w.length > 0);
}

/** The named keys of `source`, each checked to be a list of non-empty strings. */
function readWordLists<Key extends string>(source: Record<string, unknown>, keys: readonly Key[], where: string): WordLists<Key> {
  const out = {} as WordLists<Key>;
  for (const key of keys) {
    const value = source[key];
    if (!isWordList(value)) throw new ConfigError(`${where}.${key}: expected a list of words`);
    out[key] = value;
  }
  return out;
}

const LEXICON_KEYS = ["titles", "nameParticles", "genericAddressees", "roleMailboxes"] as const;

export interface HygieneLexicons extends WordLists<(typeof LEXICON_KEYS)[number]> {
  /** Groups of names of one root: [katherine, kate, kathy…]. */
  nicknames: string[][];
  /** Common given names ("Karen", "Priya"): what a greeting must name. */
  givenNames: string[];
}

function readDataFile(path: string, where: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw new ConfigError(`${where}: cannot read ${path}`);
  }
}

/**
 * The nickname table (rules/data/nicknames.csv, `name1,has_nickname,name2` per line) as groups:
 * each name with its nicknames. Read once per process, and only when a rule needs names.
 */
function readNicknameTable(path: string, where: string): string[][] {
  const text = readDataFile(path, where);
  const groups = new Map<string, string[]>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [name, relation, nickname] = line.split(",");
    if (!name || relation !== "has_nickname" || !nickname) continue;
    const group = groups.get(name) ?? [name];
    group.push(nickname.trim());
    groups.set(name, group);
  }
  if (groups.size === 0) throw new ConfigError(`${where}: ${path} holds no "name,has_nickname,nickname" lines`);
  return [...groups.values()];
}

let lexicons: HygieneLexicons | undefined;

export function hygieneLexicons(): HygieneLexicons {
  if (lexicons) return lexicons;
  const pack = loadBuiltinPack("hygiene");
  const lists = readWordLists(pack.lexicons, LEXICON_KEYS, `${pack.source}: lexicons`);
  const table = pack.lexicons.nicknames;
  if (typeof table !== "string" || !/^[\w./-]+\.csv$/.test(table)) {
    throw new ConfigError(`${pack.source}: lexicons.nicknames: expected the path of a nickname table (a .csv file beside the pack)`);
  }
  const namesFile = pack.lexicons.givenNames;
  if (typeof namesFile !== "string" || !/^[\w./-]+\.txt$/.test(namesFile)) {
    throw new ConfigError(`${pack.source}: lexicons.givenNames: expected the path of a list of given names (a .txt file beside the pack)`);
  }
  // The two name files are read when first asked for (see NicknameIndex): a clean draft's
  // greeting often needs neither, or only the given names.
  let nicknames: string[][] | undefined;
  let givenNames: string[] | undefined;
  lexicons = {
    ...lists,
    get nicknames() {
      return (nicknames ??= readNicknameTable(join(dirname(pack.source), table), `${pack.source}: lexicons.nicknames`));
    },
    get givenNames() {
      return (givenNames ??= [...readWordListFile(join(dirname(pack.source), namesFile), `${pack.source}: lexicons.givenNames`)]);
    },
  };
  return lexicons;
}

const cache = new WeakMap<object, unknown>();

/**
 * A rule's `patterns`: the word lists it names, checked, then turned into what its logic needs by
 * `compile`, once per pack entry.
 */
export function rulePatterns<Key extends string, Compiled>(
  data: PackRule,
  keys: readonly Key[],
  compile: (patterns: WordLists<Key>) => Compiled,
): Compiled {
  const hit = cache.get(data.patterns);
  if (hit !== undefined) return hit as Compiled;
  const compiled = compile(readWordLists(data.patterns, keys, `rules/hygiene.yaml: ${data.id}.patterns`));
  cache.set(data.patterns, compiled);
  return compiled;
}

/** Lower-cased set of a word list. */
export function wordSet(list: readonly string[]): Set<string> {
  return new Set(list.map((w) => w.toLowerCase()));
}
