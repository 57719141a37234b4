/**
 * Which severity a rule reports at, for one message: the rule's default (plain, or audience-aware
 * `internal → external`), replaced by config and `--rule`. Bare text (audience unknown) is read
 * as customer-facing — a template or a draft whose recipients we cannot see — so it takes the
 * external severity.
 */
import type { Audience, Severity } from "../types.js";
import type { RuleSetting } from "../config/schema.js";
import type { DefaultSeverity } from "./rule.js";

export interface SeverityPair {
  internal: Severity;
  external: Severity;
}

function asPair(value: DefaultSeverity): SeverityPair {
  return typeof value === "string" ? { internal: value, external: value } : value;
}

export function resolveSeverityPair(defaults: DefaultSeverity, setting: RuleSetting | undefined): SeverityPair {
  const base = asPair(defaults);
  if (setting === undefined) return base;
  if (typeof setting === "string") return { internal: setting, external: setting };
  if (Array.isArray(setting)) return { internal: setting[0], external: setting[0] };
  return { internal: setting.internal ?? base.internal, external: setting.external ?? base.external };
}

const ONE_LEVEL_DOWN: Record<Severity, Severity> = { error: "warn", warn: "info", info: "info", off: "off" };

export function severityFor(pair: SeverityPair, audience: Audience, asExternal = false, demote = false): Severity {
  const severity = asExternal || audience !== "internal" ? pair.external : pair.internal;
  return demote ? ONE_LEVEL_DOWN[severity] : severity;
}

export function optionsOf(setting: RuleSetting | undefined): Record<string, unknown> | undefined {
  if (setting === undefined || typeof setting === "string") return undefined;
  if (Array.isArray(setting)) return setting[1];
  return setting.options;
}
