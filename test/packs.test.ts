// Every example of every built-in pack is a test (SPEC §4): `flag` examples must fire their
// rule, `pass` examples must not.
import { describe, expect, it } from "vitest";
import { BUILTIN_PACKS, loadBuiltinPack } from "../src/packs/loadPack.js";
import { runPackExamples } from "../src/packs/runExamples.js";
import { builtinRules } from "../src/rules/index.js";

describe.each([...BUILTIN_PACKS])("pack %s", async (name) => {
  const pack = loadBuiltinPack(name);
  const outcomes = await runPackExamples(pack);

  it("has a rule file for every rule it describes, and examples of both kinds", () => {
    const withCode = new Set(builtinRules.filter((r) => r.pack === name).map((r) => r.id));
    for (const rule of pack.rules) {
      expect(withCode.has(rule.id), `${rule.id} has no src/rules/${name}/${rule.id}.ts`).toBe(true);
      expect(rule.examples.flag.length, `${rule.id} flag examples`).toBeGreaterThan(0);
      expect(rule.examples.pass.length, `${rule.id} pass examples`).toBeGreaterThan(0);
    }
    expect(pack.rules.map((r) => r.id).sort()).toEqual([...withCode].sort());
  });

  it.each(outcomes.map((o) => [`${o.ruleId} should ${o.expect}: ${o.example.replace(/\s+/g, " ").slice(0, 90)}`, o] as const))(
    "%s",
    (_, outcome) => {
      expect(outcome.ok, outcome.fired.join("\n")).toBe(true);
    },
  );
});
