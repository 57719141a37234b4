/**
 * Which organisation a domain belongs to: its registrable domain under the public suffix list
 * (tldts), so that `mail.acme.co.uk` and `acme.co.uk` are one organisation.
 */
import { getDomain, getPublicSuffix } from "tldts";

export function organisationOf(domain: string): string {
  return getDomain(domain, { allowPrivateDomains: true }) ?? domain;
}

/** The public suffix of a domain (`co.uk` for `acme.co.uk`), or "" when it has none. */
export function publicSuffixOf(domain: string): string {
  return getPublicSuffix(domain, { allowPrivateDomains: true }) ?? "";
}

/** True when `domain` is `parent` or one of its subdomains. */
export function isSameOrSubdomain(domain: string, parent: string): boolean {
  const d = domain.toLowerCase();
  const p = parent.toLowerCase().replace(/^\*?\./, "");
  return d === p || d.endsWith("." + p);
}
