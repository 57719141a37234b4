// Scores the tone rules on the development corpus (../shared/corpus/tone-dev.jsonl), or on
// another set of the same format with `--set FILE` (e.g. `--set test/tone/heldout.jsonl`): each text
// is linted as a bare text with the built library, and counts as flagged when
// disparaging-customer, gatekeeping or condescension fires. Prints precision, recall, F1 and the
// false-positive rate overall and per category, then the misses and false alarms; the last four
// lines are the overall summary.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const setFlag = process.argv.indexOf("--set");
const setArg = setFlag >= 0 ? process.argv[setFlag + 1] : process.argv.find((a) => a.startsWith("--set="))?.slice(6);
if (setFlag >= 0 && !setArg) {
  console.error("eval: --set needs a file");
  process.exit(2);
}
const corpusPath = setArg ? resolve(setArg) : fileURLToPath(new URL("../../shared/corpus/tone-dev.jsonl", import.meta.url));
if (!existsSync(corpusPath)) {
  if (setArg) {
    console.error(`eval: no such set: ${corpusPath}`);
    process.exit(2);
  }
  console.log(`eval: no development corpus at ${corpusPath}; nothing to score.`);
  process.exit(0);
}
if (setArg) console.log(`eval: scoring ${corpusPath}\n`);

const { lint } = await import(new URL("../dist/index.js", import.meta.url).href);
const FLAGGING = new Set(["disparaging-customer", "gatekeeping", "condescension"]);

const items = readFileSync(corpusPath, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line));

// The default config runs every built-in pack. If another pack is mid-edit and does not load,
// score the tone pack alone rather than not at all (only tone rules are counted anyway).
let config = {};
try {
  await lint("", { input: "text", config });
} catch (err) {
  console.log(`eval: default config does not load (${err.message}); scoring with packs: [tone]\n`);
  config = { packs: ["tone"] };
}

const results = [];
for (const item of items) {
  const result = await lint(item.text, { input: "text", config });
  const fired = result.findings.filter((f) => FLAGGING.has(f.ruleId));
  results.push({ item, flagged: fired.length > 0, fired });
}

function score(rows) {
  const tp = rows.filter((r) => r.item.label === "disparaging" && r.flagged).length;
  const fn = rows.filter((r) => r.item.label === "disparaging" && !r.flagged).length;
  const fp = rows.filter((r) => r.item.label === "ok" && r.flagged).length;
  const tn = rows.filter((r) => r.item.label === "ok" && !r.flagged).length;
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const fpRate = fp + tn ? fp / (fp + tn) : 0;
  return { n: rows.length, tp, fn, fp, tn, precision, recall, f1, fpRate };
}

const pct = (x) => (x * 100).toFixed(1).padStart(5) + "%";
const categories = [...new Set(items.map((i) => i.category))];
console.log("category                         label        n   flagged  recall / fp-rate");
for (const category of categories) {
  const rows = results.filter((r) => r.item.category === category);
  const label = rows[0].item.label;
  const flagged = rows.filter((r) => r.flagged).length;
  const rate = label === "disparaging" ? `recall ${pct(flagged / rows.length)}` : `fp     ${pct(flagged / rows.length)}`;
  console.log(`${category.padEnd(32)} ${label.padEnd(12)} ${String(rows.length).padStart(3)}   ${String(flagged).padStart(5)}   ${rate}`);
}

const misses = results.filter((r) => r.item.label === "disparaging" && !r.flagged);
const falseAlarms = results.filter((r) => r.item.label === "ok" && r.flagged);
console.log(`\nMisses (${misses.length}):`);
for (const r of misses) console.log(`  ${r.item.id} [${r.item.category}] ${r.item.text}`);
console.log(`\nFalse alarms (${falseAlarms.length}):`);
for (const r of falseAlarms) {
  console.log(`  ${r.item.id} [${r.item.category}] ${r.item.text}`);
  for (const f of r.fired) console.log(`      ${f.ruleId}: target "${f.target}" — ${f.message}`);
}

const all = score(results);
console.log("\nOverall:");
console.log(`  texts ${all.n}: ${all.tp} true positives, ${all.fp} false positives, ${all.fn} misses, ${all.tn} true negatives`);
console.log(`  precision ${all.precision.toFixed(3)}  recall ${all.recall.toFixed(3)}  F1 ${all.f1.toFixed(3)}  false-positive rate ${pct(all.fpRate).trim()}`);
console.log(`  targets: precision >= 0.970, recall >= 0.900, false-positive rate <= 2.0%  ${all.precision >= 0.97 && all.recall >= 0.9 && all.fpRate <= 0.02 ? "(met)" : "(not met)"}`);
