/**
 * The keys the index files each organisation under for the look-alike comparison, so that a new
 * address is compared with the few organisations that could resemble it, not with all of them
 * (3,900 in a 100,000-message history took 10–20 ms of a cold start). Every way
 * `resemblanceOfParts()` (and the history's "extended name") can say yes has a key or a range
 * here that both sides share; the comparison itself still decides.
 *
 * - homograph: the skeleton; suffix-swap: the name; punctuation: the name without hyphens and
 *   dots; extended name: that flat name as a prefix or suffix of the new one's;
 * - embedded: the organisation as a leading run of the new domain's labels;
 * - typo (same suffix, names within two letters): a range of the length table, by suffix and
 *   name length.
 */
import type { DomainParts } from "../audience/lookalike.js";

const SEP = "\x1f";

const flatOf = (name: string) => name.replace(/[-.]/g, "");

/** The exact keys an organisation is filed under. */
export function storedKeys(o: Pick<DomainParts, "organisation" | "name" | "skeleton">): string[] {
  return [`s${SEP}${o.skeleton}`, `n${SEP}${o.name}`, `f${SEP}${flatOf(o.name)}`, `d${SEP}${o.organisation}`];
}

/** The length-table key of an organisation: its suffix, then its name's length, then the name. */
export function lengthKey(suffix: string, length: number, name = ""): string {
  return `${suffix}${SEP}${String(Math.min(length, 999)).padStart(3, "0")}${SEP}${name}`;
}

/** The exact keys a new domain looks up. */
export function candidateKeys(c: DomainParts): string[] {
  const flat = flatOf(c.name);
  const keys = [`s${SEP}${c.skeleton}`, `n${SEP}${c.name}`, `f${SEP}${flat}`];
  // A known name of four letters or more at the start or end of the new one (acme in acmegroup).
  for (let n = 4; n < flat.length; n++) keys.push(`f${SEP}${flat.slice(0, n)}`, `f${SEP}${flat.slice(-n)}`);
  const labels = c.domain.split(".");
  for (let i = 1; i < labels.length; i++) keys.push(`d${SEP}${labels.slice(0, i).join(".")}`);
  return keys;
}

/** The length-table range a new domain scans for typos: its suffix, names two letters shorter to two longer. */
export function lengthRange(c: DomainParts): [string, string] {
  return [lengthKey(c.suffix, Math.max(0, c.name.length - 2)), lengthKey(c.suffix, c.name.length + 3)];
}
