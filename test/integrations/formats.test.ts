/**
 * The machine formats CI reads: SARIF (validated against the vendored SARIF 2.1.0 schema) and
 * GitHub workflow commands (escaped as the Actions runner unescapes them).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv from "ajv-draft-04";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { formatSarif } from "../../src/report/sarif.js";
import { escapeData, escapeProperty, formatGithub } from "../../src/report/github.js";
import { formatReport, formatters } from "../../src/report/index.js";
import { noColour } from "../../src/report/formatter.js";
import { buildReport } from "../../src/report/summarise.js";
import type { FileResult, Finding } from "../../src/types.js";
import { CONFIG_NAME, RECIPIENTS_ONLY, ensureBuilt, runCli, tempProject } from "./helpers.js";

// Every test here starts real processes (node, git, npm): allow for a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const schema = JSON.parse(readFileSync(fileURLToPath(new URL("./sarif-schema-2.1.0.json", import.meta.url)), "utf8"));
// CommonJS under NodeNext: the class is the module's `default` export (also itself at run time).
const ajv = new Ajv.default({ allErrors: true, strict: false });
const validateSarif = ajv.compile(schema);

function finding(overrides: Partial<Finding> & Pick<Finding, "ruleId" | "severity">): Finding {
  return {
    message: "a message",
    excerpt: null,
    messageId: "default",
    target: null,
    evidence: [],
    readers: [],
    location: { section: "body", line: 3, column: 5, endLine: 3, endColumn: 20, fileLine: 9 },
    suggestion: null,
    ...overrides,
  };
}

const weddingResult: FileResult = {
  file: "drafts/wedding plans, June.eml",
  audience: "external",
  recipients: [{ field: "cc", address: "pauline@gmail.com", name: "Pauline Bailey", domain: "gmail.com", organisation: "gmail.com", external: true }],
  findings: [
    finding({ ruleId: "external-cc-on-internal-thread", severity: "warn", location: { section: "header", header: "cc" }, message: "Addressed to colleagues, but an outsider is on Cc" }),
    finding({
      ruleId: "gatekeeping",
      severity: "error",
      message: "Judges the customer: 50% \"not our type\",\r\nsee: line two",
      excerpt: "I don't think they are the type of people that we would want",
      target: "they",
      readers: ["pauline@gmail.com"],
      suggestion: "Say what the venue can offer instead.",
    }),
    finding({ ruleId: "shouting", severity: "info", location: { section: "subject", column: 1 } }),
    finding({ ruleId: "my-house-rule", severity: "warn", location: { section: "body", line: 2, column: 1 } }),
  ],
  error: null,
};

const report = buildReport([
  weddingResult,
  { file: "archive.mbox#3", audience: "internal", recipients: [], findings: [finding({ ruleId: "lookalike-domain", severity: "error", location: { section: "header", header: "to", fileLine: 40 } })], error: null },
  { file: "broken.eml", audience: "unknown", recipients: [], findings: [], error: { code: "parse-error", message: "no RFC 5322 header block" } },
  { file: "clean.eml", audience: "internal", recipients: [], findings: [], error: null },
]);

describe("sarif", () => {
  it("is registered as -f sarif and -f github", () => {
    const plain = { chalk: noColour };
    expect(formatReport(formatters.sarif, report, plain)).toBe(formatSarif(report));
    expect(formatReport(formatters.github, report, plain)).toBe(formatGithub(report));
  });

  it("validates against the SARIF 2.1.0 schema", () => {
    const log = JSON.parse(formatSarif(report));
    const ok = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("has one run, every built-in rule described from its pack metadata, and user rules by id", () => {
    const log = JSON.parse(formatSarif(report));
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const rules = log.runs[0].tool.driver.rules;
    const byId = new Map(rules.map((r: any) => [r.id, r]));
    for (const id of ["external-recipient", "lookalike-domain", "external-cc-on-internal-thread"]) {
      const rule: any = byId.get(id);
      expect(rule, id).toBeDefined();
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
      expect(rule.help.text.length).toBeGreaterThan(rule.shortDescription.text.length);
    }
    expect((byId.get("lookalike-domain") as any).defaultConfiguration.level).toBe("error");
    expect(byId.get("my-house-rule")).toBeDefined();
    // Every result's ruleIndex points at its own rule.
    for (const result of log.runs[0].results) expect(rules[result.ruleIndex].id).toBe(result.ruleId);
  });

  it("gives every result a physical location: file line when known, line 1 for headers", () => {
    const log = JSON.parse(formatSarif(report));
    const results = log.runs[0].results;
    expect(results).toHaveLength(5);
    const gate = results.find((r: any) => r.ruleId === "gatekeeping");
    expect(gate.level).toBe("error");
    const loc = gate.locations[0].physicalLocation;
    expect(loc.artifactLocation.uri).toBe("drafts/wedding%20plans%2C%20June.eml");
    expect(loc.region).toMatchObject({ startLine: 9, startColumn: 5, endColumn: 20 });
    const header = results.find((r: any) => r.ruleId === "external-cc-on-internal-thread");
    expect(header.level).toBe("warning");
    expect(header.locations[0].physicalLocation.region.startLine).toBe(1);
    expect(results.find((r: any) => r.ruleId === "shouting").level).toBe("note");
    // A message of an mbox points into the archive itself.
    const inArchive = results.find((r: any) => r.ruleId === "lookalike-domain");
    expect(inArchive.locations[0].physicalLocation.artifactLocation.uri).toBe("archive.mbox");
    expect(inArchive.locations[0].physicalLocation.region.startLine).toBe(40);
    expect(inArchive.message.text).toContain("message 3");
  });

  it("reports a file that could not be linted as a tool notification", () => {
    const log = JSON.parse(formatSarif(report));
    const invocation = log.runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications[0].message.text).toContain("broken.eml");
  });

  it("validates for an empty report", () => {
    expect(validateSarif(JSON.parse(formatSarif(buildReport([]))))).toBe(true);
  });
});

describe("github", () => {
  it("escapes data and properties as the Actions runner expects", () => {
    expect(escapeData("50% done\r\nnext")).toBe("50%25 done%0D%0Anext");
    expect(escapeProperty("a:b,c%d\ne")).toBe("a%3Ab%2Cc%25d%0Ae");
  });

  it("prints ::error, ::warning and ::notice with file, line, col and the rule as title", () => {
    const lines = formatGithub(report).trimEnd().split("\n");
    expect(lines).toContain("::warning file=drafts/wedding plans%2C June.eml,line=1,title=external-cc-on-internal-thread::Addressed to colleagues, but an outsider is on Cc (cc)");
    const gate = lines.find((l) => l.includes("title=gatekeeping"))!;
    expect(gate.startsWith("::error file=drafts/wedding plans%2C June.eml,line=9,col=5,title=gatekeeping::")).toBe(true);
    // The message's own %, CR and LF are escaped; it stays one line.
    expect(gate).toContain('Judges the customer: 50%25 "not our type",%0D%0Asee: line two');
    expect(gate).toContain("%0A> I don't think they are the type of people");
    expect(lines.find((l) => l.includes("title=shouting"))).toMatch(/^::notice /);
    expect(lines.find((l) => l.includes("title=lookalike-domain"))).toBe("::error file=archive.mbox,line=40,title=lookalike-domain::message 3: a message (to)");
    expect(lines.find((l) => l.includes("broken.eml"))).toBe("::error file=broken.eml,title=draftlint parse-error::no RFC 5322 header block");
    expect(lines.every((l) => /^::(error|warning|notice) /.test(l))).toBe(true);
  });

  it("prints nothing for a clean run", () => {
    expect(formatGithub(buildReport([{ file: "a.eml", audience: "internal", recipients: [], findings: [], error: null }]))).toBe("");
  });
});

describe("formats from the real CLI", () => {
  beforeAll(ensureBuilt, 120_000);
  const draft = fileURLToPath(new URL("./drafts/lookalike.eml", import.meta.url));
  const config = `${tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY })}/${CONFIG_NAME}`;

  it("-f sarif output of a real lint validates and carries the lint errors", async () => {
    const { stdout, code } = await runCli(["-c", config, "-f", "sarif", draft]);
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0].results.some((r: any) => r.ruleId === "lookalike-domain" && r.level === "error")).toBe(true);
  });

  it("-f github prints ::error lines for errors", async () => {
    const { stdout, code } = await runCli(["-c", config, "-f", "github", draft]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^::error file=[^,]*lookalike\.eml,line=2,title=lookalike-domain::/m);
  });
});
