// Regression guard on the independent held-out set (test/tone/heldout.jsonl): texts of the corpus's
// kinds, written separately from the development corpus and from the pack's examples. Each line is
// linted as a bare text; it counts as flagged when disparaging-customer, gatekeeping or
// condescension fires (as in `npm run eval`). Precision comes first: a false alarm is worse than
// a miss. Do not relabel lines to make this pass; fix the rules or accept the miss.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintTone } from "./helpers.js";

interface Item {
  id: string;
  label: "disparaging" | "ok";
  category: string;
  text: string;
}

const FLAGGING = new Set(["disparaging-customer", "gatekeeping", "condescension"]);
const items: Item[] = readFileSync(new URL("./heldout.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Item);

describe("tone held-out set", () => {
  it("is a labelled set of both kinds", () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(items.filter((i) => i.label === "disparaging").length).toBeGreaterThan(50);
    expect(items.filter((i) => i.label === "ok").length).toBeGreaterThan(50);
  });

  it("scores precision >= 0.95 and recall >= 0.85", async () => {
    const rows = [];
    for (const item of items) {
      const result = await lintTone(item.text, "text");
      const fired = result.findings.filter((f) => FLAGGING.has(f.ruleId));
      rows.push({ item, flagged: fired.length > 0, fired });
    }
    const tp = rows.filter((r) => r.item.label === "disparaging" && r.flagged).length;
    const fp = rows.filter((r) => r.item.label === "ok" && r.flagged);
    const misses = rows.filter((r) => r.item.label === "disparaging" && !r.flagged);
    const precision = tp + fp.length ? tp / (tp + fp.length) : 1;
    const recall = tp / (tp + misses.length);
    const report = [
      `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
      `false alarms (${fp.length}):`,
      ...fp.map((r) => `  ${r.item.id} [${r.item.category}] ${r.item.text}\n      ${r.fired.map((f) => `${f.ruleId}: ${f.message}`).join("\n      ")}`),
      `misses (${misses.length}):`,
      ...misses.map((r) => `  ${r.item.id} [${r.item.category}] ${r.item.text}`),
    ].join("\n");
    expect(precision, report).toBeGreaterThanOrEqual(0.95);
    expect(recall, report).toBeGreaterThanOrEqual(0.85);
  }, 60_000);
});
