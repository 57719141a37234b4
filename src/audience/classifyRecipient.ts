/**
 * Who is inside the building (SPEC §2): an address is internal when its domain is, or is under,
 * one of the internal domains. With none configured, the sender's organisation is internal —
 * unless the sender writes from free mail, where a whole provider cannot be "us", so only the
 * sender's own address is.
 */
import type { Audience, Field, Mailbox, Recipient } from "../types.js";
import { splitAddress } from "../message/addresses.js";
import { isSameOrSubdomain, organisationOf } from "./organisation.js";

export interface AudienceSettings {
  /** Configured internal domains; empty to derive them from the sender. */
  internalDomains: string[];
  trustedDomains: string[];
  freemailDomains: ReadonlySet<string>;
  /**
   * `--internal-domain` with no domains configured: added to the organisation the sender's
   * address gives (resolveInsiders), so the message is read once, not once to find the sender's
   * organisation and again with both.
   */
  addedInternalDomains?: string[];
}

export interface Insiders {
  /** The domains that count as internal for this message. */
  domains: string[];
  /** With a free-mail sender and no configured domains: the one address that is internal. */
  addresses: string[];
}

export function isFreemail(domain: string, freemail: ReadonlySet<string>): boolean {
  return freemail.has(domain) || freemail.has(organisationOf(domain));
}

export function resolveInsiders(from: Mailbox | null, settings: AudienceSettings): Insiders {
  const added = settings.addedInternalDomains ?? [];
  if (added.length && settings.internalDomains.length === 0) {
    // What the sender alone makes internal, then those domains and the added ones as if configured.
    const derived = resolveInsiders(from, { ...settings, addedInternalDomains: [] });
    return resolveInsiders(from, { ...settings, internalDomains: [...derived.domains, ...added], addedInternalDomains: [] });
  }
  if (settings.internalDomains.length > 0) {
    return { domains: settings.internalDomains.map(normaliseDomain), addresses: [] };
  }
  if (!from) return { domains: [], addresses: [] };
  const { domain } = splitAddress(from.address);
  if (!domain) return { domains: [], addresses: [] };
  if (isFreemail(domain, settings.freemailDomains)) {
    return { domains: [], addresses: [from.address.toLowerCase()] };
  }
  // The organisation, not the exact host: mail from pat@mail.acme.com makes karen@acme.com a colleague.
  return { domains: [organisationOf(domain)], addresses: [] };
}

export function isInternalAddress(address: string, insiders: Insiders): boolean {
  const lower = address.toLowerCase();
  if (insiders.addresses.includes(lower)) return true;
  const { domain, asciiDomain } = splitAddress(lower);
  return insiders.domains.some((d) => isSameOrSubdomain(domain, d) || isSameOrSubdomain(asciiDomain, d));
}

export function classifyRecipient(
  mailbox: Mailbox,
  field: Field,
  insiders: Insiders,
  settings: AudienceSettings,
): Recipient {
  const { local, domain, asciiDomain } = splitAddress(mailbox.address);
  const external = !isInternalAddress(mailbox.address, insiders);
  return {
    field,
    address: `${local}@${domain}`,
    asciiAddress: `${local}@${asciiDomain}`,
    name: mailbox.name,
    domain,
    organisation: organisationOf(domain),
    external,
    trusted: external && settings.trustedDomains.some((t) => isSameOrSubdomain(domain, normaliseDomain(t))),
    freemail: isFreemail(domain, settings.freemailDomains),
  };
}

export function audienceOf(recipients: Recipient[]): Audience {
  if (recipients.length === 0) return "unknown";
  return recipients.some((r) => r.external) ? "external" : "internal";
}

function normaliseDomain(domain: string): string {
  return splitAddress("x@" + domain.trim()).domain;
}
