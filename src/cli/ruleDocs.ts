/** `draftlint rules` and `draftlint explain`: documentation read from the packs' metadata. */
import type { ChalkInstance } from "chalk";
import { BUILTIN_PACKS, loadBuiltinPack } from "../packs/loadPack.js";
import type { PackExample, PackRule } from "../packs/schema.js";
import type { DefaultSeverity } from "../engine/rule.js";

export function severityLabel(severity: DefaultSeverity): string {
  return typeof severity === "string" ? severity : `${severity.internal} → ${severity.external}`;
}

export interface DocumentedRule {
  pack: string;
  rule: PackRule;
}

export function allBuiltinRules(): DocumentedRule[] {
  return BUILTIN_PACKS.flatMap((pack) => loadBuiltinPack(pack).rules.map((rule) => ({ pack, rule })));
}

/** The built-in rules, then those of the packs a config adds (`packs: [./packs/hospitality.yaml]`). */
export function rulesWith(extra: DocumentedRule[]): DocumentedRule[] {
  const rows = allBuiltinRules();
  const known = new Set(rows.map((r) => r.rule.id));
  return [...rows, ...extra.filter((r) => !known.has(r.rule.id))];
}

export function formatRuleList(c: ChalkInstance, rows: DocumentedRule[] = allBuiltinRules()): string {
  let idWidth = 0;
  for (const r of rows) idWidth = Math.max(idWidth, r.rule.id.length);
  const lines: string[] = [];
  let pack = "";
  for (const { pack: p, rule } of rows) {
    if (p !== pack) {
      lines.push("", c.bold(p));
      pack = p;
    }
    lines.push(`  ${rule.id.padEnd(idWidth)}  ${severityLabel(rule.severity).padEnd(15)}  ${rule.description}`);
  }
  return lines.join("\n").trimStart() + "\n";
}

function exampleText(example: PackExample): string {
  if (typeof example === "string") return example;
  return (example.text ?? example.eml ?? "").trim();
}

export function formatExplain(id: string, c: ChalkInstance, rows: DocumentedRule[] = allBuiltinRules()): string | null {
  const found = rows.find((r) => r.rule.id === id);
  if (!found) return null;
  const { pack, rule } = found;
  const out = [
    `${c.bold(rule.id)}  (pack ${pack}, default ${severityLabel(rule.severity)})`,
    "",
    rule.description,
    "",
    rule.explanation.trim(),
  ];
  const indent = (t: string) => t.split("\n").map((l) => "      " + l).join("\n");
  if (rule.examples.flag.length) {
    out.push("", c.bold("Flagged:"));
    for (const e of rule.examples.flag.slice(0, 5)) out.push(`  ${c.red("✖")}` + indent(exampleText(e)).slice(3));
  }
  if (rule.examples.pass.length) {
    out.push("", c.bold("Not flagged:"));
    for (const e of rule.examples.pass.slice(0, 5)) out.push(`  ${c.green("✓")}` + indent(exampleText(e)).slice(3));
  }
  out.push("", `Turn it off or change its severity in .linterrc:  rules: { ${rule.id}: off }`);
  return out.join("\n") + "\n";
}
