#!/usr/bin/env node
// Seeded generator of draft emails for `npm run bench` and the robustness tests: the same seed
// always writes the same files, so a figure can be reproduced without committing any data.
//
//   node scripts/generate-drafts.mjs <dir> [count=10000] [seed=1]
//
// Typical drafts: ~2 KB plain-text bodies, internal and external recipients; one in ten carries a
// problem (unkind words about the customer, an outsider on Cc of an internal thread, a leftover
// placeholder, a "please find attached" with nothing attached).
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ["Karen", "Tom", "Priya", "Ahmed", "Sofia", "Liam", "Mei", "Oliver", "Zara", "Jonas", "Ines", "Ravi"];
const LAST = ["Smith", "Brewer", "Okafor", "Nguyen", "Rossi", "Muller", "Bailey", "Khan", "Larsen", "Costa"];
const EXTERNAL = ["gmail.com", "outlook.com", "globex.com", "initech.co.uk", "umbrella.org", "hooli.io"];
const SENTENCES = [
  "Thanks for sending over the figures for the third quarter.",
  "I have checked the schedule and the venue is free on the dates you mentioned.",
  "The catering team will confirm the menu by the end of the week.",
  "Could you let me know whether the invoice should go to the finance address?",
  "We can move the meeting to Thursday afternoon if that suits everyone better.",
  "The contract draft is with legal and should be back with us on Monday.",
  "Parking is available at the rear of the building for up to twenty cars.",
  "I will ask the front desk to prepare the welcome packs before arrival.",
  "Please note the updated cancellation terms in section four.",
  "The shuttle from the station runs every half hour until eleven in the evening.",
  "Our team is happy to arrange a tasting session for the menu options.",
  "Let me know if you need anything else before the site visit.",
];
const PROBLEMS = [
  (r) => ({ line: "Honestly the couple are a pair of clowns.", external: true }),
  (r) => ({ line: "I don't think they are the type of people we would want here.", external: true }),
  (r) => ({ line: "Dear {{first_name}}, your booking reference is [INSERT REF].", external: true }),
  (r) => ({ line: "Please find attached the signed contract.", external: true }),
  (r) => ({ line: "Between you and me, the client is clueless about budgets.", cc: true }),
];

const pick = (r, list) => list[Math.floor(r() * list.length)];
const person = (r, domain) => {
  const first = pick(r, FIRST);
  const last = pick(r, LAST);
  return { name: `${first} ${last}`, address: `${first}.${last}@${domain}`.toLowerCase() };
};
const fmt = (p) => `${p.name} <${p.address}>`;

