/**
 * Turning address headers into mailboxes: groups flattened (RFC 5322 §3.4 `group`), encoded-word
 * display names decoded, and IDN domains kept in both forms (Unicode to show, ASCII to compare).
 */
import { domainToASCII, domainToUnicode } from "node:url";
import { parseAddressHeader } from "mailparser";
import type { EmailAddress } from "mailparser";
import type { Mailbox } from "../types.js";
import { boundedMemo } from "../text/words.js";

/** Mailboxes of a parsed header value (mailparser's form), groups replaced by their members. */
export function flattenAddresses(values: EmailAddress[] | undefined): Mailbox[] {
  const out: Mailbox[] = [];
  for (const value of values ?? []) {
    if (value.group) out.push(...flattenAddresses(value.group));
    else if (value.address) out.push(readEncodedAddress({ name: cleanDisplayName(value.name), address: value.address }));
  }
  return out;
}

/**
 * The mailbox an Exchange-encoded address stands for (see decodeExchangeAddress), so that the
 * outsider behind `IMCEANOTES-…@ENRON.com` is classified at their own domain. An encoded
 * directory name keeps its address: it is the organisation's own, and internal as written.
 */
export function readEncodedAddress(mailbox: Mailbox): Mailbox {
  const decoded = decodeExchangeAddress(mailbox.address);
  if (!decoded || decoded.directory) return mailbox;
  return { name: mailbox.name || decoded.mailbox.name, address: decoded.mailbox.address };
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
  const forms = domainForms(raw);
  return { local, domain: forms.domain, asciiDomain: forms.asciiDomain };
}

/**
 * Both IDN forms of a domain as written (lower case), remembered: the rules split the same few
 * addresses again and again, message after message, and each form is an ICU call.
 */
const domainForms = boundedMemo(10_000, (raw): { domain: string; asciiDomain: string } => {
  const asciiDomain = domainToASCII(raw) || raw;
  return { domain: domainToUnicode(asciiDomain) || raw, asciiDomain };
});

/**
 * Exchange wraps an address it could not route natively in its own domain: IMCEANOTES- (a Lotus
 * Notes or Internet address seen through a Notes gateway), IMCEASMTP-, IMCEAEX- and the like,
 * with every special character written "+XX" in hex (`IMCEANOTES-John+20Smith+20+3Cjsmith+40aol+2Ecom+3E@ENRON.com`
 * is "John Smith <jsmith@aol.com>"). Read at face value the address is internal (ENRON.com); the
 * person is an outsider at aol.com. Returns the mailbox the encoding holds, or null when the
 * address is not encoded this way. An encoded directory name ("Mark Taylor/HOU/ECT@ECT") comes
 * back with no address: the organisation's own directory, so a colleague.
 */
export function decodeExchangeAddress(address: string): { mailbox: Mailbox; directory: boolean; written: string } | null {
  const m = /^IMCEA[A-Z]{1,10}-(.+)@[^@]+$/i.exec(address.trim());
  if (!m) return null;
  let inner: string;
  try {
    inner = decodeURIComponent(m[1].replace(/%/g, "%25").replace(/\+([0-9A-F]{2})/gi, "%$1"));
  } catch {
    return null;
  }
  // The Notes gateway appends its own domain: `"Eva Pao" <epao@hbs.edu>@ENRON`, `Mark Taylor/HOU/ECT@ECT`.
  const withoutGateway = inner.replace(/@[A-Za-z][\w-]*$/, "");
  if (/[@<\/]/.test(withoutGateway)) inner = withoutGateway;
  inner = inner.trim();
  const angle = /^(.*?)<([^<>\s]+@[^<>\s]+)>\s*$/.exec(inner);
  if (angle) return { mailbox: { name: angle[1].replace(/^["'\s]+|["'\s]+$/g, ""), address: angle[2] }, directory: false, written: inner };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(inner)) return { mailbox: { name: "", address: inner }, directory: false, written: inner };
  // IMCEAEX-_O=ENRON_OU=NA_CN=RECIPIENTS_CN=JSMITH: an Exchange directory entry.
  return { mailbox: { name: directoryPersonName(inner), address: "" }, directory: true, written: inner };
}

/**
 * A name in an organisation's own mail directory rather than an Internet address: Lotus Notes
 * hierarchical names (`Michelle Cash/HOU/ECT@ECT`, `Kelly Noel Higgason@ENRON`, with a Notes
 * domain that has no dot) and Exchange X.500 names (`/O=ENRON/OU=NA/CN=RECIPIENTS/CN=JSMITH`).
 * Only the organisation's own mail system can deliver to such a name, so its bearer is a colleague.
 */
export function isDirectoryName(text: string): boolean {
  const t = text.trim();
  if (/^\/?O=[^/]+\/OU=/i.test(t) || /^_?O=[^_]+_OU=/i.test(t)) return true;
  // A person's name (at most five words, no sentence punctuation), then the directory path and
  // Notes domain: "and/or comment by Friday." is prose, "Jana Domke/Corp/Enron" is a name.
  const m = /^([^\s<>@"/,;:!?][^<>@"/,;:!?]{0,60})((?:\/[^<>@"/,;:!?.]{1,40}){0,4})(@[A-Za-z][\w -]{0,40})?$/.exec(t);
  if (!m || m[1].trim().split(/\s+/).length > 5) return false;
  const slashes = m[2] ? m[2].split("/").length - 1 : 0;
  return slashes >= 2 || (m[3] !== undefined && (slashes === 1 || !/\s$/.test(m[1])));
}

/** "Michelle Cash/HOU/ECT@ECT" → "Michelle Cash"; "/O=ENRON/…/CN=JSMITH" → "JSMITH". */
export function directoryPersonName(text: string): string {
  const t = text.trim();
  const cn = /CN=([^/_=]+)(?:[/_]?)$/i.exec(t);
  if (/O=/i.test(t) && cn) return cn[1].trim();
  return t.replace(/@[^@]*$/, "").split("/")[0].trim();
}
