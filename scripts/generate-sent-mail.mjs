#!/usr/bin/env node
// Seeded generator of one user's sent mail, for the history tests and `npm run bench`: the same
// seed always gives the same messages, so no mail needs committing.
//
//   node scripts/generate-sent-mail.mjs <file.mbox | dir/> [count=10000] [seed=1]
//
// Ann Example <ann@northwind.example> writes to colleagues and to contacts at a few hundred
// organisations and free-mail providers, most often to a few (a Zipf-like choice), each message
// to one contact with sometimes a colleague of theirs and of hers on Cc; one in twenty carries a
// 20 KB attachment, so an archive is about the size a real one is.
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import { rng } from "./generate-drafts.mjs";

const FIRST = ["Karen", "Tom", "Priya", "Ahmed", "Sofia", "Liam", "Mei", "Oliver", "Zara", "Jonas", "Ines", "Ravi", "Grace", "Hugo", "Amara", "Felix", "Nora", "Omar", "Leah", "Mateo"];
const LAST = ["Smith", "Brewer", "Okafor", "Nguyen", "Rossi", "Muller", "Bailey", "Khan", "Larsen", "Costa", "Harlow", "Jones", "Patel", "Dubois", "Kowalski", "Silva", "Tanaka", "Moreau", "Fischer", "Reyes"];
const WORDS = ["bright", "water", "globe", "tech", "river", "stone", "north", "field", "oak", "summit", "harbor", "pine", "delta", "iron", "silver", "maple", "crest", "vale", "arc", "nova"];
const SUFFIXES = ["com", "co.uk", "io", "de", "org", "net", "fr"];
const FREEMAIL = ["gmail.com", "outlook.com", "yahoo.com", "hotmail.com"];

/** The people Ann writes to: colleagues, and contacts at organisations, most of them rare. */
export function sentMailContacts(count, seed = 1) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const organisations = Array.from({ length: Math.max(20, Math.round(count / 40)) }, (_, i) => `${pick(WORDS)}${pick(WORDS)}${i}.${pick(SUFFIXES)}`);
  const people = [];
  const contacts = Math.max(50, Math.round(count / 8));
  for (let i = 0; i < contacts; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const internal = r() < 0.15;
    const freemail = !internal && r() < 0.15;
    const domain = internal ? "northwind.example" : freemail ? pick(FREEMAIL) : organisations[Math.floor(Math.pow(r(), 2) * organisations.length)];
    const local = freemail ? `${first}.${last}${i}`.toLowerCase() : `${first[0]}${last}${i}`.toLowerCase();
    people.push({ name: `${first} ${last}`, address: `${local}@${domain}`, domain, internal });
  }
  return people;
}

/** The messages, one RFC 5322 text each, oldest first. */
export function* sentMailMessages(count, seed = 1) {
  const r = rng(seed + 1);
  const people = sentMailContacts(count, seed);
  const external = people.filter((p) => !p.internal);
  const colleagues = people.filter((p) => p.internal);
  const byDomain = new Map();
  for (const p of external) byDomain.set(p.domain, [...(byDomain.get(p.domain) ?? []), p]);
  const zipf = (list) => list[Math.min(list.length - 1, Math.floor(Math.pow(r(), 3) * list.length))];
  const start = Date.UTC(2020, 0, 1);
  for (let i = 0; i < count; i++) {
    const main = r() < 0.25 ? zipf(colleagues) : zipf(external);
    const to = [main];
    const cc = [];
    const sameOrg = byDomain.get(main.domain) ?? [];
    if (!main.internal && sameOrg.length > 1 && r() < 0.3) cc.push(zipf(sameOrg));
    if (r() < 0.4) cc.push(zipf(colleagues));
    const show = (p) => `${p.name} <${p.address}>`;
    const date = new Date(start + i * 3_600_000 * 2).toUTCString().replace("GMT", "+0000");
    const attach = r() < 0.05;
    const boundary = `b${i}`;
    const text = `Hi ${main.name.split(" ")[0]},\n\nThanks for the update on the schedule; the figures are below.\nWe can meet on Thursday if that suits.\n\nBest,\nAnn\n`;
    const headers = [
      `From: Ann Example <ann@northwind.example>`,
      `To: ${to.map(show).join(", ")}`,
      ...(cc.length ? [`Cc: ${[...new Set(cc)].map(show).join(", ")}`] : []),
      `Subject: Update ${i}`,
      `Date: ${date}`,
      `Message-ID: <sent-${seed}-${i}@northwind.example>`,
      `MIME-Version: 1.0`,
    ];
    if (!attach) yield `${headers.join("\n")}\nContent-Type: text/plain; charset=utf-8\n\n${text}`;
    else {
      const data = Buffer.alloc(15_000, i % 251).toString("base64").replace(/.{76}/g, "$&\n");
      yield `${headers.join("\n")}\nContent-Type: multipart/mixed; boundary="${boundary}"\n\n--${boundary}\nContent-Type: text/plain\n\n${text}\n--${boundary}\nContent-Type: application/pdf; name="Report_${i}.pdf"\nContent-Disposition: attachment; filename="Report_${i}.pdf"\nContent-Transfer-Encoding: base64\n\n${data}\n--${boundary}--\n`;
    }
  }
}

/** An mbox of `count` sent messages (mboxrd: body lines starting "From " quoted). */
export async function writeSentMbox(path, count, seed = 1) {
  const out = createWriteStream(path);
  for (const message of sentMailMessages(count, seed)) {
    const quoted = message.replace(/^(>*From )/gm, ">$1");
    if (!out.write(`From ann@northwind.example Thu Jan  1 00:00:00 2020\n${quoted}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

/** A maildir (`cur/`, `new/`, `tmp/`) of `count` sent messages, named as mail clients name them. */
export function writeSentMaildir(dir, count, seed = 1) {
  for (const sub of ["cur", "new", "tmp"]) mkdirSync(join(dir, sub), { recursive: true });
  let i = 0;
  for (const message of sentMailMessages(count, seed)) {
    // Most have been seen (cur/, with flags after ":2,"); the newest are still in new/.
    const name = `${1600000000 + i}.M${i}P1.host`;
    if (i >= count - 3) writeFileSync(join(dir, "new", name), message);
    else writeFileSync(join(dir, "cur", `${name}:2,S`), message);
    i++;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [target, count = "10000", seed = "1"] = process.argv.slice(2);
  if (!target) {
    console.error("usage: node scripts/generate-sent-mail.mjs <file.mbox | dir/> [count] [seed]");
    process.exit(2);
  }
  if (target.endsWith("/")) writeSentMaildir(target, Number(count), Number(seed));
  else await writeSentMbox(target, Number(count), Number(seed));
}
