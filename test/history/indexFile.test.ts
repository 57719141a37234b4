/**
 * The index file answers exactly what the in-memory history it was written from answers (the
 * pack's examples run on the latter, users on the former), and the mbox reader learn uses finds
 * every message whatever the line ends and wherever a read chunk ends.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HistoryBuilder, digestOf } from "../../src/history/historyBuilder.js";
import { loadBuilder, openHistory, serializeHistory } from "../../src/history/indexFile.js";
import { PagedFile } from "../../src/history/pagedFile.js";
import { freemailDomains } from "../../src/history/historyFile.js";
import { readSentHeaders } from "../../src/history/sentHeaders.js";
import { mboxHeaderBlocks } from "../../src/history/mboxHeaders.js";
import { sentMailMessages } from "../../scripts/generate-sent-mail.mjs";
import { domainParts, resemblanceOfParts } from "../../src/audience/lookalike.js";

const tmp = mkdtempSync(join(tmpdir(), "draftlint-index-"));

function learnt(count: number, seed: number): HistoryBuilder {
  const h = new HistoryBuilder(freemailDomains());
  for (const m of sentMailMessages(count, seed)) h.add(readSentHeaders(Buffer.from(m))!);
  // Names with a tab, a newline and the table separators are stored without them.
  h.add({ from: "ann@northwind.example", recipients: [{ address: "odd@weird.example", name: "Odd\tName\x1fHere" }, { address: "pal@globex.example", name: "Pal Jones" }], date: null, digest: digestOf("odd") });
  return h;
}

describe("the index file", () => {
  const h = learnt(3000, 5);
  const path = join(tmp, "history");
  writeFileSync(path, serializeHistory(h));
  const file = openHistory(PagedFile.open(path));

  it("answers every question as the history it was written from", () => {
    expect(file.messageCount).toBe(h.messageCount);
    for (const c of h.contactRecords()) {
      expect(file.contact(c.address)).toEqual({ ...c, names: c.names.map(([n, k]) => [n.replace(/[\t\n\r\x1e\x1f]+/g, " "), k]) });
      const local = c.address.split("@")[0];
      expect(file.addressesWithMailbox(local)).toEqual(h.addressesWithMailbox(local).slice(0, 20));
    }
    expect([...file.organisations()]).toEqual([...h.organisations()].sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key))));
    const keys = [...h.organisations()].map((o) => o.key);
    let shared = 0;
    for (let i = 0; i < keys.length; i++) {
      for (let j = 0; j < i; j++) {
        expect(file.sharedMessages(keys[i], keys[j])).toBe(h.sharedMessages(keys[i], keys[j]));
        shared += h.sharedMessages(keys[i], keys[j]) ? 1 : 0;
      }
    }
    expect(shared).toBeGreaterThan(10);
    for (const [key] of h.derive().names) expect(file.addressesNamed(key)).toEqual(h.addressesNamed(key).slice(0, 20));
    for (const [word] of h.derive().words) expect(file.addressesForWord(word)).toEqual(h.addressesForWord(word).slice(0, 20));
    expect(file.contact("nobody@nowhere.example")).toBeNull();
    expect(file.organisation("nowhere.example")).toBeNull();
    expect(file.contact("odd@weird.example")!.names).toEqual([["Odd Name Here", 1]]);
  });

  it("narrows the look-alike comparison to a superset of the organisations a new domain resembles", () => {
    const orgs = [...h.organisations()].filter((o) => !o.key.includes("@")).slice(0, 60);
    expect(orgs.length).toBeGreaterThan(30);
    for (const o of orgs) {
      const [name, suffix] = [o.name, o.suffix];
      const variants = [
        `${name.slice(0, 2)}${name[3]}${name[2]}${name.slice(4)}.${suffix}`, // transposed letters
        `${name.slice(0, -1)}x.${suffix}`, // one letter changed
        `${name}.co`, // another suffix
        `${name.slice(0, 3)}-${name.slice(3)}.${suffix}`, // a hyphen
        `${name}-group.com`, // a longer name
        `${o.domain}.invoices.example`, // embedded
      ];
      for (const v of variants) {
        const parts = domainParts(v);
        const all = [...h.organisations()].filter((r) => r.domain !== parts.organisation && resemblanceOfParts(parts, { ...r, organisation: r.domain }));
        const narrowed = new Set([...file.lookalikeCandidates(parts)].map((r) => r.key));
        for (const r of all) if (!r.key.includes("@")) expect(narrowed.has(r.key), `${v} resembles ${r.key}`).toBe(true);
        expect(narrowed.size).toBeLessThan([...h.organisations()].length);
      }
    }
  });

  it("reads back whole for learn and forget, and writes the same bytes again", () => {
    const bytes = serializeHistory(h);
    const again = loadBuilder(bytes, freemailDomains());
    const strip = (b: Buffer) => b.toString("latin1").replace(/"updated":"[^"]+"/, "");
    expect(strip(serializeHistory(again))).toBe(strip(serializeHistory(h)));
  });

  it("forgets an address, its names, and its organisation's pairs once nobody of it is left", () => {
    const copy = loadBuilder(serializeHistory(h), freemailDomains());
    expect(copy.forget("pal@globex.example")).toBe(true);
    const after = openHistory(serializeHistory(copy));
    expect(after.contact("pal@globex.example")).toBeNull();
    expect(after.addressesNamed("pal jones")).toEqual([]);
    expect(after.organisation("globex.example")).toBeNull();
    expect(after.sharedMessages("globex.example", "weird.example")).toBe(0);
    expect(openHistory(serializeHistory(h)).sharedMessages("globex.example", "weird.example")).toBe(1);
  });
});

describe("the mbox reader", () => {
  async function blocks(text: string): Promise<string[]> {
    const path = join(tmp, `m${Math.random()}.mbox`);
    writeFileSync(path, text);
    const out: string[] = [];
    for await (const b of mboxHeaderBlocks(path, 0, Buffer.byteLength(text))) out.push(b.toString());
    return out;
  }

  it("finds each message's headers, with LF or CRLF, and not a >From or a From without a blank line", async () => {
    for (const nl of ["\n", "\r\n"]) {
      const m = (i: number) => `From a@b Thu Jan  1 00:00:00 2020${nl}To: x${i}@y.example${nl}Subject: ${i}${nl}${nl}Body${nl}>From here${nl}From the start of a line${nl}${nl}`;
      const found = await blocks([0, 1, 2].map(m).join(""));
      expect(found.map((b) => /To: (\S+)/.exec(b)![1])).toEqual(["x0@y.example", "x1@y.example", "x2@y.example"]);
    }
  });

  it("finds all of a large archive, across every read-chunk boundary", async () => {
    const messages = [...sentMailMessages(1500, 9)];
    const text = messages.map((m: string) => `From ann@northwind.example Thu Jan  1 00:00:00 2020\n${m}\n`).join("");
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 << 20); // two 1 MB read chunks at least
    const found = await blocks(text);
    expect(found).toHaveLength(1500);
    expect(found.map((b) => /Message-ID: (\S+)/.exec(b)![1])).toEqual(messages.map((m: string) => /Message-ID: (\S+)/.exec(m)![1]));
  });
});

describe("rules/history.yaml", () => {
  it("has the same vetted registries as lookalike-domain in rules/recipients.yaml", async () => {
    const { loadBuiltinPack } = await import("../../src/packs/loadPack.js");
    const of = (pack: string, id: string) => loadBuiltinPack(pack).rules.find((r) => r.id === id)!.patterns.vettedRegistries;
    expect(of("history", "first-time-recipient")).toEqual(of("recipients", "lookalike-domain"));
  });
});
