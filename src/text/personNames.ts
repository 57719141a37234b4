/**
 * What a person is called, as far as a message tells: the tokens of a display name ("Smith,
 * Karen" and "Karen Smith" alike) and of an address's local part (karen.smith@…), compared
 * without case, accents, titles or nickname differences (Kate is Katherine, Bob is Robert).
 */
import { foldWord, wordsOf } from "./words.js";

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
  private readonly groupsOf = new Map<string, number[]>();
  private readonly rootsOf = new Map<string, string[]>();

  constructor(groups: readonly (readonly string[])[]) {
    groups.forEach((group, index) => {
      for (const name of group) {
        const key = foldWord(name);
        const list = this.groupsOf.get(key) ?? [];
        list.push(index);
        this.groupsOf.set(key, list);
      }
    });
  }

  /** Equal after folding, or in one nickname group: "Kate" and "Katherine". */
  sameName(a: string, b: string): boolean {
    const fa = foldWord(a);
    const fb = foldWord(b);
    if (fa === fb) return true;
    const ga = this.groupsOf.get(fa);
    const gb = this.groupsOf.get(fb);
    return !!ga && !!gb && ga.some((g) => gb.includes(g));
  }

  /** The name and every name of the same root: "kate" → katherine, kathy, kat… */
  sameRootAs(name: string): string[] {
    const key = foldWord(name);
    // The table never changes and this scans all of it, for every reader of every message: keep
    // each name's answer (a copy goes out, so a caller cannot change the kept one).
    let roots = this.rootsOf.get(key);
    if (!roots) {
      const mine = this.groupsOf.get(key);
      const out = new Set([key]);
      if (mine) {
        for (const [other, groups] of this.groupsOf) {
          if (groups.some((g) => mine.includes(g))) out.add(other);
        }
      }
      this.rootsOf.set(key, (roots = [...out]));
    }
    return [...roots];
  }

  /** A first name this table knows (used to tell "Karen," from "Thanks,"). */
  isKnownName(word: string): boolean {
    return this.groupsOf.has(foldWord(word));
  }
}
