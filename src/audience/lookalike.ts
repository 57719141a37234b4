/**
 * Does one domain imitate another? SPEC §3 `lookalike-domain`: a small edit of the name
 * (transpositions count 1), the same name under another public suffix, hyphens or dots inserted
 * or removed, or the same Unicode confusable skeleton (IDN homographs such as Cyrillic "а").
 */
import { remove as foldConfusables } from "confusables";
import { organisationOf, publicSuffixOf } from "./organisation.js";

export type Resemblance = "typo" | "suffix-swap" | "punctuation" | "homograph" | "embedded";

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transposition), giving up early
 * once it exceeds `limit`: only "within 1 or 2" matters, so long names cost little.
 */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** The registrable name without its public suffix: `acme` for `mail.acme.co.uk`. */
function nameOf(domain: string): { name: string; suffix: string } {
  const organisation = organisationOf(domain);
  const suffix = publicSuffixOf(organisation);
  const name = suffix && organisation.endsWith("." + suffix) ? organisation.slice(0, -suffix.length - 1) : organisation;
  return { name, suffix };
}

const skeletonCache = new Map<string, string>();

/**
 * Latin sequences that UTS #39's confusables.txt maps onto one letter (`rn` → `m`, `1` → `l`);
 * the confusables package covers the other scripts but not these, and "acrne.com" is the classic.
 */
const LATIN_CONFUSABLES: Array<[RegExp, string]> = [
  [/rn/g, "m"],
  [/vv/g, "w"],
  [/cl/g, "d"],
  [/1/g, "l"],
  [/0/g, "o"],
];

/** UTS #39 style skeleton: confusable characters folded to their Latin look-alikes. */
export function skeleton(domain: string): string {
  let s = skeletonCache.get(domain);
  if (s === undefined) {
    s = foldConfusables(domain.normalize("NFKC")).toLowerCase();
    for (const [pattern, letter] of LATIN_CONFUSABLES) s = s.replace(pattern, letter);
    skeletonCache.set(domain, s);
  }
  return s;
}

/**
 * Whether a public suffix is a vetted registry (`edu`, `gov`, `ac.uk`, `state.il.us` …): only
 * an accredited school or a government body can hold a name there.
 */
export type VettedRegistry = (suffix: string) => boolean;

/** A registry test from patterns such as `edu`, `ac.*`, `*.gov`, `state.*.us` (`*` is one label). */
export function vettedRegistries(patterns: readonly string[]): VettedRegistry {
  const compiled = patterns.map((p) => new RegExp(`^${p.toLowerCase().split(".").map((l) => (l === "*" ? "[^.]+" : l.replace(/[^a-z0-9-]/g, ""))).join("\\.")}$`));
  return (suffix) => compiled.some((re) => re.test(suffix));
}

/**
 * How `candidate` imitates `reference`, or null when it does not (or is the same organisation).
 * Two names one letter apart in a vetted registry (mit.edu and mst.edu, icc.state.il.us and
 * cis.state.mi.us) are two real institutions: nobody can register the look-alike to impersonate
 * the other, so only the homograph and embedded forms, which a browser would show, count there.
 */
export function resemblance(candidate: string, reference: string, vetted: VettedRegistry = () => false): Resemblance | null {
  return resemblanceOfParts(domainParts(candidate), domainParts(reference), vetted);
}

/** What `resemblance()` compares of a domain, worked out once (the history index stores them). */
export interface DomainParts {
  domain: string;
  organisation: string;
  /** The organisation without its public suffix: `acme` for `mail.acme.co.uk`. */
  name: string;
  suffix: string;
  /** The confusable skeleton of the organisation. */
  skeleton: string;
}

export function domainParts(domain: string): DomainParts {
  const { name, suffix } = nameOf(domain);
  const organisation = organisationOf(domain);
  return { domain, organisation, name, suffix, skeleton: skeleton(organisation) };
}

/** `resemblance()` on parts already worked out: a scan over thousands of known domains runs no public-suffix lookups. */
export function resemblanceOfParts(a: DomainParts, b: DomainParts, vetted: VettedRegistry = () => false): Resemblance | null {
  if (a.organisation === b.organisation) return null;
  if (a.skeleton === b.skeleton) return "homograph";
  // acme.com.billing-portal.net shows "acme.com" first, where a hurried reader looks.
  if (a.domain.startsWith(b.organisation + ".")) return "embedded";
  if (vetted(a.suffix)) return null;
  if (a.name === b.name && a.suffix !== b.suffix) return "suffix-swap";
  const flat = (s: string) => s.replace(/[-.]/g, "");
  if (a.suffix !== b.suffix) return null;
  if (flat(a.name) === flat(b.name)) return "punctuation";
  const limit = Math.max(a.name.length, b.name.length) < 6 ? 1 : 2;
  // Names of one or two letters are all "within one edit" of each other: no signal there.
  if (Math.min(a.name.length, b.name.length) < 3) return null;
  return editDistance(a.name, b.name, limit) <= limit ? "typo" : null;
}
