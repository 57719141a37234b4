/**
 * The command line as a user sees it (SPEC §6): exit codes, the JSON contract, flags, and one plain
 * line on stderr for anything that stops a file (or the whole run) from being linted.
 * Runs the built CLI: `npm run build` comes first (the `test` script does it).
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "draftlint.js");
const ANSI = /\u001b\[/;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function draftlint(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined> } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  // Colour is decided per test; a developer's own settings must not leak in.
  if (!options.env || !("FORCE_COLOR" in options.env)) delete env.FORCE_COLOR;
  if (!options.env || !("NO_COLOR" in options.env)) delete env.NO_COLOR;
  delete env.DEBUG;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env: env as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(run: Run): any {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.status}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

const stderrLines = (run: Run) => run.stderr.split("\n").filter((l) => l.trim() !== "");
/** A stack trace: "    at fn (file:line:col)". */
const STACK = /^\s+at\s/m;

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "draftlint-cli-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe("exit codes", () => {
  it("0 for a clean draft", () => {
    const run = draftlint(["fixtures/clean-internal.eml"]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });

  it("0 for warnings only", () => {
    expect(draftlint(["fixtures/external-to.eml"]).status).toBe(0);
  });

  it("1 for a lint error (a look-alike domain)", () => {
    expect(draftlint(["fixtures/acme/lookalike-suffix.eml"]).status).toBe(1);
  });

  it("1 for the Stoke Park draft (gatekeeping with the couple on Cc is an error)", () => {
    expect(draftlint(["fixtures/stoke-park.eml"]).status).toBe(1);
  });

  it("2 for an unknown format, with one plain line", () => {
    const run = draftlint(["fixtures/clean-internal.eml", "-f", "yaml"]);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(STACK);
    expect(stderrLines(run).length).toBeGreaterThanOrEqual(1);
  });

  it("2 for a bad --max-warnings", () => {
    const run = draftlint(["fixtures/clean-internal.eml", "--max-warnings", "lots"]);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).not.toMatch(STACK);
  });
});

describe("-f json (SPEC §6)", () => {
  it("has exactly the documented shape", () => {
    const run = draftlint(["fixtures/stoke-park.eml", "-f", "json"]);
    const report = json(run);
    expect(Object.keys(report).sort()).toEqual(["files", "summary", "version"]);
    expect(report.version).toBe(1);
    expect(report.files).toHaveLength(1);

    const file = report.files[0];
    expect(Object.keys(file).sort()).toEqual(["audience", "error", "file", "findings", "recipients"]);
    expect(file.file).toBe("fixtures/stoke-park.eml");
    expect(file.audience).toBe("external");
    expect(file.error).toBeNull();
    expect(file.recipients).toEqual([
      { field: "to", address: "richard.cole@stokepark.com", name: "Richard Cole", domain: "stokepark.com", organisation: "stokepark.com", external: false },
      { field: "cc", address: "pauline.bailey@gmail.com", name: "Pauline Bailey", domain: "gmail.com", organisation: "gmail.com", external: true },
    ]);

    for (const f of file.findings) {
      expect(Object.keys(f).sort()).toEqual(["evidence", "excerpt", "location", "message", "messageId", "readers", "ruleId", "severity", "suggestion", "target"]);
      expect(["info", "warn", "error"]).toContain(f.severity);
      expect(typeof f.message).toBe("string");
      expect(Array.isArray(f.readers)).toBe(true);
      expect(["header", "subject", "body", "quoted", "attachment"]).toContain(f.location.section);
      if (f.location.section === "header") {
        // A header finding names its header and has no body line; fileLine is its header's line.
        expect(Object.keys(f.location).sort()).toEqual(["fileLine", "header", "section"]);
      }
      if (f.location.section === "body" || f.location.section === "quoted") {
        for (const key of ["line", "column", "endLine", "endColumn", "fileLine"]) expect(typeof f.location[key], key).toBe("number");
      }
    }

    expect(Object.keys(report.summary).sort()).toEqual(["errors", "fileErrors", "files", "infos", "warnings"]);
    const count = (s: string) => file.findings.filter((f: any) => f.severity === s).length;
    expect(report.summary).toEqual({ files: 1, errors: count("error"), warnings: count("warn"), infos: count("info"), fileErrors: 0 });
  });

  it("reports the outsider on Cc of a mail addressed to a colleague, naming the address, field and organisation", () => {
    const file = json(draftlint(["fixtures/stoke-park.eml", "-f", "json"])).files[0];
    const external = file.findings.find((f: any) => f.ruleId === "external-recipient");
    expect(external.location).toEqual({ section: "header", header: "cc", fileLine: 3 });
    expect(external.message).toContain("pauline.bailey@gmail.com");
    expect(external.message).toMatch(/\bcc\b/i);
    expect(external.message).toContain("gmail.com");
    expect(file.findings.map((f: any) => f.ruleId)).toContain("external-cc-on-internal-thread");
  });

  it("quotes the gatekeeping sentence, names its target and says who will read it", () => {
    const file = json(draftlint(["fixtures/stoke-park.eml", "-f", "json"])).files[0];
    const gatekeeping = file.findings.find((f: any) => f.ruleId === "gatekeeping");
    expect(gatekeeping, "a gatekeeping finding").toBeDefined();
    expect(gatekeeping.severity).toBe("error");
    expect(gatekeeping.excerpt).toContain("type of people");
    expect(gatekeeping.target).toBeTruthy();
    expect(gatekeeping.readers).toContain("pauline.bailey@gmail.com");
    expect(gatekeeping.location).toMatchObject({ section: "body", line: 3, fileLine: 13 });
  });

  it("lints the quick-start folder: every draft reported, none a file error, per-folder config applied", () => {
    const run = draftlint(["fixtures", "-f", "json"]);
    expect(run.status).toBe(1);
    const report = json(run);
    const byName = new Map<string, any>(report.files.map((f: any) => [f.file.split("\\").join("/"), f]));
    for (const name of ["fixtures/stoke-park.eml", "fixtures/bare/welcome.md", "fixtures/acme/lookalike-idn-utf8.eml", "fixtures/partners/trusted-counsel.eml"]) {
      expect(byName.has(name), name).toBe(true);
    }
    expect(report.files.filter((f: any) => f.error)).toEqual([]);
    expect(report.summary.fileErrors).toBe(0);
    // fixtures/partners/.linterrc.yaml trusts the law firm; fixtures/acme/.linterrc.yaml owns acme.co.uk.
    expect(byName.get("fixtures/partners/trusted-counsel.eml").findings).toEqual([]);
    expect(byName.get("fixtures/acme/subdomain-internal.eml").recipients.every((r: any) => !r.external)).toBe(true);
    // Config files and expectation sidecars are not drafts.
    expect([...byName.keys()].filter((n) => /\.ya?ml$|linterrc/.test(n))).toEqual([]);
  });
});

