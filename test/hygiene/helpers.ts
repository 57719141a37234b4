/** Shared set-up for the hygiene unit tests: the pack's own data, compiled as the rules compile it. */
import { loadBuiltinPack } from "../../src/packs/loadPack.js";
import type { PackRule } from "../../src/packs/schema.js";
import { lint } from "../../src/index.js";
import type { FileResult, Finding } from "../../src/index.js";

export function hygieneRule(id: string): PackRule {
  const rule = loadBuiltinPack("hygiene").rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id} in rules/hygiene.yaml`);
  return rule;
}

/** An email draft from header lines and a body. */
export function eml(headers: Record<string, string>, body: string): string {
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return `${lines.join("\n")}\n\n${body}`;
}

export async function lintDraft(source: string, config: Record<string, unknown> = {}, input?: "eml" | "text"): Promise<FileResult> {
  return lint(source, { config, filename: input === "text" ? "draft.txt" : "draft.eml", input });
}

export function only(result: FileResult, ruleId: string): Finding[] {
  return result.findings.filter((f) => f.ruleId === ruleId);
}
