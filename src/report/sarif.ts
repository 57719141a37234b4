/**
 * SARIF 2.1.0, the format GitHub code scanning and other dashboards read: one run, the rules as
 * `tool.driver.rules` (described from the packs' own metadata, so `draftlint explain` and the
 * SARIF help never drift), and one result per finding with a physical location.
 *
 * A view of the JSON report like every formatter: nothing here reads a draft.
 */
import type { WholeFormatter } from "./formatter.js";
import type { FileResult, Finding, Report, ReportedSeverity } from "../types.js";
import { allBuiltinRules, severityLabel } from "../cli/ruleDocs.js";
import { splitArchiveMember } from "../input/mbox.js";
import { filePosition } from "./position.js";

const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const INFORMATION_URI = "https://www.npmjs.com/package/draftlint";

/** SARIF §3.27.10: `level` is none, note, warning or error. */
const LEVEL: Record<ReportedSeverity, "note" | "warning" | "error"> = { info: "note", warn: "warning", error: "error" };

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: "none" | "note" | "warning" | "error" };
  properties: Record<string, unknown>;
}

/** `external-recipient` → `ExternalRecipient`: SARIF's `name` is an identifier-like label. */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function describeRules(ruleIds: Iterable<string>): SarifRule[] {
  const rules: SarifRule[] = [];
  const seen = new Set<string>();
  for (const { pack, rule } of allBuiltinRules()) {
    seen.add(rule.id);
    const label = severityLabel(rule.severity);
    // An audience-aware default (warn → error) is reported at its external level: that is what
    // the rule does when it matters most, and code scanning has one level per rule.
    const level = typeof rule.severity === "string" ? rule.severity : rule.severity.external;
    rules.push({
      id: rule.id,
      name: ruleName(rule.id),
      shortDescription: { text: rule.description },
      fullDescription: { text: rule.explanation.trim() },
      help: {
        text: `${rule.explanation.trim()}\n\nDefault severity: ${label}. Turn it off or change it in .linterrc: rules: { ${rule.id}: off }`,
        markdown: `${rule.explanation.trim()}\n\nDefault severity: **${label}**. Turn it off or change it in \`.linterrc\`: \`rules: { ${rule.id}: off }\``,
      },
      defaultConfiguration: { level: level === "off" ? "none" : LEVEL[level] },
      properties: { pack, tags: ["email", pack], defaultSeverity: label },
    });
  }
  // Rules from a user's own pack are not in the built-in metadata; describe them by id alone.
  for (const id of ruleIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    rules.push({
      id,
      name: ruleName(id),
      shortDescription: { text: id },
      fullDescription: { text: `Rule ${id} from a user pack.` },
      help: { text: `Rule ${id} from a user pack.`, markdown: `Rule \`${id}\` from a user pack.` },
      defaultConfiguration: { level: "warning" },
      properties: { pack: "user" },
    });
  }
  return rules;
}

/** A relative path as a URI reference (SARIF §3.10.2): `/` separators, each segment escaped. */
export function pathToUri(path: string): string {
  const forward = path.split("\\").join("/");
  const absolute = forward.startsWith("/");
  const encoded = forward
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
  return absolute ? `file://${encoded}` : encoded;
}

/** The region a finding points at: the same file line and column as every format (position.ts). */
function region(f: Finding): { startLine: number; startColumn?: number; endColumn?: number; snippet?: { text: string } } {
  const { line, column, endColumn } = filePosition(f);
  return {
    startLine: line,
    ...(column ? { startColumn: column } : {}),
    ...(endColumn ? { endColumn } : {}),
    ...(f.excerpt ? { snippet: { text: f.excerpt } } : {}),
  };
}

function resultsOf(file: FileResult, ruleIndex: Map<string, number>) {
  const { path, member } = splitArchiveMember(file.file);
  const artifactLocation = { uri: pathToUri(path) };
  return file.findings.map((f) => {
    const where = f.location.section === "header" ? ` (${f.location.header ?? "header"})` : "";
    const text = `${f.message}${where}${member ? ` [message ${member} of ${path}]` : ""}`;
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
      level: LEVEL[f.severity],
      message: { text },
      locations: [{ physicalLocation: { artifactLocation, region: region(f) } }],
      properties: {
        section: f.location.section,
        ...(f.location.header ? { header: f.location.header } : {}),
        ...(f.target ? { target: f.target } : {}),
        readers: f.readers,
        ...(f.suggestion ? { suggestion: f.suggestion } : {}),
        ...(member ? { archiveMessage: member } : {}),
      },
    };
  });
}

export function formatSarif(report: Report): string {
  const ruleIds = new Set(report.files.flatMap((file) => file.findings.map((f) => f.ruleId)));
  const rules = describeRules(ruleIds);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "draftlint",
            version: process.env.DRAFTLINT_VERSION ?? "0.0.0",
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        // A file that could not be linted is a tool notification, not a result (SARIF §3.58).
        invocations: [
          {
            executionSuccessful: report.summary.fileErrors === 0,
            toolExecutionNotifications: report.files
              .filter((file) => file.error)
              .map((file) => ({
                level: "error",
                message: { text: `${file.file}: ${file.error!.message}` },
                descriptor: { id: file.error!.code },
                locations: [{ physicalLocation: { artifactLocation: { uri: pathToUri(splitArchiveMember(file.file).path) } } }],
              })),
          },
        ],
        results: report.files.flatMap((file) => resultsOf(file, ruleIndex)),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}

/** SARIF lists the rules that fired before the results that cite them: it needs every result. */
export const sarifFormatter: WholeFormatter = { kind: "whole", whole: (report) => formatSarif(report) };
