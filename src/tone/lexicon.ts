/**
 * The tone pack's shared word lists (`lexicons` in `rules/tone.yaml`), compiled once into sets:
 * who counts as a customer, which words are names, negators, copulas. Plurals of the role nouns
 * are derived here so the YAML lists each word once.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { builtinRulesDir, loadBuiltinPack } from "../packs/loadPack.js";
import { PatternList, pluralise } from "./patterns.js";
import { readWordListFile } from "../text/wordListFile.js";

export interface ReaderPhrases {
  external: string;
  internal: string;
  unknown: string;
  thirdPerson: string;
}

export interface ToneLexicon {
  roleNouns: ReadonlySet<string>;
  relativeNouns: ReadonlySet<string>;
  personNouns: ReadonlySet<string>;
  /**
   * Every other noun for a kind of person (WordNet's: "receptionist", "plumber"), singular; read
   * as one only when written in lower case ("the Coopers" are a family, "the cooper" a trade).
   * Plurals are recognised by `isTradeNoun`, not stored: pluralising 9,000 words on every start
   * cost more than the lookups.
   */
  tradeNouns: ReadonlySet<string>;
  /** Nouns whose commonest sense is an animal (WordNet's, singular): "Bramble the spaniel" is a dog. */
  animalNouns: ReadonlySet<string>;
  /** What people wear and what it is made of (WordNet's, singular): "a foghorn in a bathrobe". */
  garmentNouns: ReadonlySet<string>;
  /** What people from a place are called (WordNet's, lower case, singular): "scouser", "londoner". */
  demonymNouns: ReadonlySet<string>;
  /** Adjectives of a nation, region or faith (WordNet's capitalised pertainyms, lower case): "nigerian", "polish". */
  nationalityAdjectives: ReadonlySet<string>;
  /**
   * Nouns for a person WordNet files as contemptible (singular): "ignoramus", "freeloader",
   * "has-been". Insults beside the pack's own `insultNouns`, which hold the words with other senses.
   */
  insultNouns: ReadonlySet<string>;
  /**
   * Adjectives WordNet files, in their first sense, with a head adjective of bad character, wits
   * or manners ("gormless" with stupid, "slovenly" with untidy, "two-faced" with dishonest). They
   * judge a person, never a state someone is in.
   */
  insultAdjectives: ReadonlySet<string>;
  /** Faculties of mind (WordNet's noun.cognition, first sense): "numeracy", "foresight". */
  cognitionNouns: ReadonlySet<string>;
  /** Verbs of misconduct, inflected (WordNet's troponyms of stealing, cheating, complaining …): "pilfer", "grumbled". */
  conductVerbs: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  notNames: ReadonlySet<string>;
  nonPersonHeads: ReadonlySet<string>;
  /** People we buy from or answer to, not customers: "the parts supplier", "the courier". */
  otherParties: ReadonlySet<string>;
  /** Places whose number names the people in them: "Room 9", "table four", "seat 14C". */
  placeNouns: ReadonlySet<string>;
  /** Records whose number names the customer behind them: "order #88213", "acct 55-2019", "Backer #2231". */
  recordNouns: ReadonlySet<string>;
  /** What a time slot is called: "the 7:30 booking", "the 2 o'clock appointment". */
  slotNouns: ReadonlySet<string>;
  negators: PatternList;
  copulas: PatternList;
  /** Swear words: the profanity rule's list, and what makes an insult "profanity" at a customer. */
  profanity: PatternList;
  /** Common given names (rules/data/given-names.txt, shared with the hygiene pack): "Dick" is a name. */
  givenNames: ReadonlySet<string>;
  /** The one-word swear words, for telling "Fuck the Pembertons" from a name. */
  swearWords: ReadonlySet<string>;
  readers: ReaderPhrases;
}

function words(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string").map((v) => v.toLowerCase()) : [];
}

