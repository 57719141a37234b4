/**
 * What a recipient history holds (issue 15): for each address the sender has written to, how
 * often and when, under which display names; which organisations have been on a message
 * together. Nothing else: no subjects, no bodies, no attachment names. The same model is built
 * by `draftlint learn` from sent mail and read back by the `history` pack.
 */
import { organisationOf } from "../audience/organisation.js";
import { domainParts, type DomainParts } from "../audience/lookalike.js";

export interface ContactRecord {
  /** Lower-cased address. */
  address: string;
  /** Messages sent to it (To, Cc or Bcc). */
  messages: number;
  /** Days since 1970-01-01 (UTC) of the first and last of them; 0 when the messages had no date. */
  firstDay: number;
  lastDay: number;
  /** Display names it was written to under, most used first, each with how many messages used it. */
  names: Array<[string, number]>;
}

export interface OrganisationRecord {
  /** The organisation key: the registrable domain, or for free mail the address itself. */
  key: string;
  /** Messages with anyone of it on them. */
  messages: number;
  /** Its address written to most. */
  top: string;
  /**
   * What the look-alike comparison reads, worked out when the index is written so that a lint
   * need not run the public-suffix list and the confusables table over every organisation: the
   * registrable domain (a free-mail organisation's is the provider's), its name without the public suffix,
   * the suffix, and the confusable skeleton of the organisation.
   */
  domain: string;
  name: string;
  suffix: string;
  skeleton: string;
}

/** What the rules ask of a history; the lazily read index file and the in-memory builder both give it. */
export interface RecipientHistory {
  /** Messages learnt. */
  readonly messageCount: number;
  contact(address: string): ContactRecord | null;
  organisation(key: string): OrganisationRecord | null;
  /** How many learnt messages had someone of each organisation on them together. */
  sharedMessages(a: string, b: string): number;
  /** Addresses written to under this display name (normalised with `nameKey`). */
  addressesNamed(nameKey: string): string[];
  /** Addresses whose surname or organisation name is this word (lower case): for attachment names. */
  addressesForWord(word: string): string[];
  /** Addresses with this mailbox (local part, lower case) at any domain: one person's several addresses. */
  addressesWithMailbox(local: string): string[];
  /** Every organisation (stats, tests). */
  organisations(): Iterable<OrganisationRecord>;
  /**
   * The organisations that could resemble this domain, for the look-alike comparison (asked only
   * for a new address): a superset, each then compared (lookalikeKeys.ts).
   */
  lookalikeCandidates(domain: DomainParts): Iterable<OrganisationRecord>;
}

/**
 * The organisation an address counts under. Two gmail.com addresses are two unrelated people, so
 * a free-mail address is its own organisation (as in mixed-external-organisations).
 */
export function organisationKey(address: string, freemail: ReadonlySet<string>): string {
  const domain = address.slice(address.lastIndexOf("@") + 1).toLowerCase();
  const organisation = organisationOf(domain);
  return freemail.has(organisation) || freemail.has(domain) ? address.toLowerCase() : organisation;
}

/** The look-alike parts of an organisation key (see OrganisationRecord). */
export function organisationParts(key: string): Pick<OrganisationRecord, "domain" | "name" | "suffix" | "skeleton"> {
  const { organisation, name, suffix, skeleton } = domainParts(key.includes("@") ? key.slice(key.lastIndexOf("@") + 1) : key);
  return { domain: organisation, name, suffix, skeleton };
}

/** The name as compared: "Smith, Karen" and "karen  SMITH" are both "karen smith". */
export function nameKey(name: string): string {
  let n = name.normalize("NFKC").replace(/["'`]/g, "").replace(/\s*\([^)]*\)\s*/g, " ").trim();
  // "Smith, Karen" is the directory order of "Karen Smith"; "Smith, Karen, CPA" is left as it is.
  const comma = /^([^,]+),\s*([^,]+)$/.exec(n);
  if (comma) n = `${comma[2]} ${comma[1]}`;
  return n.toLowerCase().replace(/\s+/g, " ").trim();
}

/** A name worth comparing: two words or more, letters in each, and not itself an address. */
export function isPersonName(key: string): boolean {
  if (key.includes("@")) return false;
  const words = key.split(" ");
  return words.length >= 2 && words.every((w) => /\p{L}/u.test(w));
}

/** Days since the epoch of a Date header's time, or 0 when it has none. */
export function dayOf(ms: number | null): number {
  return ms && Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 86_400_000) : 0;
}
