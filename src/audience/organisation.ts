/**
 * Which organisation a domain belongs to: its registrable domain under the public suffix list
 * (tldts), so that `mail.acme.co.uk` and `acme.co.uk` are one organisation.
 */
import { getDomain, getPublicSuffix } from "tldts";
import { boundedMemo } from "../text/words.js";

/**
 * RFC 1480's locality names under a US state, which the public suffix list does not list
 * beyond a few: `icc.state.il.us` is the Illinois Commerce Commission and `ci.glendale.ca.us` a
 * city, so `state.il.us` and `ca.us` are namespaces, not organisations.
 */
const US_LOCALITY_LABELS = new Set(["state", "ci", "co", "k12", "cc", "tec", "lib", "gen", "mus", "dst", "town", "vil", "twp", "cty", "city", "county", "fed"]);

/** `state.il.us` for `icc.state.il.us`: a US state's locality namespace, or null. */
function usLocalitySuffix(domain: string): string | null {
  const labels = domain.toLowerCase().split(".");
  const n = labels.length;
  if (n < 4 || labels[n - 1] !== "us" || labels[n - 2].length !== 2 || !US_LOCALITY_LABELS.has(labels[n - 3])) return null;
  return labels.slice(n - 3).join(".");
}

/**
 * A domain's organisation, remembered: every message asks for its sender's and each recipient's
 * several times over (classification, freemail, rules), and each answer is a walk of the public
 * suffix list.
 */
export const organisationOf: (domain: string) => string = boundedMemo(10_000, (domain) => registrableDomain(domain));

function registrableDomain(domain: string): string {
  const locality = usLocalitySuffix(domain);
  if (locality) return domain.toLowerCase().split(".").slice(-(locality.split(".").length + 1)).join(".");
  return getDomain(domain, { allowPrivateDomains: true }) ?? domain;
}

/** The public suffix of a domain (`co.uk` for `acme.co.uk`), or "" when it has none. */
export function publicSuffixOf(domain: string): string {
  return usLocalitySuffix(domain) ?? getPublicSuffix(domain, { allowPrivateDomains: true }) ?? "";
}

/** True when `domain` is `parent` or one of its subdomains. */
export function isSameOrSubdomain(domain: string, parent: string): boolean {
  const d = domain.toLowerCase();
  const p = parent.toLowerCase().replace(/^\*?\./, "");
  return d === p || d.endsWith("." + p);
}
