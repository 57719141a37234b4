/**
 * Inline suppressions, as ESLint's disable comments: a template or draft can silence a rule where
 * a finding is intended, inside any comment syntax the file uses (`{{!-- --}}`, `<!-- -->`,
 * `{# #}`, or plain text in a .txt template):
 *
 *   draftlint-disable-next-line unfilled-placeholder
 *   draftlint-disable-line
 *   draftlint-disable shouting, secrecy   …   draftlint-enable shouting, secrecy
 *
 * With no rule ids, every rule. Only body findings are suppressed: a directive in the body cannot
 * hide who the message goes to.
 */
import type { Body, Finding } from "../types.js";

const DIRECTIVE = /draftlint-(disable-next-line|disable-line|disable|enable)\b([^\n]*)/g;

interface Range {
  fromLine: number;
  toLine: number;
  rules: Set<string> | "all";
}

function ruleList(rest: string): Set<string> | "all" {
  const ids = rest.match(/[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g) ?? [];
  return ids.length ? new Set(ids) : "all";
}

export function findSuppressions(body: Body): Range[] {
  if (!body.text.includes("draftlint-")) return [];
  const ranges: Range[] = [];
  const open = new Map<string, number>();
  let line = 1;
  let lastIndex = 0;
  for (const m of body.text.matchAll(DIRECTIVE)) {
    for (let i = body.text.indexOf("\n", lastIndex); i !== -1 && i < m.index!; i = body.text.indexOf("\n", i + 1)) line++;
    lastIndex = m.index!;
    // Stop the rule list at the end of the comment that holds it.
    const rest = m[2].split(/--\}\}|-->|#\}|\*\/|\}\}/)[0];
    const rules = ruleList(rest);
    const key = rules === "all" ? "*" : [...rules].sort().join(",");
    switch (m[1]) {
      case "disable-next-line":
        ranges.push({ fromLine: line + 1, toLine: line + 1, rules });
        break;
      case "disable-line":
        ranges.push({ fromLine: line, toLine: line, rules });
        break;
      case "disable":
        open.set(key, line);
        ranges.push({ fromLine: line, toLine: Number.MAX_SAFE_INTEGER, rules });
        break;
      case "enable": {
        const start = open.get(key);
        const range = ranges.findLast((r) => r.fromLine === start && r.toLine === Number.MAX_SAFE_INTEGER);
        if (range) range.toLine = line;
        open.delete(key);
        break;
      }
    }
  }
  return ranges;
}

export function isSuppressed(finding: Finding, ranges: Range[]): boolean {
  const line = finding.location.line;
  if (line === undefined || (finding.location.section !== "body" && finding.location.section !== "quoted")) return false;
  return ranges.some((r) => line >= r.fromLine && line <= r.toLine && (r.rules === "all" || r.rules.has(finding.ruleId)));
}