/** One draft as RFC 5322 text. `problem` selects whether it carries one. */
export function makeDraft(r, index, problem) {
  const from = person(r, "acme.com");
  const spec = problem ? pick(r, PROBLEMS)(r) : null;
  const external = spec?.external ?? r() < 0.5;
  const to = external ? person(r, pick(r, EXTERNAL)) : person(r, "acme.com");
  const cc = spec?.cc ? person(r, pick(r, EXTERNAL)) : r() < 0.3 ? person(r, "acme.com") : null;
  const lines = [`Hi ${to.name.split(" ")[0]},`, ""];
  let size = 0;
  const problemAt = spec ? 2 + Math.floor(r() * 6) : -1;
  let paragraph = [];
  for (let i = 0; size < 1900; i++) {
    const sentence = i === problemAt ? spec.line : pick(r, SENTENCES);
    paragraph.push(sentence);
    size += sentence.length + 1;
    if (paragraph.length === 3) {
      lines.push(paragraph.join(" "), "");
      paragraph = [];
    }
  }
  if (paragraph.length) lines.push(paragraph.join(" "), "");
  lines.push("Best regards,", from.name.split(" ")[0], "", "-- ", `${from.name}, Events Team, Acme`);
  const headers = [
    `From: ${fmt(from)}`,
    `To: ${fmt(to)}`,
    ...(cc ? [`Cc: ${fmt(cc)}`] : []),
    `Subject: Booking ${1000 + index}: arrangements`,
    `Date: Tue, 3 Mar 2026 10:${String(index % 60).padStart(2, "0")}:00 +0000`,
    `Message-ID: <draft-${index}@acme.com>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
  ];
  return `${headers.join("\r\n")}\r\n\r\n${lines.join("\r\n")}\r\n`;
}

/** Writes `count` drafts into `dir` (draft-00001.eml …); one in ten has a problem. */
export function generateDrafts(dir, count = 10000, seed = 1) {
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  const width = String(count).length;
  for (let i = 1; i <= count; i++) {
    writeFileSync(join(dir, `draft-${String(i).padStart(width, "0")}.eml`), makeDraft(r, i, i % 10 === 0));
  }
  return dir;
}

/** A message with `bytes` of base64 attachments (and a short text body), streamed to `path`. */
export async function writeLargeEml(path, bytes, seed = 7) {
  const r = rng(seed);
  const out = createWriteStream(path);
  const write = async (text) => {
    if (!out.write(text)) await once(out, "drain");
  };
  const boundary = "----=_draftlint_bench_boundary";
  await write(
    [
      "From: Ann Example <ann@acme.com>",
      "To: Pauline Bailey <pauline@gmail.com>",
      "Subject: The brochures",
      "MIME-Version: 1.0",
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      "",
      `--${boundary}`,
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Hi Pauline,",
      "",
      "Please find attached the brochures you asked for.",
      "",
      "Ann",
      "",
    ].join("\r\n"),
  );
  const perAttachment = 20 << 20;
  let written = 0;
  for (let n = 1; written < bytes; n++) {
    await write(`--${boundary}\r\nContent-Type: application/pdf; name="brochure-${n}.pdf"\r\nContent-Disposition: attachment; filename="brochure-${n}.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n`);
    const raw = Buffer.alloc(57 * 1024);
    for (let done = 0; done < perAttachment && written < bytes; done += 76 * 1024) {
      for (let i = 0; i < raw.length; i += 4) raw.writeUInt32LE((r() * 4294967296) >>> 0, i);
      const b64 = raw.toString("base64");
      const lines = [];
      for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
      const chunk = lines.join("\r\n") + "\r\n";
      await write(chunk);
      written += chunk.length;
    }
  }
  await write(`--${boundary}--\r\n`);
  out.end();
  await once(out, "finish");
  return path;
}

/** An mbox archive of about `bytes`: generated drafts, every 50th with a 1 MB attachment. */
export async function writeLargeMbox(path, bytes, seed = 11) {
  const r = rng(seed);
  const out = createWriteStream(path);
  const write = async (text) => {
    if (!out.write(text)) await once(out, "drain");
  };
  const filler = Buffer.alloc(1 << 20, 0x41).toString("base64").replace(/.{76}/g, "$&\n");
  let written = 0;
  for (let i = 1; written < bytes; i++) {
    let message = makeDraft(r, i, i % 10 === 0).replace(/\r\n/g, "\n");
    if (i % 50 === 0) {
      const [head, ...body] = message.split("\n\n");
      message =
        head.replace("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit", 'Content-Type: multipart/mixed; boundary="b"') +
        `\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n${body.join("\n\n")}\n--b\nContent-Type: application/octet-stream; name="data.bin"\nContent-Transfer-Encoding: base64\n\n${filler}\n--b--\n`;
    }
    const text = `From ann@acme.com Tue Mar  3 10:00:00 2026\n${message.replace(/^(>*From )/gm, ">$1")}\n`;
    await write(text);
    written += text.length;
  }
  out.end();
  await once(out, "finish");
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count = "10000", seed = "1"] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node scripts/generate-drafts.mjs <dir> [count] [seed]");
    process.exit(2);
  }
  generateDrafts(dir, Number(count), Number(seed));
  console.log(`wrote ${count} drafts to ${dir}`);
}
