// Measures every rule on a folder of real sent mail (default ../shared/corpus/real-mail/, the
// Enron sample; any folder as the first argument): findings per rule per 1,000 messages, and with
// `--rule ID [--sample N] [--seed S]` a reproducible sample of that rule's findings, each with the
// file, where it is and the text it rests on, to be judged by reading. Real mail has no labels:
// the figures say how noisy a rule is, the samples say whether the noise is right.
//
//   npm run eval:real                                   counts on ../shared/corpus/real-mail/
//   npm run eval:real -- some/folder --internal-domain acme.com
//   npm run eval:real -- --rule greeting-mismatch --sample 20
//
// The CLI itself does the linting (`-f json`, every core), so what is measured is what users get.
import { existsSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { rng } from "./generate-drafts.mjs";

function usage(message) {
  console.error(`eval:real: ${message}`);
  console.error("usage: npm run eval:real -- [folder] [--internal-domain D]... [--rule ID] [--sample N] [--seed S]");
  process.exit(2);
}

const args = process.argv.slice(2);
const options = { folder: null, domains: [], rule: null, sample: 10, seed: 1 };
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  const value = () => (i + 1 < args.length ? args[++i] : usage(`${arg} needs a value`));
  if (arg === "--internal-domain") options.domains.push(value());
  else if (arg === "--rule") options.rule = value();
  else if (arg === "--sample") options.sample = Number(value());
  else if (arg === "--seed") options.seed = Number(value());
  else if (arg.startsWith("--")) usage(`unknown option ${arg}`);
  else if (options.folder) usage("one folder at a time");
  else options.folder = arg;
}
if (!Number.isInteger(options.sample) || options.sample < 1) usage("--sample needs a whole number ≥ 1");
if (!Number.isInteger(options.seed)) usage("--seed needs a whole number");
// The Enron sample's own organisation; a folder of someone else's mail names its own.
if (options.domains.length === 0) options.domains.push("enron.com");

const folder = options.folder
  ? resolve(options.folder)
  : fileURLToPath(new URL("../../shared/corpus/real-mail/", import.meta.url));
// A clone without ../shared has no corpus: that is no failure, there is just nothing to measure.
if (!existsSync(folder)) {
  console.log(`eval:real: no folder at ${folder}; nothing to measure.`);
  process.exit(0);
}

const cli = fileURLToPath(new URL("../bin/draftlint.js", import.meta.url));
const run = spawnSync(
  process.execPath,
  // The folder goes first: --internal-domain takes every value that follows it.
  [cli, folder, "-f", "json", ...options.domains.flatMap((d) => ["--internal-domain", d])],
  { encoding: "utf8", maxBuffer: 1 << 30 },
);
if (run.status !== 0 && run.status !== 1) {
  console.error(run.stderr.trim());
  // Exit 2 with a report still means some files did not parse: count the rest, say how many.
  if (!run.stdout.trim().startsWith("{")) process.exit(2);
}
const report = JSON.parse(run.stdout);
// Mail only: a folder's README.md or notes are linted as bare text by a directory walk, but they
// are not messages and must not count in a rate per 1,000 messages.
const isMail = (file) => /\.(?:eml|msg)$/i.test(file) || /\.mbox(?:#\d+)?$/i.test(file);
const messages = report.files.filter((f) => !f.error && isMail(f.file));
const perThousand = (n) => ((n * 1000) / Math.max(1, messages.length)).toFixed(1);

if (!options.rule) {
  const counts = new Map();
  const filesWith = new Map();
  for (const file of messages) {
    const seen = new Set();
    for (const finding of file.findings) {
      counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
      if (!seen.has(finding.ruleId)) filesWith.set(finding.ruleId, (filesWith.get(finding.ruleId) ?? 0) + 1);
      seen.add(finding.ruleId);
    }
  }
  console.log(`eval:real: ${messages.length} messages in ${folder} (internal: ${options.domains.join(", ")})`);
  if (report.summary.fileErrors) console.log(`  ${report.summary.fileErrors} files could not be read`);
  console.log("");
  console.log(`${"rule".padEnd(32)} ${"findings".padStart(8)} ${"per 1,000".padStart(10)} ${"messages".padStart(9)}`);
  for (const [rule, n] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    console.log(`${rule.padEnd(32)} ${String(n).padStart(8)} ${perThousand(n).padStart(10)} ${String(filesWith.get(rule)).padStart(9)}`);
  }
  process.exit(0);
}

const hits = messages.flatMap((file) => file.findings.filter((f) => f.ruleId === options.rule).map((finding) => ({ file, finding })));
console.log(`eval:real: ${options.rule}: ${hits.length} findings in ${messages.length} messages (${perThousand(hits.length)} per 1,000)`);
// Seeded (mulberry32, as the bench drafts are): the same seed gives the same sample, so a
// judgement written down can be checked again after a change.
const next = rng(options.seed);
const pool = [...hits];
const picked = [];
while (picked.length < options.sample && pool.length) picked.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
picked.sort((a, b) => a.file.file.localeCompare(b.file.file));

/** The body line a finding points at, read from the file when it is plain text there. */
function sourceLine(file, finding) {
  const line = finding.location?.fileLine;
  if (!line) return null;
  try {
    return readFileSync(file.file, "utf8").split(/\r?\n/)[line - 1] ?? null;
  } catch {
    return null;
  }
}

for (const { file, finding } of picked) {
  const where = finding.location.section === "header" ? `header ${finding.location.header}` : `${finding.location.section} ${finding.location.line}:${finding.location.column}`;
  console.log(`\n── ${file.file}  (${where})`);
  console.log(`   ${finding.message}`);
  if (finding.excerpt) console.log(`   │ ${finding.excerpt.replace(/\s+/g, " ").slice(0, 300)}`);
  const line = finding.location.section === "header" ? null : sourceLine(file, finding);
  if (line && !finding.excerpt?.includes(line.trim())) console.log(`   │ line: ${line.trim().slice(0, 200)}`);
}
