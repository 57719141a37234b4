#!/usr/bin/env node
// `npm run bench` (SPEC §8): every figure of the performance budget, measured side by side in one
// run on this machine, printed as a table and written to bench-results.json.
//
//   BENCH_QUICK=1         small sizes (1,000 drafts, 10 MB .eml, 50 MB mbox, 7 cold runs)
//   BENCH_RUNS=11         cold-start runs per command (median of the paired ratios)
//   BENCH_REAL=DIR        a folder of real sent mail (default ../shared/corpus/real-mail/sent, when present)
//   BENCH_REAL_RUNS=3     paired runs, draftlint and mailparser, on that folder
//   BENCH_DRAFTS=10000    drafts in the throughput folder
//   BENCH_EML_MB=100      size of the large .eml
//   BENCH_MBOX_MB=1024    size of the large mbox
//   BENCH_KEEP=1          keep the generated files (printed path)
//   BENCH_HISTORY=100000  messages in the generated sent mbox for `draftlint learn` (10,000 quick)
//   BENCH_ONLY=a,b        only these sections: cold, throughput, real, memory, history
//   BENCH_PACKS=a,b       lint with only these packs (a .linterrc.json in the bench folder);
//                         default: draftlint's default config, all built-in packs
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateDrafts, writeLargeEml, writeLargeMbox } from "./generate-drafts.mjs";
import { sentMailContacts, writeSentMbox } from "./generate-sent-mail.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "draftlint.js");
const quick = process.env.BENCH_QUICK === "1";
const num = (name, full, small) => Number(process.env[name] ?? (quick ? small : full));
const RUNS = num("BENCH_RUNS", 11, 7);
const REAL_RUNS = num("BENCH_REAL_RUNS", 3, 1);
const REAL = process.env.BENCH_REAL ?? join(ROOT, "..", "shared", "corpus", "real-mail", "sent");
const DRAFTS = num("BENCH_DRAFTS", 10000, 1000);
const EML_MB = num("BENCH_EML_MB", 100, 10);
const MBOX_MB = num("BENCH_MBOX_MB", 1024, 50);
const HISTORY = num("BENCH_HISTORY", 100000, 10000);

