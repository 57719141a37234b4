/**
 * Turning address headers into mailboxes: groups flattened (RFC 5322 §3.4 `group`), encoded-word
 * display names decoded, and IDN domains kept in both forms (Unicode to show, ASCII to compare).
 */
import { domainToASCII, domainToUnicode } from "node:url";
import { parseAddressHeader } from "mailparser";
import type { EmailAddress } from "mailparser";
import type { Mailbox } from "../types.js";

/** Mailboxes of a parsed header value (mailparser's form), groups replaced by their members. */
export function flattenAddresses(values: EmailAddress[] | undefined): Mailbox[] {
  const out: Mailbox[] = [];
  for (const value of values ?? []) {
    if (value.group) out.push(...flattenAddresses(value.group));
    else if (value.address) out.push({ name: cleanDisplayName(value.name), address: value.address });
  }
  return out;
}

/** Mailboxes of a header as written (`"Smith, K" <k@acme.com>, Team: a@b.com;`). */
export function parseMailboxes(headerValue: string): Mailbox[] {
  try {
    return flattenAddresses(parseAddressHeader(headerValue, { flatten: true }).value);
  } catch {
    return [];
  }
}

function cleanDisplayName(name: string): string {
  return (name ?? "").replace(/\s+/g, " ").trim();
}

export interface SplitAddress {
  local: string;
  /** Lower-cased Unicode form of the domain. */
  domain: string;
  /** Lower-cased ASCII (punycode) form of the domain. */
  asciiDomain: string;
}

/** Splits an address at its last `@`; the domain is normalised to both IDN forms. */
export function splitAddress(address: string): SplitAddress {
  const at = address.lastIndexOf("@");
  const local = at === -1 ? address : address.slice(0, at);
  const raw = at === -1 ? "" : address.slice(at + 1).toLowerCase().replace(/\.$/, "");
  const asciiDomain = domainToASCII(raw) || raw;
  const domain = domainToUnicode(asciiDomain) || raw;
  return { local, domain, asciiDomain };
}