function withPlurals(list: string[]): Set<string> {
  const out = new Set<string>();
  for (const w of list) {
    out.add(w);
    out.add(pluralise(w));
  }
  return out;
}

/** The lists of a derived data file under rules/ (`derivedNounsFrom: tone-model/lexicons.json`). */
function derivedLists(file: unknown): Record<string, unknown> {
  if (typeof file !== "string") return {};
  return JSON.parse(readFileSync(join(builtinRulesDir(), file), "utf8")) as Record<string, unknown>;
}

/**
 * `target` with a property for each of `makers`, made by it when first read and then kept. A
 * getter that stays (not replaced by a value) keeps the object's shape fixed for the hot paths.
 */
function withLazy<T extends object, L extends object>(target: T, makers: { [K in keyof L]: () => L[K] }): T & L {
  for (const [name, make] of Object.entries(makers) as Array<[string, () => unknown]>) {
    let value: unknown;
    let made = false;
    Object.defineProperty(target, name, {
      enumerable: true,
      get: () => {
        if (!made) {
          value = make();
          made = true;
        }
        return value;
      },
    });
  }
  return target as T & L;
}

const cache = new Map<string, ToneLexicon>();

/** The lexicon for one config: the pack's role nouns plus the user's `customerTerms`. */
export function toneLexicon(customerTerms: readonly string[] = []): ToneLexicon {
  const key = customerTerms.join("\u0000");
  const cached = cache.get(key);
  if (cached) return cached;
  const lex = loadBuiltinPack("tone").lexicons;
  const readers = (lex.readers ?? {}) as Partial<ReaderPhrases>;
  const derived = derivedLists(lex.derivedNounsFrom);
  const lexicon: ToneLexicon = withLazy(
    {
      roleNouns: withPlurals([...words(lex.roleNouns), ...customerTerms.map((t) => t.toLowerCase())]),
      relativeNouns: withPlurals(words(lex.relativeNouns)),
      personNouns: withPlurals(words(lex.personNouns)),
      tradeNouns: new Set(words(derived.personNouns)),
      demonymNouns: new Set(words(derived.demonymNouns)),
      nationalityAdjectives: new Set(words(derived.nationalityAdjectives)),
      insultNouns: new Set(words(derived.insultNouns)),
      insultAdjectives: new Set(words(derived.insultAdjectives)),
      titles: new Set(words(lex.titles)),
      notNames: new Set(words(lex.notNames)),
      otherParties: withPlurals(words(lex.otherParties)),
      placeNouns: new Set(words(lex.placeNouns)),
      recordNouns: new Set(words(lex.recordNouns)),
      copulas: new PatternList(lex.copulas),
      profanity: new PatternList(lex.profanity),
      swearWords: new Set(words(lex.profanity).filter((w) => /^[\p{L}]+$/u.test(w))),
      readers: {
        external: readers.external ?? "{{list}} will read this",
        internal: readers.internal ?? "colleagues will read this ({{list}})",
        unknown: readers.unknown ?? "the customer may read this",
        thirdPerson: readers.thirdPerson ?? "and it speaks about them in the third person",
      },
    },
    // Only some drafts read these (a clean one never does): each is built on first read. The
    // given names alone were a file of 7,000 names read and lower-cased on every cold start.
    {
      animalNouns: () => new Set(words(derived.animalNouns)),
      garmentNouns: () => new Set(words(derived.garmentNouns)),
      conductVerbs: () => new Set(words(derived.conductVerbs)),
      cognitionNouns: () => new Set(words(derived.cognitionNouns)),
      nonPersonHeads: () => new Set(words(lex.nonPersonHeads)),
      slotNouns: () => withPlurals(words(lex.slotNouns)),
      negators: () => new PatternList(lex.negators),
      givenNames: () =>
        new Set(typeof lex.givenNames === "string" ? readWordListFile(join(builtinRulesDir(), lex.givenNames), "rules/tone.yaml: lexicons.givenNames").map((w) => w.toLowerCase()) : []),
    },
  );
  cache.set(key, lexicon);
  return lexicon;
}

