// How many findings the tone model alone would make on real sent mail at each threshold, per
// class: the lint-time side of choosing the thresholds in rules/tone-model/weights.json (the
// held-out writers of `npm run train -- --scores FILE` are the other side). The CLI lints the
// folder as users get it (recipients, audience, quoted history), from a private copy of the
// built package whose weights are rewritten for each threshold; the repository is not touched.
//
//   npm run build && node scripts/model-alarms-real.mjs [folder] [--internal-domain D]
//
// A model finding is one whose messageId is "judged" (src/tone/model/modelJudgements.ts). A
// sentence's class does not depend on the thresholds, so one run at threshold t counts every
// class at t.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const domainAt = args.indexOf("--internal-domain");
const domain = domainAt >= 0 ? args[domainAt + 1] : "enron.com";
const folder = resolve(args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--internal-domain") ?? join(ROOT, "..", "shared", "corpus", "real-mail"));
if (!existsSync(folder)) {
  console.error(`model-alarms-real: no folder ${folder}`);
  process.exit(2);
}
const GRID = [0.9, 0.95, 0.97, 0.98, 0.985, 0.99, 0.993, 0.995, 0.997, 0.998, 0.999, 0.9995];
const RULES = ["disparaging-customer", "gatekeeping", "condescension"];

const copy = mkdtempSync(join(tmpdir(), "draftlint-thresholds-"));
try {
  for (const part of ["bin", "dist", "rules", "package.json"]) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"));
  const weightsFile = join(copy, "rules", "tone-model", "weights.json");
  const weights = JSON.parse(readFileSync(weightsFile, "utf8"));
  console.log(`model findings on ${folder} (internal: ${domain}); shipped thresholds ${JSON.stringify(weights.thresholds)}\n`);
  console.log(["threshold", ...RULES].map((h) => h.padStart(22)).join(""));
  for (const t of GRID) {
    writeFileSync(weightsFile, JSON.stringify({ ...weights, thresholds: Object.fromEntries(Object.keys(weights.thresholds).map((c) => [c, t])) }));
    const run = spawnSync(process.execPath, [join(copy, "bin", "draftlint.js"), "--internal-domain", domain, "-f", "json", folder], { encoding: "utf8", maxBuffer: 1 << 30 });
    if (run.status !== 0 && run.status !== 1) throw new Error(`draftlint exited ${run.status}: ${run.stderr}`);
    const counts = Object.fromEntries(RULES.map((r) => [r, 0]));
    for (const file of JSON.parse(run.stdout).files) {
      for (const f of file.findings ?? []) if (f.messageId === "judged" && f.ruleId in counts) counts[f.ruleId]++;
    }
    console.log([t, ...RULES.map((r) => counts[r])].map((v) => String(v).padStart(22)).join(""));
  }
} finally {
  // The link first: a recursive removal that followed it would empty the repository's node_modules.
  unlinkSync(join(copy, "node_modules"));
  rmSync(copy, { recursive: true, force: true });
}
