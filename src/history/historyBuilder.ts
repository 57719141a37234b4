/**
 * The recipient history in memory: what `draftlint learn` adds sent messages to before writing
 * the index file, and what a pack example's `history:` is built into. It answers the same
 * questions as the index file (RecipientHistory), so a rule cannot tell them apart.
 */
import { createHash } from "node:crypto";
import { organisationOf, publicSuffixOf } from "../audience/organisation.js";
import { splitAddress } from "../message/addresses.js";
import { dayOf, isPersonName, nameKey, organisationKey, organisationParts, type ContactRecord, type OrganisationRecord, type RecipientHistory } from "./historyModel.js";

/** One sent message as learnt: who it went to, when, and the digest that says it was read. */
export interface LearntMessage {
  from: string | null;
  recipients: Array<{ address: string; name: string }>;
  /** The Date header, in ms since the epoch, or null. */
  date: number | null;
  /** 16 hex digits naming the message (its Message-ID, else its header block), so that it is counted once. */
  digest: string;
}

/** Where a source was read up to, so that a re-run reads only what is new (historySources.ts). */
export interface SourceState {
  kind: "mbox";
  path: string;
  /** Bytes read; the file grows by appending. */
  offset: number;
  /** Hash of the bytes just before `offset`: unchanged means the file was only appended to. */
  tail: string;
}

/**
 * A message with more organisations than this on it is a circular (an announcement, a list):
 * that they were all on it together says nothing about who usually shares a thread.
 */
export const MAX_ORGANISATIONS_PAIRED = 12;

interface MutableContact {
  messages: number;
  firstDay: number;
  lastDay: number;
  names: Map<string, number>;
}

/** As a draft's recipients are compared: lower case, the domain in Unicode (IDNs arrive as punycode or not). */
export function normaliseAddress(raw: string): string {
  const { local, domain } = splitAddress(raw.trim());
  return (domain ? `${local}@${domain}` : local).toLowerCase();
}

export function digestOf(text: string): string {
  return createHash("sha1").update(text).digest("hex").slice(0, 16);
}

export function pairKey(a: string, b: string): string {
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) <= 0 ? `${a}\x1f${b}` : `${b}\x1f${a}`;
}

export class HistoryBuilder implements RecipientHistory {
  readonly contacts = new Map<string, MutableContact>();
  readonly organisationMessages = new Map<string, number>();
  readonly pairs = new Map<string, number>();
  /** The From addresses of the learnt mail: the user's own. */
  readonly identities = new Map<string, number>();
  readonly seenMessages = new Set<string>();
  /** Files of folder sources already read (path, size and time: historySources.ts). */
  readonly seenFiles = new Set<string>();
  sources: SourceState[] = [];
  messageCount = 0;
  private derived: { names: Map<string, string[]>; words: Map<string, string[]>; mailboxes: Map<string, string[]>; organisations: Map<string, OrganisationRecord> } | null = null;

  constructor(readonly freemail: ReadonlySet<string>) {}

  /** Adds one message; false when it was learnt before (the same message in two sources). */
  add(message: LearntMessage): boolean {
    if (this.seenMessages.has(message.digest)) return false;
    this.seenMessages.add(message.digest);
    this.messageCount++;
    this.derived = null;
    const day = dayOf(message.date);
    const from = message.from ? normaliseAddress(message.from) : null;
    if (from) this.identities.set(from, (this.identities.get(from) ?? 0) + 1);
    const organisations = new Set<string>();
    const counted = new Set<string>();
    for (const { address: raw, name } of message.recipients) {
      const address = normaliseAddress(raw);
      if (!address.includes("@") || counted.has(address)) continue;
      counted.add(address);
      let c = this.contacts.get(address);
      if (!c) this.contacts.set(address, (c = { messages: 0, firstDay: day, lastDay: day, names: new Map() }));
      c.messages++;
      if (day && (!c.firstDay || day < c.firstDay)) c.firstDay = day;
      if (day > c.lastDay) c.lastDay = day;
      const shown = name.replace(/[\p{Cc}\x1e\x1f]+/gu, " ").replace(/\s+/g, " ").trim();
      if (shown && shown.toLowerCase() !== address) c.names.set(shown, (c.names.get(shown) ?? 0) + 1);
      organisations.add(organisationKey(address, this.freemail));
    }
    for (const key of organisations) this.organisationMessages.set(key, (this.organisationMessages.get(key) ?? 0) + 1);
    // The sender's own organisation is on every thread its colleagues are copied on: no signal.
    const own = from ? organisationKey(from, this.freemail) : null;
    const paired = [...organisations].filter((key) => key !== own);
    if (paired.length <= MAX_ORGANISATIONS_PAIRED) {
      for (let i = 0; i < paired.length; i++) {
        for (let j = i + 1; j < paired.length; j++) {
          const key = pairKey(paired[i], paired[j]);
          this.pairs.set(key, (this.pairs.get(key) ?? 0) + 1);
        }
      }
    }
    return true;
  }

