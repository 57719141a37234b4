/**
 * Which known contact a new address could be mistaken for: the autocomplete slip
 * (karen@acme-group.com picked instead of karen@acme.com) and the impersonation
 * (karen@acrne.com). Asked only about addresses the history has never seen, so the scan over the
 * known organisations runs for the rare new address, not for every draft; each organisation's
 * name, suffix and skeleton were worked out when the index was written, so the scan compares
 * strings and calls the full `resemblance()` only on the few that could resemble.
 */
import { domainParts, resemblanceOfParts, type DomainParts, type Resemblance, type VettedRegistry } from "../audience/lookalike.js";
import { splitAddress } from "../message/addresses.js";
import type { ContactRecord, RecipientHistory } from "./historyModel.js";
import { isPersonName, nameKey } from "./historyModel.js";

export type Similarity = Resemblance | "extended-name" | "same-name" | "same-mailbox";

export interface SimilarContact {
  known: ContactRecord;
  how: Similarity;
}

/**
 * A local part that names one person (karen.smith, ksmith42), not a role every organisation has
 * (info, sales) nor a short one many people share (jo): the same one at another domain is then
 * likely the same person, or an address chosen to pass for them.
 */
function isDistinctiveMailbox(local: string, roleMailboxes: ReadonlySet<string>): boolean {
  const l = local.toLowerCase();
  return !roleMailboxes.has(l) && (/[._-]/.test(l) ? l.length >= 5 : l.length >= 6);
}

export interface SimilarityOptions {
  /** Mailboxes every organisation has (rules/history.yaml `roleMailboxes`). */
  roleMailboxes: ReadonlySet<string>;
  /** The fewest messages to a known address for it to be "someone you write to". */
  minMessages: number;
  /** Registries whose names are real institutions however close (rules/history.yaml `vettedRegistries`). */
  vetted?: VettedRegistry;
}

/** Whether `resemblanceOfParts()` could say yes, from lengths and equalities alone. */
function couldResemble(c: DomainParts, o: DomainParts): boolean {
  return (
    (o.suffix === c.suffix && Math.abs(o.name.length - c.name.length) <= 2) || // typo, punctuation (±2 hyphens)
    o.name === c.name || // suffix-swap
    o.skeleton === c.skeleton || // homograph
    c.domain.startsWith(`${o.organisation}.`) // embedded
  );
}

/** acme-group.com, acmeuk.com: a known name of 4 letters or more inside a longer one. */
function extends_(c: DomainParts, o: DomainParts): boolean {
  const flat = c.name.replace(/[-.]/g, "");
  const refFlat = o.name.replace(/[-.]/g, "");
  return refFlat.length >= 4 && flat !== refFlat && (flat.startsWith(refFlat) || flat.endsWith(refFlat));
}

/** The known contact this new address (and its display name) most resembles, or null. */
export function similarContact(address: string, displayName: string, history: RecipientHistory, options: SimilarityOptions): SimilarContact | null {
  const lower = address.toLowerCase();
  const { local, domain } = splitAddress(lower);
  const regular = (c: ContactRecord | null): c is ContactRecord => Boolean(c && c.address !== lower && c.messages >= options.minMessages);

  const candidate = domainParts(domain);
  let best: SimilarContact | null = null;
  for (const org of history.lookalikeCandidates(candidate)) {
    if (org.messages < options.minMessages || org.domain === candidate.organisation) continue;
    const reference: DomainParts = { domain: org.domain, organisation: org.domain, name: org.name, suffix: org.suffix, skeleton: org.skeleton };
    // Alone, a known name inside a longer one is common (many names contain others), so it
    // counts only with the same mailbox at both.
    const extended = extends_(candidate, reference);
    if (!extended && !couldResemble(candidate, reference)) continue;
    const how: Similarity | null = resemblanceOfParts(candidate, reference, options.vetted) ?? (extended ? "extended-name" : null);
    if (!how) continue;
    const sameMailbox = history.contact(`${local}@${org.domain}`);
    const known = regular(sameMailbox) ? sameMailbox : how === "extended-name" ? null : history.contact(org.top);
    if (!regular(known)) continue;
    // The same mailbox at a look-alike domain is the strongest sign: stop there.
    if (known === sameMailbox) return { known, how };
    best ??= { known, how };
  }

  // The display name of someone you write to, at an address you never have.
  const shownAs = nameKey(displayName);
  if (isPersonName(shownAs)) {
    const known = history.addressesNamed(shownAs).map((a) => history.contact(a)).find(regular);
    if (known) return { known, how: "same-name" };
  }
  if (best) return best;

  // The same person's mailbox at another provider or company (jsmith@acme.com, jsmith@gmail.com).
  if (!isDistinctiveMailbox(local, options.roleMailboxes)) return null;
  const known = history.addressesWithMailbox(local).map((a) => history.contact(a)).find(regular);
  return known ? { known, how: "same-mailbox" } : null;
}