const work = mkdtempSync(join(tmpdir(), "draftlint-bench-"));
const PACKS = process.env.BENCH_PACKS?.split(",").filter(Boolean);
if (PACKS?.length) writeFileSync(join(work, ".linterrc.json"), JSON.stringify({ packs: PACKS }));
const log = (text) => process.stderr.write(`${text}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const wall = (args, options = {}) => {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], cwd: work, ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, status: result.status, stderr: String(result.stderr ?? "") };
};

const rows = [];
const row = (figure, target, measured, pass, extra = {}) => rows.push({ figure, target, measured, pass, ...extra });

// (a) Cold start: bare node and the CLI on one clean and one flagged draft, interleaved so that
// load on the machine hits all three alike.
function coldStart() {
  const clean = join(work, "clean.eml");
  const flagged = join(work, "flagged.eml");
  writeFileSync(clean, "From: Ann Example <ann@acme.com>\nTo: Bob Jones <bob@acme.com>\nSubject: The report\n\nHi Bob,\n\nThe quarterly report is ready for your review.\n\nThanks,\nAnn\n");
  writeFileSync(
    flagged,
    "From: Ann Example <ann@acme.com>\nTo: Karen Smith <karen@acme.com>\nCc: Pauline Bailey <pauline@gmail.com>\nSubject: The wedding\n\nHi Karen,\n\nHonestly the couple are a pair of clowns.\n\nAnn\n",
  );
  const flaggedStatus = wall([BIN, "--no-color", flagged]).status;
  const cleanStatus = wall([BIN, "--no-color", clean]).status;
  // Each run is set against the bare node run beside it (the ratio pair by pair), so a machine
  // whose speed drifts during the bench moves both sides of a ratio alike.
  const times = { bare: [], clean: [], flagged: [], cleanRatio: [], flaggedRatio: [] };
  for (let i = 0; i < RUNS + 1; i++) {
    const bare = wall(["-e", "0"]).ms;
    const c = wall([BIN, "--no-color", clean]).ms;
    const f = wall([BIN, "--no-color", flagged]).ms;
    if (i === 0) continue; // warm the file cache
    times.bare.push(bare);
    times.clean.push(c);
    times.flagged.push(f);
    times.cleanRatio.push(c / bare);
    times.flaggedRatio.push(f / bare);
  }
  const bare = median(times.bare);
  const clean_ = median(times.clean);
  const flagged_ = median(times.flagged);
  const cleanRatio = median(times.cleanRatio);
  const flaggedRatio = median(times.flaggedRatio);
  row("bare `node -e 0`", "—", `${bare.toFixed(0)} ms (median of ${RUNS})`, null, { ms: bare });
  row("cold start, clean draft", "≤ 2.5× bare", `${clean_.toFixed(0)} ms, ${cleanRatio.toFixed(2)}× (median of ${RUNS} pairs)${cleanStatus === 0 ? "" : ` (exit ${cleanStatus})`}`, cleanRatio <= 2.5, { ms: clean_, ratio: cleanRatio, exitCode: cleanStatus });
  row(
    "cold start, draft with a tone finding",
    "≤ 6× bare",
    `${flagged_.toFixed(0)} ms, ${flaggedRatio.toFixed(2)}× (median of ${RUNS} pairs)${flaggedStatus === 1 ? "" : flaggedStatus === 2 ? " (exit 2: file/config error, not a real lint)" : " (no error finding: tone rules not active?)"}`,
    flaggedRatio <= 6,
    { ms: flagged_, ratio: flaggedRatio, exitCode: flaggedStatus },
  );
}

// (b) Throughput: the CLI on a folder of generated drafts, and mailparser's simpleParser alone
// reading and parsing the same files (one process each, start-up included in both).
function throughput() {
  const dir = join(work, "drafts");
  log(`generating ${DRAFTS} drafts…`);
  generateDrafts(dir, DRAFTS, 1);
  const cli = wall([BIN, dir, "-f", "json", "-o", join(work, "drafts.json")], { cwd: work });
  const report = JSON.parse(readFileSync(join(work, "drafts.json"), "utf8"));
  const flaggedFiles = report.files.filter((f) => f.findings.length).length;
  const fileErrors = report.files.filter((f) => f.error).length;
  const parse = wall([parserScript(), dir]);
  const cliRate = DRAFTS / (cli.ms / 1000);
  const parseRate = DRAFTS / (parse.ms / 1000);
  row(`throughput, ${DRAFTS.toLocaleString("en")} drafts (CLI, json)`, "≥ 1,500 msg/s", `${cliRate.toFixed(0)} msg/s (${(cli.ms / 1000).toFixed(1)} s, ${flaggedFiles} with findings, ${fileErrors} file errors, exit ${cli.status})`, cliRate >= 1500, {
    ms: cli.ms,
    rate: cliRate,
  });
  row("mailparser simpleParser alone, same files", "—", `${parseRate.toFixed(0)} msg/s (${(parse.ms / 1000).toFixed(1)} s)`, null, { ms: parse.ms, rate: parseRate });
  row("draftlint vs parsing alone", "within 10×", `${(cli.ms / parse.ms).toFixed(2)}×`, cli.ms / parse.ms <= 10, { ratio: cli.ms / parse.ms });
  rmSync(dir, { recursive: true, force: true });
}

/** The parse-only yardstick: mailparser's simpleParser reading every file of `dir` on one thread. */
function parserScript() {
  const script = join(work, "parse-only.mjs");
  writeFileSync(
    script,
    `import { simpleParser } from ${JSON.stringify(join(ROOT, "node_modules/mailparser/dist/esm/index.js"))};
import { readdirSync, readFileSync } from "node:fs";
const dir = process.argv[2];
for (const f of readdirSync(dir).sort()) await simpleParser(readFileSync(dir + "/" + f));
`,
  );
  return script;
}

// (c) Real mail (SPEC §8, issue 12): draftlint on a folder of real sent email against mailparser
// parsing the same files on one thread, in turn, the ratio pair by pair; and the run's peak memory.
function realMail() {
  if (!existsSync(REAL)) {
    row("real mail vs mailparser, one thread", "≤ 2× (SPEC: 1.5×)", `not measured: no folder at ${REAL} (BENCH_REAL=DIR)`, null);
    return;
  }
  const count = readdirSync(REAL).length;
  log(`real mail: ${count} files, ${REAL_RUNS} paired runs…`);
  const script = parserScript();
  const ratios = [];
  const lintMs = [];
  const parseMs = [];
  let peak = null;
  for (let i = 0; i < REAL_RUNS; i++) {
    const lint = i === 0 ? peakRss(REAL) : { ...wall([BIN, REAL, "-f", "json", "-o", join(work, "real.json")]), mb: null };
    const parse = wall([script, REAL]);
    if (i === 0) peak = lint;
    lintMs.push(lint.ms);
    parseMs.push(parse.ms);
    ratios.push(lint.ms / parse.ms);
  }
  const ratio = median(ratios);
  row(`real mail, ${count.toLocaleString("en")} files (CLI, json)`, "—", `${(median(lintMs) / 1000).toFixed(1)} s, ${(count / (median(lintMs) / 1000)).toFixed(0)} msg/s (exit ${peak.status})`, null, { ms: median(lintMs) });
  row("mailparser simpleParser alone, one thread, same files", "—", `${(median(parseMs) / 1000).toFixed(1)} s`, null, { ms: median(parseMs) });
  row("real mail: draftlint vs parsing alone", "≤ 2× (SPEC: 1.5×)", `${ratio.toFixed(2)}× (median of ${REAL_RUNS} pairs)`, ratio <= 2, { ratio });
  row("peak RSS, real-mail folder", "< 200 MB", `${peak.mb.toFixed(0)} MB`, peak.mb < 200, { mb: peak.mb });
}

/** Peak resident memory (MB) of the CLI on one file: GNU time if present, else /proc sampling. */
function peakRss(file) {
  const out = join(work, "report.json");
  if (existsSync("/usr/bin/time")) {
    const stats = join(work, "time.txt");
    const start = process.hrtime.bigint();
    const r = spawnSync("/usr/bin/time", ["-f", "%M", "-o", stats, process.execPath, BIN, file, "-f", "json", "-o", out], { stdio: ["ignore", "ignore", "pipe"] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    return { mb: Number(readFileSync(stats, "utf8").trim().split("\n").pop()) / 1024, status: r.status, ms, stderr: String(r.stderr) };
  }
  const wrapper = `const { spawn } = require("node:child_process"); const fs = require("node:fs");
const child = spawn(process.execPath, process.argv.slice(1), { stdio: "ignore" }); let peak = 0;
const t = setInterval(() => { try { const m = /VmHWM:\\s+(\\d+)/.exec(fs.readFileSync("/proc/" + child.pid + "/status", "utf8")); if (m) peak = Math.max(peak, +m[1]); } catch {} }, 20);
child.on("exit", (code) => { clearInterval(t); console.log(JSON.stringify({ kb: peak, code })); });`;
  const start = process.hrtime.bigint();
  const res = JSON.parse(execFileSync(process.execPath, ["-e", wrapper, BIN, file, "-f", "json", "-o", out], { encoding: "utf8" }));
  return { mb: res.kb / 1024, status: res.code, ms: Number(process.hrtime.bigint() - start) / 1e6, stderr: "" };
}

async function memory() {
  const eml = join(work, "large.eml");
  log(`writing a ${EML_MB} MB .eml…`);
  await writeLargeEml(eml, EML_MB << 20);
  const e = peakRss(eml);
  row(`peak RSS, ${EML_MB} MB .eml with attachments`, "< 200 MB", `${e.mb.toFixed(0)} MB (${(e.ms / 1000).toFixed(1)} s, exit ${e.status})`, e.mb < 200 && e.status <= 2, { mb: e.mb });
  rmSync(eml, { force: true });

  if (!existsSync(join(ROOT, "src", "input", "mbox.ts"))) {
    row(`peak RSS, ${MBOX_MB} MB mbox`, "< 200 MB", "not measured: mbox support not built yet", null);
    return;
  }
  const mbox = join(work, "large.mbox");
  log(`writing a ${MBOX_MB} MB mbox…`);
  await writeLargeMbox(mbox, MBOX_MB << 20);
  const m = peakRss(mbox);
  const report = existsSync(join(work, "report.json")) ? JSON.parse(readFileSync(join(work, "report.json"), "utf8")) : { files: [] };
  row(
    `peak RSS, ${MBOX_MB} MB mbox`,
    "< 200 MB",
    `${m.mb.toFixed(0)} MB (${(m.ms / 1000).toFixed(1)} s, ${report.files.length} messages, exit ${m.status})`,
    m.mb < 200 && m.status <= 2 && report.files.length > 1,
    { mb: m.mb },
  );
  rmSync(mbox, { force: true });
}

// (e) The recipient history (issue 15): `draftlint learn` on a generated sent mbox, the index's
// size, a re-run with nothing new, and what consulting the index adds to a cold start: a clean
// draft to a regular contact with the index against the same draft with none (pair by pair),
// and against bare node; and a draft to a new outsider (the look-alike scan).
async function history() {
  const mbox = join(work, "Sent.mbox");
  const index = join(work, "history");
  log(`writing a ${HISTORY.toLocaleString("en")}-message sent mbox…`);
  await writeSentMbox(mbox, HISTORY, 1);
  const learn = wall([BIN, "learn", mbox, "--history", index]);
  const size = statSync(index).size;
  const again = wall([BIN, "learn", mbox, "--history", index]);
  row(`learn, ${HISTORY.toLocaleString("en")} sent messages (mbox)`, "100k well under 1 min", `${(learn.ms / 1000).toFixed(1)} s (${Math.round(HISTORY / (learn.ms / 1000)).toLocaleString("en")} msg/s), again with nothing new ${(again.ms / 1000).toFixed(1)} s${learn.status ? ` (exit ${learn.status})` : ""}`, learn.status === 0 && (HISTORY / (learn.ms / 1000)) >= 100000 / 30, { ms: learn.ms, againMs: again.ms });
  row("history index size", "—", `${(size / 1024).toFixed(0)} KB (${((size / 1024) * (10000 / HISTORY)).toFixed(0)} KB per 10k messages)`, null, { bytes: size });
  const top = sentMailContacts(HISTORY, 1).find((p) => !p.address.endsWith("@northwind.example"));
  const known = join(work, "known.eml");
  const stranger = join(work, "stranger.eml");
  const body = "Subject: The report\n\nHi,\n\nThe quarterly report is ready for your review.\n\nThanks,\nAnn\n";
  writeFileSync(known, `From: Ann Example <ann@northwind.example>\nTo: ${top.name} <${top.address}>\n${body}`);
  writeFileSync(stranger, `From: Ann Example <ann@northwind.example>\nTo: Sam New <sam@brand-new-client.example>\n${body}`);
  const times = { bare: [], without: [], with: [], stranger: [], vsBare: [], vsWithout: [], strangerVsWithout: [] };
  for (let i = 0; i < RUNS + 1; i++) {
    const bare = wall(["-e", "0"]).ms;
    const without = wall([BIN, "--no-color", known, "--history", join(work, "no-index")]).ms;
    const withIndex = wall([BIN, "--no-color", known, "--history", index]).ms;
    const strangerMs = wall([BIN, "--no-color", stranger, "--history", index]).ms;
    if (i === 0) continue;
    times.vsBare.push(withIndex / bare);
    times.vsWithout.push(withIndex / without);
    times.strangerVsWithout.push(strangerMs / without);
    times.with.push(withIndex);
    times.without.push(without);
  }
  const delta = median(times.with) - median(times.without);
  row("cold start, draft to a regular contact, index consulted", "adds ≈ 0", `${median(times.with).toFixed(0)} ms, ${median(times.vsWithout).toFixed(2)}× the same draft with no index (${delta >= 0 ? "+" : ""}${delta.toFixed(0)} ms), ${median(times.vsBare).toFixed(2)}× bare node`, null, { ratio: median(times.vsWithout), vsBare: median(times.vsBare) });
  row("cold start, draft to a new outsider (look-alike scan)", "—", `${median(times.strangerVsWithout).toFixed(2)}× the known-contact draft with no index`, null, { ratio: median(times.strangerVsWithout) });
  rmSync(mbox, { force: true });
}

function printTable() {
  const head = ["figure", "target", "measured", "pass"];
  const cells = rows.map((r) => [r.figure, r.target, r.measured, r.pass === null ? "" : r.pass ? "yes" : "NO"]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(" | ")} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const c of cells) console.log(line(c));
}

try {
  if (!existsSync(join(ROOT, "dist", "cli.js"))) throw new Error("dist/ is missing: run `npm run build` (npm run bench does)");
  const started = Date.now();
  const only = process.env.BENCH_ONLY?.split(",").filter(Boolean);
  const section = (name) => !only || only.includes(name);
  if (section("cold")) {
    log("cold start…");
    coldStart();
  }
  if (section("throughput")) throughput();
  if (section("real")) realMail();
  if (section("memory")) await memory();
  if (section("history")) await history();
  printTable();
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: (await import("node:os")).cpus().length,
    quick,
    packs: PACKS ?? "default",
    seconds: (Date.now() - started) / 1000,
    figures: rows,
  };
  writeFileSync(join(ROOT, "bench-results.json"), `${JSON.stringify(result, null, 2)}\n`);
  log(`bench-results.json written (${result.seconds.toFixed(0)} s)`);
} finally {
  if (process.env.BENCH_KEEP === "1") log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