  /** Removes everything held about one address; true when there was something. */
  forget(raw: string): boolean {
    const address = normaliseAddress(raw);
    const contact = this.contacts.get(address);
    if (!contact) return false;
    this.contacts.delete(address);
    this.derived = null;
    const key = organisationKey(address, this.freemail);
    // The organisation goes too once no address of it is left, and with it whom it was seen beside.
    if (![...this.contacts.keys()].some((a) => organisationKey(a, this.freemail) === key)) {
      this.organisationMessages.delete(key);
      for (const pair of [...this.pairs.keys()]) if (pair.split("\x1f").includes(key)) this.pairs.delete(pair);
    }
    return true;
  }

  contact(address: string): ContactRecord | null {
    const key = normaliseAddress(address);
    const c = this.contacts.get(key);
    return c ? toRecord(key, c) : null;
  }

  organisation(key: string): OrganisationRecord | null {
    return this.derive().organisations.get(key) ?? null;
  }

  sharedMessages(a: string, b: string): number {
    return this.pairs.get(pairKey(a, b)) ?? 0;
  }

  addressesNamed(key: string): string[] {
    return this.derive().names.get(key) ?? [];
  }

  addressesForWord(word: string): string[] {
    return this.derive().words.get(word) ?? [];
  }

  addressesWithMailbox(local: string): string[] {
    return this.derive().mailboxes.get(local) ?? [];
  }

  organisations(): Iterable<OrganisationRecord> {
    return this.derive().organisations.values();
  }

  /** In memory, every organisation: the comparison decides (the index file narrows them first). */
  lookalikeCandidates(): Iterable<OrganisationRecord> {
    return this.organisations();
  }

  /** Contact records in a stable order, for writing. */
  contactRecords(): ContactRecord[] {
    return [...this.contacts].map(([address, c]) => toRecord(address, c));
  }

  /** The lookup tables read from the contacts: rebuilt after a change, never stored apart from them. */
  derive() {
    if (this.derived) return this.derived;
    const names = new Map<string, string[]>();
    const words = new Map<string, string[]>();
    const organisations = new Map<string, OrganisationRecord>();
    const mailboxes = new Map<string, string[]>();
    const push = (map: Map<string, string[]>, key: string, address: string) => {
      const list = map.get(key);
      if (!list) map.set(key, [address]);
      else if (!list.includes(address)) list.push(address);
    };
    // Most written to first, so that a finding names the contact the user knows best.
    const ordered = [...this.contacts].sort((a, b) => b[1].messages - a[1].messages || (a[0] < b[0] ? -1 : 1));
    for (const [address, c] of ordered) {
      const orgKey = organisationKey(address, this.freemail);
      const org = organisations.get(orgKey);
      if (!org) organisations.set(orgKey, { key: orgKey, messages: this.organisationMessages.get(orgKey) ?? c.messages, top: address, ...organisationParts(orgKey) });
      push(mailboxes, address.slice(0, address.lastIndexOf("@")), address);
      for (const word of organisationWords(orgKey)) push(words, word, address);
      for (const [name] of c.names) {
        const key = nameKey(name);
        if (!isPersonName(key)) continue;
        push(names, key, address);
        const surname = key.split(" ").at(-1)!;
        if (/^\p{L}{3,}$/u.test(surname)) push(words, surname, address);
      }
    }
    return (this.derived = { names, words, mailboxes, organisations });
  }
}

function toRecord(address: string, c: MutableContact): ContactRecord {
  return { address, messages: c.messages, firstDay: c.firstDay, lastDay: c.lastDay, names: [...c.names].sort((a, b) => b[1] - a[1]).slice(0, 5) };
}

/**
 * The words an organisation is called by in a file name: `harlow` for harlow.co.uk, and `harlow`
 * and `builders` for harlow-builders.com. A free-mail address names no organisation.
 */
export function organisationWords(orgKey: string): string[] {
  if (orgKey.includes("@")) return [];
  const suffix = publicSuffixOf(orgKey);
  const name = suffix && orgKey.endsWith("." + suffix) ? orgKey.slice(0, -suffix.length - 1) : organisationOf(orgKey);
  const parts = name.split(/[-.]/).filter((p) => /^\p{L}{3,}$/u.test(p));
  return [...new Set([name.replace(/[-.]/g, ""), ...parts])].filter((w) => /^\p{L}{3,}$/u.test(w));
}