describe("bad inputs", () => {
  it("a missing file and random bytes beside a good draft: exit 2, one plain line each, the good draft still reported", () => {
    const good = join(tmp, "good.eml");
    const random = join(tmp, "random.eml");
    writeFileSync(good, readFileSync(join(ROOT, "fixtures/external-to.eml")));
    writeFileSync(random, randomBytes(4096));
    const run = draftlint(["good.eml", "random.eml", "missing.eml", "-f", "json"], { cwd: tmp });

    expect(run.status).toBe(2);
    const lines = stderrLines(run);
    expect(lines, run.stderr).toHaveLength(2);
    expect(lines.filter((l) => l.includes("missing.eml"))).toHaveLength(1);
    expect(lines.filter((l) => l.includes("random.eml"))).toHaveLength(1);
    expect(run.stderr).not.toMatch(STACK);

    const report = json(run);
    const byName = new Map<string, any>(report.files.map((f: any) => [f.file, f]));
    expect(byName.get("good.eml")).toMatchObject({ error: null, audience: "external" });
    expect(byName.get("good.eml").findings.map((f: any) => f.ruleId)).toEqual(["external-recipient"]);
    for (const bad of ["random.eml", "missing.eml"]) {
      const entry = byName.get(bad);
      expect(entry, bad).toBeDefined();
      expect(entry.findings).toEqual([]);
      expect(typeof entry.error.code).toBe("string");
      expect(typeof entry.error.message).toBe("string");
    }
    expect(report.summary).toMatchObject({ files: 3, fileErrors: 2 });
  });

  it("the same in the default format: the good draft's findings are shown", () => {
    writeFileSync(join(tmp, "good.eml"), readFileSync(join(ROOT, "fixtures/external-to.eml")));
    writeFileSync(join(tmp, "random.eml"), randomBytes(4096));
    const run = draftlint(["good.eml", "random.eml", "missing.eml"], { cwd: tmp });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain("external-recipient");
    expect(run.stdout).toContain("good.eml");
    expect(run.stderr).not.toMatch(STACK);
    expect(stderrLines(run)).toHaveLength(2);
  });

  it("a missing file alone: exit 2 and one line naming it", () => {
    const run = draftlint([join(tmp, "nope.eml")]);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toContain("nope.eml");
  });
});

