// Every example in rules/tone.yaml is a test: each `flag` example must make its rule fire and
// each `pass` example must not.
import { describe, expect, it } from "vitest";
import { loadBuiltinPack } from "../../src/packs/loadPack.js";
import { runPackExamples } from "../../src/packs/runExamples.js";

const outcomes = await runPackExamples(loadBuiltinPack("tone"));

describe("rules/tone.yaml examples", () => {
  it("has examples for every rule", () => {
    const rules = new Set(outcomes.map((o) => o.ruleId));
    expect([...rules].sort()).toEqual(["condescension", "disparaging-customer", "gatekeeping", "profanity", "secrecy", "shouting", "unkind-preface"]);
  });
  for (const outcome of outcomes) {
    const label = `${outcome.ruleId} ${outcome.expect}: ${outcome.example.replace(/\s+/g, " ").slice(0, 90)}`;
    it(label, () => {
      expect(outcome.ok, outcome.fired.join("\n")).toBe(true);
    });
  }
});
