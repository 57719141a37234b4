/**
 * The index file `draftlint learn` writes: one file per user, read by every lint that has
 * external recipients. Its layout is chosen for a cold start (NOTES-issue15.md has the figures):
 * each table is a block of lines sorted by key, so a lookup is a binary search in the file's
 * bytes and nothing is parsed but the few lines a draft asks about.
 *
 *   draftlint-history 1\n
 *   {header JSON: counts, sources, identities, the byte range of each table}\n
 *   tables: c contacts   address \t messages \t firstDay \t lastDay \t name \x1f count \x1e …
 *           o organisations   key \t messages \t top address \t domain \t name \t suffix \t skeleton
 *           k look-alike keys   key \t organisation key \x1f …    (lookalikeKeys.ts; derived)
 *           t lengths    suffix \x1f name length \x1f name \t organisation key \x1f …  (derived)
 *           l mailboxes  local part \t address \x1f address …    (derived from c)
 *           p pairs      orgA \x1f orgB \t messages together
 *           n names      name key \t address \x1f address …   (derived from c)
 *           w words      word \t address \x1f address …        (derived from c)
 *           m, f         8-byte digests of messages and files already read, sorted (learn only)
 */
import type { ContactRecord, OrganisationRecord, RecipientHistory } from "./historyModel.js";
import { HistoryBuilder, pairKey, type SourceState } from "./historyBuilder.js";
import { bufferBytes, type Bytes } from "./pagedFile.js";
import { candidateKeys, lengthKey, lengthRange, storedKeys } from "./lookalikeKeys.js";
import type { DomainParts } from "../audience/lookalike.js";

const MAGIC = "draftlint-history 1\n";
const MAX_LISTED = 20;
const TAB = 0x09;
const NL = 0x0a;

/**
 * The line of `buf` holding byte `at`, within [lo, hi) where `lo` starts a line: its start, the
 * tab ending its key (or its end when it has none), and its end (the newline, or `hi`).
 */
function lineAround(buf: Bytes, at: number, lo: number, hi: number): { start: number; tab: number; end: number } {
  let start = at;
  while (start > lo && buf.at(start - 1) !== NL) start--;
  let end = buf.indexOf(NL, start, hi);
  if (end === -1) end = hi;
  let tab = buf.indexOf(TAB, start, end);
  if (tab === -1) tab = end;
  return { start, tab, end };
}

interface Header {
  messages: number;
  updated: string;
  identities: Array<[string, number]>;
  sources: SourceState[];
  tables: Record<string, [number, number]>;
}

export class HistoryFormatError extends Error {}

function clean(text: string): string {
  return text.replace(/[\t\n\r\x1e\x1f]+/g, " ");
}

/** Lines sorted by key; keys are cleaned by the caller (a pair's key keeps its \x1f). */
function sortedLines(rows: Array<[string, string]>): Buffer {
  const encoded = rows.map(([key, rest]) => [Buffer.from(key), Buffer.from(rest)] as const);
  encoded.sort((a, b) => Buffer.compare(a[0], b[0]));
  const parts: Buffer[] = [];
  const sep = Buffer.from("\t");
  const nl = Buffer.from("\n");
  for (const [key, rest] of encoded) parts.push(key, sep, rest, nl);
  return Buffer.concat(parts);
}

function sortedDigests(hex: Iterable<string>): Buffer {
  const list = [...hex].map((h) => Buffer.from(h, "hex")).filter((b) => b.length === 8);
  list.sort(Buffer.compare);
  return Buffer.concat(list);
}

export function serializeHistory(h: HistoryBuilder): Buffer {
  const { names, words, mailboxes, organisations } = h.derive();
  // A common surname names hundreds of contacts: the most written-to few are enough to name one.
  const list = (addresses: string[]) => addresses.slice(0, MAX_LISTED).map(clean).join("\x1f");
  const tables: Record<string, Buffer> = {
    c: sortedLines(h.contactRecords().map((c) => [clean(c.address), `${c.messages}\t${c.firstDay}\t${c.lastDay}\t${c.names.map(([n, k]) => `${clean(n)}\x1f${k}`).join("\x1e")}`])),
    o: sortedLines([...organisations.values()].map((o) => [clean(o.key), [o.messages, o.top, o.domain, o.name, o.suffix, o.skeleton].map((v) => clean(String(v))).join("\t")])),
    k: sortedLines(lookalikeTable(organisations.values())),
    t: sortedLines(groupRows([...organisations.values()].map((o) => [lengthKey(o.suffix, o.name.length, o.name), o.key]))),
    l: sortedLines([...mailboxes].map(([local, addresses]) => [clean(local), list(addresses)])),
    p: sortedLines([...h.pairs].map(([key, n]) => [key.split("\x1f").map(clean).join("\x1f"), String(n)])),
    n: sortedLines([...names].map(([key, addresses]) => [clean(key), list(addresses)])),
    w: sortedLines([...words].map(([word, addresses]) => [clean(word), list(addresses)])),
    m: sortedDigests(h.seenMessages),
    f: sortedDigests(h.seenFiles),
  };
  const ranges: Record<string, [number, number]> = {};
  let at = 0;
  for (const [name, bytes] of Object.entries(tables)) {
    ranges[name] = [at, at + bytes.length];
    at += bytes.length;
  }
  const identities = [...h.identities].sort((a, b) => b[1] - a[1]).slice(0, 20);
  const header: Header = { messages: h.messageCount, updated: new Date().toISOString(), identities, sources: h.sources, tables: ranges };
  return Buffer.concat([Buffer.from(MAGIC), Buffer.from(JSON.stringify(header) + "\n"), ...Object.values(tables)]);
}

