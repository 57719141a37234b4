/**
 * Every sample draft under `fixtures/` states, in a sidecar `<file>.expect.yaml`, every finding
 * linting it must produce (all packs on), and this one test runs them all — markdownlint's
 * annotated fixtures: adding a case is adding a file.
 *
 * Sidecar format:
 *
 *   findings:                       # exactly these (ruleId, severity) pairs, as a multiset
 *     - { ruleId: gatekeeping, severity: error, line: 3 }
 *   audience: external              # optional
 *   recipients:                     # optional: the recipients, in header order (listed keys only)
 *     - { field: cc, address: pauline@gmail.com, external: true }
 *
 * Optional keys on a finding must hold for one finding with that rule id (each expected entry
 * claims a different finding): `line`, `fileLine` (location), `header`, `section` (equal),
 * `target` (the finding's target contains it, ignoring case: "couple" matches "the couple"),
 * `messageIncludes` (a substring of the message).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { lintFile } from "../src/index.js";
import type { FileResult, Finding } from "../src/index.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
const SIDECAR = ".expect.yaml";
/** What `draftlint fixtures` would lint (SPEC §1, directories). */
const DRAFT_EXTENSIONS = new Set([".eml", ".msg", ".mbox", ".txt", ".md", ".html", ".hbs", ".mjml"]);

interface ExpectedFinding {
  ruleId: string;
  severity: string;
  line?: number;
  fileLine?: number;
  header?: string;
  section?: string;
  target?: string;
  messageIncludes?: string;
}

interface Expectation {
  findings: ExpectedFinding[];
  audience?: string;
  recipients?: Array<Record<string, unknown>>;
}

const OPTIONAL_KEYS = ["line", "fileLine", "header", "section", "target", "messageIncludes"] as const;
const FINDING_KEYS = new Set<string>(["ruleId", "severity", ...OPTIONAL_KEYS]);
const SIDECAR_KEYS = new Set(["findings", "audience", "recipients"]);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : walk(path);
    return [path];
  });
}

const allFiles = walk(FIXTURES).sort();
const drafts = allFiles.filter((f) => DRAFT_EXTENSIONS.has(extname(f).toLowerCase()));
const withSidecar = drafts.filter((f) => existsSync(f + SIDECAR));

function readExpectation(draft: string): Expectation {
  const raw = yaml.load(readFileSync(draft + SIDECAR, "utf8")) as Expectation | null;
  if (!raw || !Array.isArray(raw.findings)) throw new Error(`${draft}${SIDECAR}: needs a "findings:" list`);
  for (const key of Object.keys(raw)) {
    if (!SIDECAR_KEYS.has(key)) throw new Error(`${draft}${SIDECAR}: unknown key "${key}"`);
  }
  for (const f of raw.findings) {
    if (typeof f?.ruleId !== "string" || typeof f?.severity !== "string") {
      throw new Error(`${draft}${SIDECAR}: every finding needs ruleId and severity (${JSON.stringify(f)})`);
    }
    for (const key of Object.keys(f)) {
      if (!FINDING_KEYS.has(key)) throw new Error(`${draft}${SIDECAR}: unknown finding key "${key}"`);
    }
  }
  return raw;
}

function valueOf(finding: Finding, key: (typeof OPTIONAL_KEYS)[number]): unknown {
  switch (key) {
    case "line":
      return finding.location.line;
    case "fileLine":
      return finding.location.fileLine;
    case "header":
      return finding.location.header;
    case "section":
      return finding.location.section;
    case "target":
      return finding.target;
    case "messageIncludes":
      return finding.message;
  }
}

function satisfies(finding: Finding, expected: ExpectedFinding): boolean {
  if (finding.ruleId !== expected.ruleId || finding.severity !== expected.severity) return false;
  return OPTIONAL_KEYS.every((key) => {
    if (expected[key] === undefined) return true;
    const actual = valueOf(finding, key);
    if (key === "messageIncludes") return typeof actual === "string" && actual.includes(String(expected[key]));
    if (key === "target") return typeof actual === "string" && actual.toLowerCase().includes(String(expected[key]).toLowerCase());
    return actual === expected[key];
  });
}

/**
 * Gives each expected entry its own finding (a bipartite matching, so that eleven
 * `external-recipient` entries need eleven different findings). Returns the entries left unmatched.
 */
function unmatchedExpectations(findings: Finding[], expected: ExpectedFinding[]): ExpectedFinding[] {
  const owner = new Array<number>(findings.length).fill(-1);
  const tryAssign = (e: number, seen: Set<number>): boolean => {
    for (let f = 0; f < findings.length; f++) {
      if (seen.has(f) || !satisfies(findings[f], expected[e])) continue;
      seen.add(f);
      if (owner[f] === -1 || tryAssign(owner[f], seen)) {
        owner[f] = e;
        return true;
      }
    }
    return false;
  };
  return expected.filter((_, e) => !tryAssign(e, new Set()));
}

const pairKey = (f: { ruleId: string; severity: string }) => `${f.ruleId} (${f.severity})`;

function describeFinding(f: Finding): string {
  const where = f.location.section === "header" ? `header ${f.location.header}` : `${f.location.section} line ${f.location.line}`;
  return `${pairKey(f)} at ${where}: ${f.message}`;
}

describe("fixtures", () => {
  it("has drafts to run", () => {
    expect(withSidecar.length).toBeGreaterThan(0);
  });

  it("every draft has a sidecar .expect.yaml (a new case is a new file)", () => {
    const missing = drafts.filter((f) => !existsSync(f + SIDECAR)).map((f) => relative(FIXTURES, f));
    expect(missing).toEqual([]);
  });

  it("every sidecar belongs to a draft", () => {
    const orphans = allFiles
      .filter((f) => f.endsWith(SIDECAR))
      .filter((f) => !existsSync(f.slice(0, -SIDECAR.length)))
      .map((f) => relative(FIXTURES, f));
    expect(orphans).toEqual([]);
  });

  for (const draft of withSidecar) {
    const name = relative(join(FIXTURES, ".."), draft).split("\\").join("/");
    it(name, async () => {
      const expectation = readExpectation(draft);
      const result: FileResult = await lintFile(draft);
      expect(result.error, "the draft must lint without a file error").toBeNull();

      const actualPairs = result.findings.map(pairKey).sort();
      const expectedPairs = expectation.findings.map(pairKey).sort();
      expect(actualPairs, `findings:\n  ${result.findings.map(describeFinding).join("\n  ")}`).toEqual(expectedPairs);

      const unmatched = unmatchedExpectations(result.findings, expectation.findings);
      expect(unmatched, `findings:\n  ${result.findings.map(describeFinding).join("\n  ")}`).toEqual([]);

      if (expectation.audience !== undefined) expect(result.audience).toBe(expectation.audience);
      if (expectation.recipients !== undefined) {
        expect(result.recipients).toHaveLength(expectation.recipients.length);
        expectation.recipients.forEach((want, i) => {
          expect(result.recipients[i], `recipient ${i + 1}`).toMatchObject(want);
        });
      }
    });
  }
});