let things: { thingNouns: ReadonlySet<string>; likenessNouns: ReadonlySet<string> } | null = null;
/** rules/tone-model/things.json (`npm run lexicons`), read on the first call: only a likeness asks. */
function thingLists(): NonNullable<typeof things> {
  if (!things) {
    const lists = derivedLists("tone-model/things.json");
    things = { thingNouns: new Set(words(lists.thingNouns)), likenessNouns: new Set(words(lists.likenessNouns)) };
  }
  return things;
}
let closedThings: ReadonlySet<string> | null = null;
/** The shortest closed compound worth looking up ("teabag", "beermat"). */
const CLOSED_THING_LENGTH = 6;

/**
 * Whether `word` (lower case) names a thing or an animal, or is the plural of one: WordNet's nouns
 * whose commonest sense is an artifact, a food, a plant, a natural object or an animal ("burrito",
 * "hatrack", "gourd", "seagulls").
 */
export function isThingNoun(word: string): boolean {
  if (inflectionOf(thingLists().thingNouns, word)) return true;
  // Two words written as one ("teabag", "screensaver") are all long: only a long word reads their list.
  if (word.length < CLOSED_THING_LENGTH) return false;
  closedThings ??= new Set(words(derivedLists("tone-model/closed-things.json").closedThings));
  return inflectionOf(closedThings, word);
}

/**
 * Whether `word` (lower case), as the noun of a likeness ("the charm of a drain", "as sharp as a
 * sponge"), names a thing: a thing noun, or a noun with a thing among its other senses.
 */
export function isLikenessNoun(word: string): boolean {
  return isThingNoun(word) || inflectionOf(thingLists().likenessNouns, word);
}

/** Whether `word` (lower case) is something worn or what it is made of: "cardigan", "fleece", "polyester". */
export function isGarmentNoun(lexicon: ToneLexicon, word: string): boolean {
  return inflectionOf(lexicon.garmentNouns, word);
}

/** Whether `word` (lower case) is a noun for a person: a listed person, role or relative noun, or WordNet's. */
export function isPersonWord(lexicon: ToneLexicon, word: string): boolean {
  return lexicon.personNouns.has(word) || lexicon.roleNouns.has(word) || lexicon.relativeNouns.has(word) || isTradeNoun(lexicon, word);
}

/** The singulars `word` may be the regular plural of: "numpties" of "numpty", "foremen" of "foreman". */
export function singularsOf(word: string): string[] {
  if (word.endsWith("men")) return [`${word.slice(0, -3)}man`];
  if (!word.endsWith("s")) return [];
  return [word.endsWith("ies") ? `${word.slice(0, -3)}y` : "", word.endsWith("es") ? word.slice(0, -2) : "", word.slice(0, -1)].filter(Boolean);
}

/** Whether `word` or the singular it is the regular plural of is in `nouns`. */
function inflectionOf(nouns: ReadonlySet<string>, word: string): boolean {
  return nouns.has(word) || singularsOf(word).some((w) => nouns.has(w));
}

/** Whether `word` (lower case), or the singular it is the plural of, is a faculty of mind: "instincts". */
export function isCognitionNoun(lexicon: ToneLexicon, word: string): boolean {
  return inflectionOf(lexicon.cognitionNouns, word);
}

/** Whether `word` (lower case) is a noun WordNet files as an insult, or its plural: "ignoramuses". */
export function isInsultNoun(lexicon: ToneLexicon, word: string): boolean {
  return inflectionOf(lexicon.insultNouns, word);
}

/** Whether `word` (lower case) is a trade noun or its plural: "plumbers", "secretaries", "foremen". */
export function isTradeNoun(lexicon: ToneLexicon, word: string): boolean {
  return inflectionOf(lexicon.tradeNouns, word);
}
