/**
 * The rules that run for one config: every rule of every enabled pack, matched to its code by id.
 * A pack entry with no code of its own but with `phrases` runs as a phrase rule, so a user can
 * add a rule without writing code.
 */
import type { Pack, PackRule } from "../packs/schema.js";
import { resolvePack } from "../packs/loadPack.js";
import { ConfigError } from "../config/errors.js";
import type { Rule } from "./rule.js";
import { builtinRules } from "../rules/index.js";
import { phraseRule } from "../rules/phraseRule.js";

export interface ActiveRule {
  rule: Rule<any>;
  data: PackRule;
  pack: Pack;
}

const codeById = new Map(builtinRules.map((rule) => [rule.id, rule]));

export function buildRuleSet(packNames: string[], configDir: string): ActiveRule[] {
  const active: ActiveRule[] = [];
  const seen = new Set<string>();
  for (const name of packNames) {
    const pack = resolvePack(name, configDir);
    pack.rules.forEach((data, index) => {
      if (seen.has(data.id)) {
        throw new ConfigError(`${pack.source}: rules.${index}.id: rule "${data.id}" is already defined by another pack`);
      }
      seen.add(data.id);
      const code = codeById.get(data.id);
      if (code) {
        checkDataKeys(code, data, `${pack.source}: rules.${index}`);
        active.push({ rule: code, data, pack });
      }
      else if (data.phrases?.length) active.push({ rule: phraseRule(data.id, pack.pack), data, pack });
      else {
        throw new ConfigError(
          `${pack.source}: rules.${index}: rule "${data.id}" has no built-in logic; give it \`phrases\` to match`,
        );
      }
    });
  }
  return active;
}

/**
 * A pack entry gives exactly the `patterns` keys its rule's code declares (`dataKeys`): an unknown
 * or misspelt key is no list the code reads, and a missing one is a list the code reads as empty.
 * Throws a ConfigError naming the pack file and the key.
 */
export function checkDataKeys(rule: Rule<any>, data: PackRule, where: string): void {
  if (!rule.dataKeys) return;
  const declared = new Set(rule.dataKeys);
  const expected = rule.dataKeys.join(", ");
  for (const key of Object.keys(data.patterns)) {
    if (!declared.has(key)) throw new ConfigError(`${where}.patterns.${key}: not a key ${rule.id} reads (expected ${expected})`);
  }
  for (const key of rule.dataKeys) {
    if (!(key in data.patterns)) throw new ConfigError(`${where}.patterns.${key}: missing (${rule.id} reads ${expected}; an empty list is allowed)`);
  }
}

/** Every rule id a config may name: the built-in packs plus the user's packs. */
export function knownRuleIds(ruleSet: ActiveRule[]): Set<string> {
  return new Set(ruleSet.map((r) => r.data.id));
}
