/**
 * Which reference domains a recipient domain could possibly imitate, found through an index
 * instead of by comparing it with every one: comparing each of 5,000 distinct recipient domains
 * with every other took 216 s (issue 14). Every way `resemblance()` (lookalike.ts) can answer
 * yes has a key here that both domains share, so the index only narrows the references that
 * `resemblance()` then decides on:
 *
 * - homograph: the same confusable skeleton of the organisation;
 * - embedded: the reference's organisation followed by "." at the start of the domain;
 * - suffix-swap: the same name; punctuation: the same name without hyphens and dots, same suffix;
 * - typo (edit distance ≤ 2, transpositions 1, same suffix): each edit is at most one deletion
 *   from each side, so two names within 2 edits share a string made by deleting at most two
 *   letters from each (the SymSpell deletion neighbourhood). Names over 40 letters, too long for
 *   that, are indexed by length instead (near 40, both ways).
 *
 * A new kind of resemblance in lookalike.ts needs its key here, or the rule will not see it.
 */
import { boundedMemo } from "../text/words.js";
import { organisationOf, publicSuffixOf } from "./organisation.js";
import { skeleton } from "./lookalike.js";

const MAX_DELETIONS = 2;
const LONG_NAME = 40;

function nameOf(domain: string): { organisation: string; name: string; suffix: string } {
  const organisation = organisationOf(domain);
  const suffix = publicSuffixOf(organisation);
  const name = suffix && organisation.endsWith("." + suffix) ? organisation.slice(0, -suffix.length - 1) : organisation;
  return { organisation, name, suffix };
}

/** Every string made by deleting up to MAX_DELETIONS characters of `word`. */
function deletions(word: string): Set<string> {
  const out = new Set([word]);
  let frontier = [word];
  for (let d = 0; d < MAX_DELETIONS; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/**
 * The keys a domain is filed under as a reference, and looked up by as a candidate, remembered:
 * each message builds an index of its own few domains, and a folder names the same ones message
 * after message (the sender's organisation in every one). 500 domains of each role (a domain has
 * 50 to 100 keys).
 */
const referenceKeys = boundedMemo<readonly string[]>(500, (domain) => workOutKeys(domain, false));
const candidateKeys = boundedMemo<readonly string[]>(500, (domain) => workOutKeys(domain, true));
const keysOf = (domain: string, asCandidate: boolean): readonly string[] => (asCandidate ? candidateKeys : referenceKeys)(domain);

function workOutKeys(domain: string, asCandidate: boolean): string[] {
  const { organisation, name, suffix } = nameOf(domain);
  const keys = [`s:${skeleton(organisation)}`, `n:${name}`, `p:${name.replace(/[-.]/g, "")}|${suffix}`];
  if (asCandidate) {
    const labels = domain.split(".");
    for (let i = 1; i < labels.length; i++) keys.push(`o:${labels.slice(0, i).join(".")}`);
  } else keys.push(`o:${organisation}`);
  // Names near the limit are filed both ways, so that a pair across it (40 and 42) still meets.
  if (name.length >= LONG_NAME - MAX_DELETIONS) {
    const lengths = asCandidate ? [-2, -1, 0, 1, 2].map((d) => name.length + d) : [name.length];
    for (const length of lengths) keys.push(`l:${suffix}|${length}`);
  }
  if (name.length <= LONG_NAME) for (const variant of deletions(name)) keys.push(`t:${suffix}|${variant}`);
  return keys;
}

export class LookalikeIndex {
  private readonly byKey = new Map<string, Set<string>>();
  private readonly order = new Map<string, number>();

  constructor(references: Iterable<string>) {
    for (const reference of references) {
      if (this.order.has(reference)) continue;
      this.order.set(reference, this.order.size);
      for (const key of keysOf(reference, false)) {
        let set = this.byKey.get(key);
        if (!set) this.byKey.set(key, (set = new Set()));
        set.add(reference);
      }
    }
  }

  /** The references `domain` could resemble, in the order they were given. */
  candidatesFor(domain: string): string[] {
    const found = new Set<string>();
    for (const key of keysOf(domain, true)) this.byKey.get(key)?.forEach((reference) => found.add(reference));
    return [...found].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }
}
