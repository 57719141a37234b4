/**
 * What a person is called, as far as a message tells: the tokens of a display name ("Smith,
 * Karen" and "Karen Smith" alike) and of an address's local part (karen.smith@…), compared
 * without case, accents, titles or nickname differences (Kate is Katherine, Bob is Robert).
 */
import { foldWord, foldWords, wordsOf } from "./words.js";

export interface NameWords {
  /** Courtesy titles, folded: "mr", "dr"… */
  titles: ReadonlySet<string>;
  /** Surname particles, folded: "van", "de"… ("Mr van der Berg" is Berg). */
  particles: ReadonlySet<string>;
}

/**
 * Folded name tokens of a display name, titles, particles and initials left out:
 * "Ms. K. Brewer" → ["brewer"], "Smith, Karen" → ["smith", "karen"], "Mary-Jane O'Neil" →
 * ["mary-jane", "mary", "jane", "o'neil", "oneil"].
 */
export function displayNameTokens(name: string, words: NameWords): string[] {
  const cleaned = name.replace(/<[^>]*>|\([^)]*\)|"|\S+@\S+/g, " ");
  const out: string[] = [];
  for (const word of wordsOf(cleaned)) {
    const folded = foldWord(word.text);
    if (folded.length < 2 || words.titles.has(folded) || words.particles.has(folded)) continue;
    if (/^\d/.test(folded)) continue;
    out.push(...variants(folded));
  }
  return [...new Set(out)];
}

export interface NameParts {
  /** Folded given name(s) with variants: the first name word, or what follows the comma. */
  given: string[];
  /** Folded family and middle names with variants. */
  family: string[];
}

/** "Pauline Bailey" and "Bailey, Pauline" alike → given ["pauline"], family ["bailey"]. */
export function displayNameParts(name: string, words: NameWords): NameParts {
  const comma = name.indexOf(",");
  if (comma !== -1 && !/@/.test(name)) {
    return { given: displayNameTokens(name.slice(comma + 1), words), family: displayNameTokens(name.slice(0, comma), words) };
  }
  const cleaned = name.replace(/<[^>]*>|\([^)]*\)|"|\S+@\S+/g, " ");
  const kept = wordsOf(cleaned)
    .map((w) => foldWord(w.text))
    .filter((f) => f.length >= 2 && !words.titles.has(f) && !words.particles.has(f) && !/^\d/.test(f));
  return { given: kept.slice(0, 1).flatMap(variants), family: [...new Set(kept.slice(1).flatMap(variants))] };
}