describe("flags", () => {
  it("--quiet reports errors only", () => {
    const quiet = json(draftlint(["fixtures/acme/lookalike-typo.eml", "-f", "json", "--quiet"])).files[0];
    expect(quiet.findings.length).toBeGreaterThan(0);
    expect(quiet.findings.every((f: any) => f.severity === "error")).toBe(true);

    const run = draftlint(["fixtures/external-to.eml", "--quiet"]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain("external-recipient");
  });

  it("--max-warnings 0 fails on one warning; 1 allows it", () => {
    expect(draftlint(["fixtures/external-to.eml", "--max-warnings", "0"]).status).toBe(1);
    expect(draftlint(["fixtures/external-to.eml", "--max-warnings", "1"]).status).toBe(0);
    expect(draftlint(["fixtures/clean-internal.eml", "--max-warnings", "0"]).status).toBe(0);
  });

  it("--rule external-recipient=off turns the rule off", () => {
    const run = draftlint(["fixtures/external-to.eml", "-f", "json", "--rule", "external-recipient=off", "--max-warnings", "0"]);
    expect(run.status).toBe(0);
    expect(json(run).files[0].findings).toEqual([]);
  });

  it("--rule can raise a severity, and is repeatable", () => {
    const run = draftlint([
      "fixtures/stoke-park.eml",
      "-f",
      "json",
      "--rule",
      "external-recipient=error",
      "--rule",
      "external-cc-on-internal-thread=off",
    ]);
    const findings = json(run).files[0].findings;
    expect(findings.find((f: any) => f.ruleId === "external-recipient").severity).toBe("error");
    expect(findings.some((f: any) => f.ruleId === "external-cc-on-internal-thread")).toBe(false);
  });

  it("--rule with a bad value is a usage error", () => {
    const run = draftlint(["fixtures/external-to.eml", "--rule", "external-recipient=loud"]);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toContain("external-recipient");
  });

  it("--format compact: one line per finding, each naming the file and the rule", () => {
    const expected = json(draftlint(["fixtures/mixed-organisations.eml", "-f", "json"])).files[0].findings;
    const run = draftlint(["fixtures/mixed-organisations.eml", "--format", "compact"]);
    const lines = run.stdout.split("\n").filter((l) => l.includes("fixtures/mixed-organisations.eml"));
    expect(lines).toHaveLength(expected.length);
    for (const f of expected) expect(lines.some((l) => l.includes(f.ruleId))).toBe(true);
    expect(run.stdout).not.toMatch(ANSI);
  });

  it("- reads standard input, named by --stdin-filename", () => {
    const source = readFileSync(join(ROOT, "fixtures/stoke-park.eml"));
    const fromFile = json(draftlint(["fixtures/stoke-park.eml", "-f", "json"])).files[0];
    const run = draftlint(["-", "--stdin-filename", "drafts/wedding.eml", "-f", "json"], { input: source });
    const fromStdin = json(run).files[0];
    expect(fromStdin.file).toBe("drafts/wedding.eml");
    expect(fromStdin.recipients).toEqual(fromFile.recipients);
    expect(fromStdin.findings.map((f: any) => `${f.ruleId}/${f.severity}`)).toEqual(fromFile.findings.map((f: any) => `${f.ruleId}/${f.severity}`));
  });

  it("--stdin-filename with a text extension reads standard input as a bare body", () => {
    const run = draftlint(["-", "--stdin-filename", "reply.txt", "-f", "json"], {
      input: "Hello,\n\nThe deposit is due on Friday.\n\nSam\n",
    });
    expect(run.status).toBe(0);
    expect(json(run).files[0]).toMatchObject({ file: "reply.txt", audience: "unknown", recipients: [], error: null });
  });

  it("--output-file writes the report there, not to stdout", () => {
    const out = join(tmp, "report.json");
    const run = draftlint(["fixtures/external-to.eml", "-f", "json", "-o", out]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).files[0].file).toBe("fixtures/external-to.eml");
  });
});

describe("colour", () => {
  it("FORCE_COLOR=1 colours the stylish report", () => {
    const run = draftlint(["fixtures/external-to.eml"], { env: { FORCE_COLOR: "1" } });
    expect(run.stdout).toMatch(ANSI);
  });

  it("--no-color wins over FORCE_COLOR", () => {
    const run = draftlint(["fixtures/external-to.eml", "--no-color"], { env: { FORCE_COLOR: "1" } });
    expect(run.stdout).toContain("external-recipient");
    expect(run.stdout).not.toMatch(ANSI);
  });

  it("no colour when not a TTY, or with NO_COLOR", () => {
    expect(draftlint(["fixtures/external-to.eml"]).stdout).not.toMatch(ANSI);
    expect(draftlint(["fixtures/external-to.eml"], { env: { NO_COLOR: "1" } }).stdout).not.toMatch(ANSI);
  });

  it("JSON never carries colour codes", () => {
    expect(draftlint(["fixtures/external-to.eml", "-f", "json"], { env: { FORCE_COLOR: "1" } }).stdout).not.toMatch(ANSI);
  });
});

