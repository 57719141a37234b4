// The tone constructions read their words from the packs in use, and those words are checked
// against the keys the code declares: an edited copy of rules/tone.yaml is what `test-pack` tests,
// and a misspelt key is an error naming the file and the key, never a construction switched off.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { loadPackFile } from "../../src/packs/loadPack.js";
import { runPackExamples } from "../../src/packs/runExamples.js";
import { checkDataKeys } from "../../src/engine/ruleSet.js";
import { builtinRules } from "../../src/rules/index.js";
import type { PackRule } from "../../src/packs/schema.js";

const ROOT = join(import.meta.dirname, "..", "..");

/** rules/tone.yaml as a user would copy it (less its lexicons), cut to the rules named, with `edit` applied. */
function editedCopy(ids: string[], edit: (rules: Record<string, any>) => void): string {
  const pack = yaml.load(readFileSync(join(ROOT, "rules", "tone.yaml"), "utf8")) as Record<string, any>;
  delete pack.lexicons;
  pack.rules = pack.rules.filter((r: PackRule) => ids.includes(r.id));
  for (const rule of pack.rules) rule.examples = { flag: [], pass: [] };
  edit(Object.fromEntries(pack.rules.map((r: PackRule) => [r.id, r])));
  const path = join(mkdtempSync(join(tmpdir(), "draftlint-tone-copy-")), "tone.yaml");
  writeFileSync(path, yaml.dump(pack));
  return path;
}

describe("tone constructions on an edited copy of the pack", () => {
  it("test-pack reads the copy's word lists, not the built-in ones", async () => {
    const sentence = "Honestly, the client is a jobsworth.";
    const builtin = editedCopy(["disparaging-customer"], (rules) => {
      rules["disparaging-customer"].examples.pass = [sentence];
    });
    const edited = editedCopy(["disparaging-customer"], (rules) => {
      rules["disparaging-customer"].patterns.insultNouns.push("jobsworth");
      rules["disparaging-customer"].examples.flag = [{ text: sentence, target: "the client", messageId: "insult" }];
    });
    expect((await runPackExamples(loadPackFile(builtin))).map((o) => o.ok)).toEqual([true]);
    expect((await runPackExamples(loadPackFile(edited))).map((o) => o.ok)).toEqual([true]);
  });

  it("profanity skips what the copy's disparaging-customer reports, even with that rule off", async () => {
    // "cunt" is a swear word of the lexicon but no insult noun of the built-in pack (nor of WordNet's,
    // which gives it another sense), so only the copy reads it as an epithet pointing at them.
    const sentence = { text: "That cunt from Acme rang again.", config: { rules: { "disparaging-customer": "off" } } };
    const edited = editedCopy(["disparaging-customer", "profanity"], (rules) => {
      rules["disparaging-customer"].patterns.insultNouns.push("cunt");
      rules.profanity.examples.pass = [sentence];
    });
    const builtin = editedCopy(["disparaging-customer", "profanity"], (rules) => {
      rules.profanity.examples.flag = [sentence];
    });
    expect((await runPackExamples(loadPackFile(edited))).map((o) => o.ok)).toEqual([true]);
    expect((await runPackExamples(loadPackFile(builtin))).map((o) => o.ok)).toEqual([true]);
  });

  it("a misspelt word-list key in the copy is an error naming the file and the key", () => {
    const path = editedCopy(["disparaging-customer"], (rules) => {
      const patterns = rules["disparaging-customer"].patterns;
      patterns.pityCue = patterns.pityCues;
      delete patterns.pityCues;
    });
    expect(() => loadPackFile(path)).toThrow(/tone\.yaml: rules\.0\.patterns\.pityCue: not a key disparaging-customer reads/);
  });
});

describe("declared data keys", () => {
  const rule = builtinRules.find((r) => r.id === "gatekeeping")!;
  const data = (patterns: Record<string, unknown>) => ({ id: "gatekeeping", patterns }) as PackRule;
  const all = Object.fromEntries(rule.dataKeys!.map((k) => [k, []]));

  it("every tone rule declares the keys its code reads", () => {
    for (const r of builtinRules.filter((x) => x.pack === "tone")) expect(r.dataKeys, r.id).toBeDefined();
  });

  it("accepts exactly the declared keys", () => {
    expect(() => checkDataKeys(rule, data(all), "p.yaml: rules.3")).not.toThrow();
  });

  it("rejects an unknown key and a missing one, naming the file and the key", () => {
    expect(() => checkDataKeys(rule, data({ ...all, separableDeterrent: [] }), "p.yaml: rules.3")).toThrow(/^p\.yaml: rules\.3\.patterns\.separableDeterrent: not a key gatekeeping reads/);
    const { costingVerbs: _, ...missing } = all;
    expect(() => checkDataKeys(rule, data(missing), "p.yaml: rules.3")).toThrow(/^p\.yaml: rules\.3\.patterns\.costingVerbs: missing/);
  });
});
