/**
 * Who took part in a quoted message, read from its header values: Internet mailboxes (Outlook's
 * "Name [mailto:address]", Exchange-encoded IMCEANOTES- addresses decoded), names without an
 * address, and names in a Notes or Exchange directory.
 */
import type { Mailbox } from "../types.js";
import { decodeExchangeAddress, isDirectoryName, parseMailboxes } from "./addresses.js";

export interface QuotedPeople {
  participants: Mailbox[];
  /** Named without an address (Outlook's "From: Karen Smith"). */
  names: string[];
  /**
   * Named in a Notes or Exchange directory, as written ("Name/HOU/ECT@ECT"); whose directory it
   * is, and so whether they are colleagues, is decided with the message (src/audience/directoryNames.ts).
   */
  directoryNames: string[];
}

/**
 * Splits an address list into people. Outlook separates people with ";" and writes "Last, First"
 * (so a comma is not a separator there), "Williams, Robert C. <rcw@acme.com>" keeps its comma
 * before the address, and Notes separates with ",".
 */
function splitAddressList(value: string): string[] {
  const mode = value.includes(";") ? "semicolon" : /[<>]/.test(value) ? "angle" : "plain";
  const items: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "<" || ch === "[") depth++;
    else if ((ch === ">" || ch === "]") && depth > 0) depth--;
    const free = !quoted && depth === 0;
    const splits = ch === ";" ? free : ch === "," && free && (mode === "plain" || (mode === "angle" && /[>@]/.test(current)));
    if (splits) {
      items.push(current);
      current = "";
    } else current += ch;
  }
  items.push(current);
  return items.map((s) => s.trim()).filter(Boolean);
}

/** Adds the people of one header value ("Tom Reed [mailto:tom@globex.com]; Karen Smith"). */
export function addPeople(value: string, into: QuotedPeople): void {
  // Outlook: "Tom Reed [mailto:tom@globex.com]"; Notes: "Leslie Lawner@ENRON on 12/12/2000 11:56 AM".
  const cleaned = value.replace(/\[mailto:([^\]\s]+)\]/gi, "<$1>").replace(/\s+(?:on\s+)?\d{1,2}\/\d{1,2}\/\d{2,4}\b.*$/i, "");
  const items = splitAddressList(cleaned);
  // "Smith, Karen" without an address is one person, not two.
  if (items.length === 2 && !/[@<;]/.test(cleaned) && /^[\p{L}'-]+$/u.test(items[0]) && /^[\p{L}.' -]+$/u.test(items[1])) {
    into.names.push(cleaned.trim());
    return;
  }
  for (const item of items) {
    const people = itemPeople(item);
    for (const box of people.participants) into.participants.push({ name: box.name, address: box.address });
    into.names.push(...people.names);
    into.directoryNames.push(...people.directoryNames);
  }
}

/**
 * The people of one item of a list, remembered: a thread quotes the same few colleagues in
 * message after message (half the 18k items of 5,000 real messages had been read before), and
 * parsing one with mailparser took about 12 µs. The mailboxes are copied out, never shared.
 */
const itemMemo = new Map<string, QuotedPeople>();
const ITEMS_KEPT = 4096;

function itemPeople(item: string): QuotedPeople {
  let people = itemMemo.get(item);
  if (people) return people;
  people = { participants: [], names: [], directoryNames: [] };
  readItem(item, people);
  if (itemMemo.size >= ITEMS_KEPT) itemMemo.clear();
  itemMemo.set(item, people);
  return people;
}

function readItem(item: string, into: QuotedPeople): void {
  const bare = item.replace(/^["']+|["']+$/g, "").replace(/\s+/g, " ").trim();
  if (isDirectoryName(bare)) {
    into.directoryNames.push(bare);
    return;
  }
  const found = parseMailboxes(item);
  // Outlook often writes names without addresses: kept, to be matched to people.
  if (found.length === 0 && bare && !bare.includes("@")) into.names.push(bare);
  for (const box of found) {
    const decoded = decodeExchangeAddress(box.address);
    if (decoded?.directory) into.directoryNames.push(decoded.written);
    else if (decoded) into.participants.push({ name: box.name || decoded.mailbox.name, address: decoded.mailbox.address });
    else into.participants.push(box);
  }
}
