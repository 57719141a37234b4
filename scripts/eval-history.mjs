// Measures the history pack on real sent mail (../shared/corpus/real-mail/, the Enron sample, when
// it is there): for each mailbox, `draftlint learn` on the older half of its sent messages, then
// the newer half linted against that index, as that user would have linted them. Prints findings
// per rule and message per 1,000 linted messages, and a seeded sample of each to judge by reading.
//
//   npm run eval:history                       counts, and 8 samples of each kind of finding
//   npm run eval:history -- --sample 20 --seed 3
//   npm run eval:history -- --min-history 0    also the plain first-time findings of short histories
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { rng } from "./generate-drafts.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const sample = option("--sample", 8);
const seed = option("--seed", 1);
const minHistory = option("--min-history", undefined);

const corpus = fileURLToPath(new URL("../../shared/corpus/real-mail/", import.meta.url));
if (!existsSync(join(corpus, "manifest.csv"))) {
  console.log(`eval:history: no corpus at ${corpus}; nothing to measure.`);
  process.exit(0);
}
const cli = fileURLToPath(new URL("../bin/draftlint.js", import.meta.url));
const { lintFile } = await import(new URL("../dist/index.js", import.meta.url).href);

const rows = readFileSync(join(corpus, "manifest.csv"), "utf8").trim().split("\n").slice(1).map((line) => line.split(","));
const byMailbox = new Map();
for (const [file, mailbox] of rows) {
  const path = join(corpus, file);
  const head = readFileSync(path, "latin1").split(/\r?\n\r?\n/)[0];
  const date = Date.parse(/^Date:\s*(.+)$/im.exec(head)?.[1]?.replace(/\s*\([^)]*\)\s*$/, "") ?? "") || 0;
  if (!byMailbox.has(mailbox)) byMailbox.set(mailbox, []);
  byMailbox.get(mailbox).push({ path, date });
}

const work = mkdtempSync(join(tmpdir(), "draftlint-eval-history-"));
const findings = [];
let linted = 0;
let learnt = 0;
try {
  for (const [mailbox, messages] of byMailbox) {
    messages.sort((a, b) => a.date - b.date);
    const half = Math.floor(messages.length / 2);
    const older = messages.slice(0, half);
    const newer = messages.slice(half);
    if (!older.length) continue;
    const index = join(work, mailbox);
    const run = spawnSync(process.execPath, [cli, "learn", "--history", index, ...older.map((m) => m.path)], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`learn ${mailbox}: ${run.stderr || run.stdout}`);
    learnt += older.length;
    const rules = minHistory === undefined ? {} : { "first-time-recipient": ["warn", { minHistory }] };
    const config = { internalDomains: ["enron.com"], packs: ["history"], history: index, rules };
    for (const m of newer) {
      const result = await lintFile(m.path, { config });
      linted++;
      for (const f of result.findings) findings.push({ mailbox, file: m.path.slice(corpus.length), ...f });
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const per1000 = (n) => ((n * 1000) / Math.max(1, linted)).toFixed(1);
console.log(`${byMailbox.size} mailboxes: learnt ${learnt} older messages, linted ${linted} newer ones`);
const kinds = new Map();
for (const f of findings) {
  const key = `${f.ruleId} ${f.messageId} (${f.severity})`;
  if (!kinds.has(key)) kinds.set(key, []);
  kinds.get(key).push(f);
}
console.log("\nfindings per 1,000 linted messages:");
for (const [key, list] of [...kinds].sort()) console.log(`  ${key.padEnd(60)} ${String(list.length).padStart(5)}  ${per1000(list.length).padStart(6)}`);
const random = rng(seed);
for (const [key, list] of [...kinds].sort()) {
  console.log(`\n${key}: ${Math.min(sample, list.length)} of ${list.length}`);
  const pool = [...list];
  for (let i = 0; i < sample && pool.length; i++) {
    const f = pool.splice(Math.floor(random() * pool.length), 1)[0];
    console.log(`  ${f.mailbox} ${f.file}: ${f.message}`);
  }
}