/** Rows of key → organisation keys, most written-to first, at most MAX_LISTED each. */
function groupRows(pairs: Array<[string, string]>): Array<[string, string]> {
  const grouped = new Map<string, string[]>();
  // A key's own \x1f separators stay; only what is between them is cleaned.
  const cleanKey = (key: string) => key.split("\x1f").map(clean).join("\x1f");
  for (const [key, org] of pairs) grouped.set(cleanKey(key), [...(grouped.get(cleanKey(key)) ?? []), org]);
  return [...grouped].map(([key, orgs]) => [key, orgs.slice(0, MAX_LISTED).map(clean).join("\x1f")]);
}

function lookalikeTable(organisations: Iterable<OrganisationRecord>): Array<[string, string]> {
  const ordered = [...organisations].sort((a, b) => b.messages - a.messages);
  return groupRows(ordered.flatMap((o) => storedKeys({ organisation: o.domain, name: o.name, skeleton: o.skeleton }).map((k) => [k, o.key] as [string, string])));
}

function readHeader(buf: Bytes): { header: Header; body: number } {
  if (buf.length < MAGIC.length || buf.slice(0, MAGIC.length).toString("latin1") !== MAGIC) throw new HistoryFormatError("not a draftlint history file (run `draftlint learn` to make one)");
  const end = buf.indexOf(NL, MAGIC.length, buf.length);
  let header: Header;
  try {
    if (end === -1) throw new Error("no header");
    header = JSON.parse(buf.slice(MAGIC.length, end).toString("utf8"));
  } catch {
    throw new HistoryFormatError("the history file is damaged (run `draftlint learn` again to rebuild it)");
  }
  const body = end + 1;
  for (const [start, stop] of Object.values(header.tables ?? {})) {
    if (!(start <= stop && body + stop <= buf.length)) throw new HistoryFormatError("the history file is cut short (run `draftlint learn` again to rebuild it)");
  }
  return { header, body };
}

/** The history as the rules read it: lookups by binary search in the file's bytes. */
export class IndexedHistory implements RecipientHistory {
  readonly messageCount: number;
  readonly header: Header;
  private readonly body: number;

  constructor(private readonly buf: Bytes) {
    const { header, body } = readHeader(buf);
    this.header = header;
    this.body = body;
    this.messageCount = header.messages;
  }

  /** The rest of the line whose key is `key` in table `table`, or null. */
  private find(table: string, key: string): string | null {
    const range = this.header.tables[table];
    if (!range) return null;
    const wanted = Buffer.from(key);
    const { buf } = this;
    let lo = this.body + range[0];
    let hi = this.body + range[1];
    while (lo < hi) {
      const { start, tab, end } = lineAround(buf, (lo + hi) >>> 1, lo, hi);
      const order = Buffer.compare(buf.slice(start, tab), wanted);
      if (order === 0) return buf.slice(tab + 1, end).toString("utf8");
      if (order < 0) lo = end + 1;
      else hi = start;
    }
    return null;
  }

  /** The lines of `table` whose keys are at least `from` and below `to`, by binary search to the first. */
  private *range(table: string, from: string, to: string): Iterable<[string, string]> {
    const range = this.header.tables[table];
    if (!range) return;
    const { buf } = this;
    const low = Buffer.from(from);
    const high = Buffer.from(to);
    let lo = this.body + range[0];
    let hi = this.body + range[1];
    const end = hi;
    // The first line whose key is not below `from`: lo ends at its start.
    while (lo < hi) {
      const { start, tab, end: stop } = lineAround(buf, (lo + hi) >>> 1, lo, hi);
      if (Buffer.compare(buf.slice(start, tab), low) < 0) lo = stop + 1;
      else hi = start;
    }
    for (let at = lo; at < end; ) {
      const { tab, end: stop } = lineAround(buf, at, at, end);
      const key = buf.slice(at, tab);
      if (Buffer.compare(key, high) >= 0) return;
      yield [key.toString("utf8"), buf.slice(tab + 1, stop).toString("utf8")];
      at = stop + 1;
    }
  }

