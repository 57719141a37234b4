/**
 * Which known contact a new address could be mistaken for: the autocomplete slip
 * (karen@acme-group.com picked instead of karen@acme.com) and the impersonation
 * (karen@acrne.com). Asked only about addresses the history has never seen, so the scan over the
 * known organisations runs for the rare new address, not for every draft.
 */
import { resemblance, type Resemblance } from "../audience/lookalike.js";
import { organisationOf, publicSuffixOf } from "../audience/organisation.js";
import { splitAddress } from "../message/addresses.js";
import type { ContactRecord, RecipientHistory } from "./historyModel.js";
import { isPersonName, nameKey } from "./historyModel.js";

export type Similarity = Resemblance | "extended-name" | "same-name" | "same-mailbox";

export interface SimilarContact {
  known: ContactRecord;
  how: Similarity;
}

function nameOf(domain: string): string {
  const organisation = organisationOf(domain);
  const suffix = publicSuffixOf(organisation);
  return suffix && organisation.endsWith("." + suffix) ? organisation.slice(0, -suffix.length - 1) : organisation;
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
}

/** The known contact this new address (and its display name) most resembles, or null. */
export function similarContact(address: string, displayName: string, history: RecipientHistory, options: SimilarityOptions): SimilarContact | null {
  const { local, domain } = splitAddress(address.toLowerCase());
  const regular = (c: ContactRecord | null): c is ContactRecord => Boolean(c && c.address !== address.toLowerCase() && c.messages >= options.minMessages);

  const organisation = organisationOf(domain);
  const name = nameOf(domain);
  const flat = name.replace(/[-.]/g, "");
  let best: SimilarContact | null = null;
  for (const org of history.organisations()) {
    if (org.messages < options.minMessages) continue;
    // A free-mail address is an organisation of its own; its domain is the provider's.
    const reference = org.key.includes("@") ? org.key.slice(org.key.lastIndexOf("@") + 1) : org.key;
    if (reference === organisation) continue;
    // A cheap test first: most organisations share nothing with the new one.
    const refName = nameOf(reference);
    const refFlat = refName.replace(/[-.]/g, "");
    const near = Math.abs(refFlat.length - flat.length) <= 2 || flat.includes(refFlat) || refFlat.includes(flat) || domain.startsWith(reference + ".");
    if (!near && !/[^\x00-\x7f]/.test(domain + reference)) continue;
    let how: Similarity | null = resemblance(domain, reference);
    // acme-group.com, acmeuk.com, acme.co: the known name inside a longer one. Alone that is
    // common (many names contain others), so it counts only with the same mailbox at both.
    if (!how && refFlat.length >= 4 && flat !== refFlat && (flat.startsWith(refFlat) || flat.endsWith(refFlat))) how = "extended-name";
    if (!how) continue;
    const sameMailbox = history.contact(`${local}@${org.key.includes("@") ? reference : org.key}`) ?? history.contact(`${local}@${reference}`);
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
  for (const org of history.organisations()) {
    if (org.messages < options.minMessages || org.key === organisation) continue;
    // A free-mail organisation is one address: the same mailbox there is the key itself.
    const candidate = org.key.includes("@") ? (org.key.startsWith(`${local}@`) ? org.key : null) : `${local}@${org.key}`;
    const known = candidate ? history.contact(candidate) : null;
    if (regular(known)) return { known, how: "same-mailbox" };
  }
  return null;
}