/** "mary-jane" also answers to "mary" and "jane"; "o'neil" also to "oneil". */
function variants(folded: string): string[] {
  const out = [folded];
  if (folded.includes("-")) out.push(...folded.split("-").filter((p) => p.length >= 2));
  if (folded.includes("'")) out.push(folded.replace(/'/g, ""));
  return out;
}

/**
 * Name tokens of a local part: "karen.smith" → ["karen", "smith"], "k_smith2" → ["smith"];
 * a single run ("ksmith", "karen") is returned whole, for prefix and initial matching.
 */
export function localPartTokens(local: string): string[] {
  return local
    .toLowerCase()
    .split(/[^a-z\u00C0-\u024F]+/)
    .map((t) => foldWord(t))
    .filter((t) => t.length >= 2);
}

/** Groups of names of one root; a name may be in several groups (Alex, Chris, Sam). */
export class NicknameIndex {
  private readonly rootsOf = new Map<string, string[]>();
  // Built on first use, not by the constructor: a clean draft's names are often settled by the
  // list of given names, or by being the same word, and reading the nickname table and filing its
  // names was a few ms of every cold start (SPEC §8).
  private groupsSource: (() => readonly (readonly string[])[]) | null;
  private namesSource: (() => Iterable<string>) | null;
  private groups: Map<string, number[]> | null = null;
  private names: ReadonlySet<string> | null = null;

  /**
   * `givenNames`: names that have no nickname here but are names all the same ("Karen"). Either
   * list may be given as a function that makes it, called the first time it is needed.
   */
  constructor(groups: readonly (readonly string[])[] | (() => readonly (readonly string[])[]), givenNames: Iterable<string> | (() => Iterable<string>) = []) {
    this.groupsSource = typeof groups === "function" ? groups : () => groups;
    this.namesSource = typeof givenNames === "function" ? givenNames : () => givenNames;
  }

  private get groupsOf(): Map<string, number[]> {
    if (this.groups) return this.groups;
    const groups = this.groupsSource!();
    this.groupsSource = null;
    const groupsOf = new Map<string, number[]>();
    const folded = foldWords(groups.flat());
    let at = 0;
    groups.forEach((group, index) => {
      for (let i = 0; i < group.length; i++) {
        const key = folded[at++];
        const list = groupsOf.get(key);
        if (list) list.push(index);
        else groupsOf.set(key, [index]);
      }
    });
    return (this.groups = groupsOf);
  }

  private get givenNames(): ReadonlySet<string> {
    if (this.names) return this.names;
    const names = new Set(foldWords([...this.namesSource!()]));
    this.namesSource = null;
    return (this.names = names);
  }

  /**
   * Equal after folding, one spelling of the other ("Gregg" and "Greg", "Phillip" and "Philip":
   * doubled letters aside), in one nickname group ("Kate" and "Katherine"), or its short form
   * ("Tammy" for Tamara, "Jeff" for Jeffrey: the first three letters or more, with -y or -ie).
   */
  sameName(a: string, b: string): boolean {
    const fa = foldWord(a);
    const fb = foldWord(b);
    if (fa === fb) return true;
    const ca = undoubled(fa);
    const cb = undoubled(fb);
    if (ca === cb || isShortForm(ca, cb) || isShortForm(cb, ca)) return true;
    const ga = this.groupsOf.get(fa) ?? this.groupsOf.get(ca);
    const gb = this.groupsOf.get(fb) ?? this.groupsOf.get(cb);
    return !!ga && !!gb && ga.some((g) => gb.includes(g));
  }

  /** The name and every name of the same root: "kate" → katherine, kathy, kat… */
  sameRootAs(name: string): readonly string[] {
    const key = foldWord(name);
    // The table never changes and this scans all of it, for every reader of every message: keep
    // each name's answer, handed out read-only rather than copied for every call.
    let roots = this.rootsOf.get(key);
    if (!roots) {
      const mine = this.groupsOf.get(key);
      const out = new Set([key]);
      if (mine) {
        // forEach, not for…of: each entry of a Map's iterator is a new [key, value] array, and
        // this walks the table's 5,000 names for every new name read.
        this.groupsOf.forEach((groups, other) => {
          if (groups.some((g) => mine.includes(g))) out.add(other);
        });
      }
      this.rootsOf.set(key, (roots = [...out]));
    }
    return roots;
  }

  /** A name the nickname table itself holds (common enough to have nicknames): "tom", "robert". */
  hasNicknames(word: string): boolean {
    const folded = foldWord(word);
    return this.groupsOf.has(folded) || this.groupsOf.has(undoubled(folded));
  }

  /** A first name this table knows (used to tell "Karen," from "Thanks,"), in any spelling. */
  isKnownName(word: string): boolean {
    const folded = foldWord(word);
    // The list of given names first: most names are in it, and it is read without the table.
    return this.givenNames.has(folded) || this.groupsOf.has(folded) || this.groupsOf.has(undoubled(folded));
  }
}

/**
 * One key for a name's spellings: doubled letters single ("gregg" → "greg", "phillip" →
 * "philip") and the -ie/-ey/-i/-y ending one ("christi", "christy", "christie" → "christy").
 */
function undoubled(name: string): string {
  return name.replace(/(\p{L})\1+/gu, "$1").replace(/(?:ie|ey|i|y)$/, "y");
}

/** The names of letters, as people are called by an initial: "Jay" for Jason, "Dee" for Dolores. */
const LETTER_NAMES = new Map(
  Object.entries({ bee: "b", bea: "b", cee: "c", dee: "d", gee: "g", jay: "j", kay: "k", elle: "l", em: "m", tee: "t", vee: "v" }).map(([name, letter]) => [undoubled(name), letter]),
);

/**
 * Whether `short` is a short form of `full` (both undoubled): its start ("tamy" of "tamara",
 * "jef" of "jefrey"), its end ("bert" of "robert", "drew" of "andrew", "beth" of
 * "elizabeth"), or its initial spelt out ("jay" of "jason").
 */
function isShortForm(short: string, full: string): boolean {
  const stem = short.length > 3 ? short.replace(/(?:ie|y|i)$/, "") : short;
  if (stem.length >= 3 && full.length > stem.length + 1 && full.startsWith(stem)) return true;
  if (short.length >= 4 && full.length > short.length + 1 && full.endsWith(short)) return true;
  const letter = LETTER_NAMES.get(short);
  return letter !== undefined && full.length > 2 && full[0] === letter;
}