  *lookalikeCandidates(c: DomainParts): Iterable<OrganisationRecord> {
    const keys = new Set<string>();
    for (const key of candidateKeys(c)) for (const org of this.find("k", key)?.split("\x1f") ?? []) keys.add(org);
    const [from, to] = lengthRange(c);
    for (const [, orgs] of this.range("t", from, to)) for (const org of orgs.split("\x1f")) keys.add(org);
    for (const key of keys) {
      const org = this.organisation(key);
      if (org) yield org;
    }
  }

  private *lines(table: string): Iterable<[string, string]> {
    const range = this.header.tables[table];
    if (!range) return;
    if (range[1] === range[0]) return;
    const text = this.buf.slice(this.body + range[0], this.body + range[1]).toString("utf8");
    for (const line of text.split("\n")) {
      if (!line) continue;
      const tab = line.indexOf("\t");
      yield [line.slice(0, tab), line.slice(tab + 1)];
    }
  }

  contact(address: string): ContactRecord | null {
    const key = address.toLowerCase();
    const rest = this.find("c", key);
    return rest === null ? null : parseContact(key, rest);
  }

  organisation(key: string): OrganisationRecord | null {
    const rest = this.find("o", key);
    return rest === null ? null : parseOrganisation(key, rest);
  }

  sharedMessages(a: string, b: string): number {
    return Number(this.find("p", pairKey(a, b)) ?? 0);
  }

  addressesNamed(key: string): string[] {
    return this.find("n", key)?.split("\x1f") ?? [];
  }

  addressesForWord(word: string): string[] {
    return this.find("w", word)?.split("\x1f") ?? [];
  }

  addressesWithMailbox(local: string): string[] {
    return this.find("l", local)?.split("\x1f") ?? [];
  }

  private organisationList: OrganisationRecord[] | null = null;

  /** Parsed once per process: a draft with several new outsiders scans them all. */
  organisations(): Iterable<OrganisationRecord> {
    if (!this.organisationList) {
      this.organisationList = [];
      for (const [key, rest] of this.lines("o")) this.organisationList.push(parseOrganisation(key, rest));
    }
    return this.organisationList;
  }

  *contacts(): Iterable<ContactRecord> {
    for (const [key, rest] of this.lines("c")) yield parseContact(key, rest);
  }

  pairEntries(): Iterable<[string, string]> {
    return this.lines("p");
  }

  digests(table: "m" | "f"): string[] {
    const range = this.header.tables[table];
    if (!range) return [];
    const out: string[] = [];
    if (range[1] === range[0]) return out;
    const bytes = this.buf.slice(this.body + range[0], this.body + range[1]);
    for (let at = 0; at + 8 <= bytes.length; at += 8) out.push(bytes.toString("hex", at, at + 8));
    return out;
  }
}

function parseContact(address: string, rest: string): ContactRecord {
  const [messages, first, last, names = ""] = rest.split("\t");
  return {
    address,
    messages: Number(messages),
    firstDay: Number(first),
    lastDay: Number(last),
    names: names ? names.split("\x1e").map((entry) => {
      const [name, count] = entry.split("\x1f");
      return [name, Number(count)] as [string, number];
    }) : [],
  };
}

function parseOrganisation(key: string, rest: string): OrganisationRecord {
  const [messages, top, domain = "", name = "", suffix = "", skeleton = ""] = rest.split("\t");
  return { key, messages: Number(messages), top, domain, name, suffix, skeleton };
}

export function openHistory(bytes: Bytes | Buffer): IndexedHistory {
  return new IndexedHistory(Buffer.isBuffer(bytes) ? bufferBytes(bytes) : bytes);
}

/** The whole file back in memory, for `learn` to add to and `forget` to remove from. */
export function loadBuilder(buf: Buffer, freemail: ReadonlySet<string>): HistoryBuilder {
  const index = new IndexedHistory(bufferBytes(buf));
  const h = new HistoryBuilder(freemail);
  h.messageCount = index.header.messages;
  h.sources = index.header.sources ?? [];
  for (const [address, count] of index.header.identities ?? []) h.identities.set(address, count);
  for (const c of index.contacts()) h.contacts.set(c.address, { messages: c.messages, firstDay: c.firstDay, lastDay: c.lastDay, names: new Map(c.names) });
  for (const o of index.organisations()) h.organisationMessages.set(o.key, o.messages);
  for (const [key, n] of index.pairEntries()) h.pairs.set(key, Number(n));
  for (const d of index.digests("m")) h.seenMessages.add(d);
  for (const d of index.digests("f")) h.seenFiles.add(d);
  return h;
}