describe("--config with an invalid config: exit 2, one line naming the file and the key path", () => {
  const cases: Array<[string, string, RegExp]> = [
    ["unknown-key.yaml", "interalDomains: [acme.com]\n", /interalDomains/],
    ["wrong-type.yaml", "internalDomains: acme.com\n", /internalDomains/],
    ["bad-severity.yaml", "rules:\n  external-recipient: loud\n", /rules\W+external-recipient/],
    ["unknown-rule.yaml", "rules:\n  no-such-rule: warn\n", /rules\W+no-such-rule/],
    ["nested.yaml", 'overrides:\n  - files: ["*.eml"]\n    rules:\n      external-recipient: sometimes\n', /overrides\W+0\W+rules\W+external-recipient/],
  ];
  for (const [name, text, keyPath] of cases) {
    it(name, () => {
      const path = join(tmp, name);
      writeFileSync(path, text);
      const run = draftlint(["--config", path, "fixtures/clean-internal.eml"]);
      expect(run.status).toBe(2);
      const lines = stderrLines(run);
      expect(lines, run.stderr).toHaveLength(1);
      expect(lines[0]).toContain(name);
      expect(lines[0]).toMatch(keyPath);
      expect(run.stderr).not.toMatch(STACK);
    });
  }

  it("malformed YAML: one line naming the file and saying what is wrong, and where", () => {
    const path = join(tmp, "broken.yaml");
    writeFileSync(path, "internalDomains: [acme.com\nrules:\n  external-recipient: warn\n");
    const run = draftlint(["--config", path, "fixtures/clean-internal.eml"]);
    expect(run.status).toBe(2);
    const lines = stderrLines(run);
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toContain("broken.yaml");
    // The parser's reason and position, not just "YAML Error in …:".
    expect(lines[0]).toMatch(/\(\d+:\d+\)|line \d+/);
    expect(run.stderr).not.toMatch(STACK);
  });

  it("a valid --config is used instead of the search", () => {
    const path = join(tmp, "trusting.yaml");
    writeFileSync(path, "internalDomains: [acme.com]\ntrustedDomains: [globex.com]\n");
    const run = draftlint(["--config", path, "fixtures/external-to.eml", "-f", "json"]);
    expect(run.status).toBe(0);
    expect(json(run).files[0].findings).toEqual([]);
  });

  it("a --config that does not exist is exit 2", () => {
    const run = draftlint(["--config", join(tmp, "absent.yaml"), "fixtures/clean-internal.eml"]);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toContain("absent.yaml");
  });
});

describe("explain and rules", () => {
  const RULES: Record<string, [string, string]> = {
    "external-recipient": ["recipients", "warn"],
    "external-cc-on-internal-thread": ["recipients", "warn"],
    "lookalike-domain": ["recipients", "error"],
    "many-external-recipients": ["recipients", "warn"],
    "mixed-external-organisations": ["recipients", "warn"],
    "display-name-mismatch": ["recipients", "warn"],
    "disparaging-customer": ["tone", "warn"],
    gatekeeping: ["tone", "warn"],
    "unkind-preface": ["tone", "warn"],
    condescension: ["tone", "info"],
    secrecy: ["tone", "warn"],
    profanity: ["tone", "warn"],
    shouting: ["tone", "info"],
    "unfilled-placeholder": ["hygiene", "error"],
    "missing-attachment": ["hygiene", "warn"],
    "greeting-mismatch": ["hygiene", "warn"],
    "empty-subject": ["hygiene", "warn"],
    "talks-about-recipient": ["hygiene", "warn"],
    "forwarded-internal-content": ["hygiene", "warn"],
    "internal-link": ["hygiene", "warn"],
  };

  it("explain external-recipient says why the rule exists", () => {
    const run = draftlint(["explain", "external-recipient"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("external-recipient");
    expect(run.stdout).toMatch(/recipients/);
    expect(run.stdout.length).toBeGreaterThan(200);
  });

  it("explain of an unknown rule is exit 2 with one line", () => {
    const run = draftlint(["explain", "no-such-rule"]);
    expect(run.status).toBe(2);
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toContain("no-such-rule");
  });

  it("rules lists every rule of SPEC §3 with its pack and default severity", () => {
    const run = draftlint(["rules"]);
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    for (const [id, [pack, severity]] of Object.entries(RULES)) {
      const at = lines.findIndex((l) => new RegExp(`(^|\\s)${id}(\\s|$)`).test(l));
      expect(at, `${id} is listed`).toBeGreaterThanOrEqual(0);
      // Audience-aware defaults are shown as "internal → external": the first one is enough here.
      expect(lines[at], id).toContain(severity);
      // The pack is on the rule's line or is the heading of its group.
      const heading = lines
        .slice(0, at + 1)
        .reverse()
        .find((l) => l.includes(pack));
      expect(heading, `${id} is in pack ${pack}`).toBeDefined();
    }
  });
});
