/**
 * The flags ESLint and Vale users reach for (SPEC §6), and the user-level config (SPEC §5), as a
 * user runs them.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../integrations/helpers.js";
import { jsonOf, lintIn, STOKE_PARK, tempProject } from "./helpers.js";

const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;
const filesOf = (run: any) => jsonOf(run).files.map((f: any) => f.file);

describe("-v, --version", () => {
  it("prints the package's version", async () => {
    const dir = tempProject({});
    for (const flag of ["-v", "--version"]) {
      const run = await lintIn(dir, [flag]);
      expect([run.code, run.stdout, run.stderr]).toEqual([0, `${version}\n`, ""]);
    }
  });
});

describe("--print-config FILE", () => {
  it("prints the config that applies to the file (overrides and flags merged, every rule's setting) and lints nothing", async () => {
    const dir = tempProject({
      ".linterrc.yaml": 'internalDomains: [stokepark.com]\nrules:\n  shouting: off\noverrides:\n  - files: ["templates/**/*.hbs"]\n    templates: true\n',
      "templates/welcome.hbs": "Hi {{name}}\n",
    });
    const run = await lintIn(dir, ["--print-config", "templates/welcome.hbs", "--rule", "secrecy=error", "--internal-domain", "stokepark.co.uk"]);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed).toMatchObject({
      file: "templates/welcome.hbs",
      configFile: join(dir, ".linterrc.yaml"),
      internalDomains: ["stokepark.com"],
      addedInternalDomains: ["stokepark.co.uk"],
      templates: true,
    });
    expect(printed.rules).toMatchObject({ shouting: "off", secrecy: "error", "external-recipient": "warn", gatekeeping: { internal: "warn", external: "error" } });
  });
});

describe("--ignore-pattern and --no-ignore", () => {
  it("--ignore-pattern skips more when walking; --no-ignore lints what ignorePatterns would skip", async () => {
    const dir = tempProject({
      ".linterrc.yaml": 'ignorePatterns: ["drafts/archive/**"]\n',
      "drafts/a.eml": STOKE_PARK,
      "drafts/old/b.eml": STOKE_PARK,
      "drafts/archive/c.eml": STOKE_PARK,
    });
    expect(filesOf(await lintIn(dir, ["-f", "json", "drafts"]))).toEqual(["drafts/a.eml", "drafts/old/b.eml"]);
    expect(filesOf(await lintIn(dir, ["-f", "json", "--ignore-pattern", "drafts/old/**", "drafts"]))).toEqual(["drafts/a.eml"]);
    expect(filesOf(await lintIn(dir, ["-f", "json", "--no-ignore", "--ignore-pattern", "drafts/old/**", "drafts"]))).toEqual([
      "drafts/a.eml",
      "drafts/archive/c.eml",
      "drafts/old/b.eml",
    ]);
  });
});

describe("rules and explain", () => {
  const PACK = `pack: hospitality
rules:
  - id: no-upgrade-promises
    description: Do not promise room upgrades in writing.
    severity: warn
    messages: { default: "upgrades are at the front desk's discretion" }
    explanation: Upgrades depend on availability on the day.
    phrases: [free upgrade]
    examples:
      flag: ["We can offer you a free upgrade."]
      pass: ["Upgrades depend on availability."]
`;

  it("know the packs the config adds", async () => {
    const dir = tempProject({ ".linterrc.yaml": "packs: [recipients, tone, hygiene, ./packs/hospitality.yaml]\n", "packs/hospitality.yaml": PACK });
    const rules = await lintIn(dir, ["rules"]);
    expect(rules.stdout).toMatch(/\nhospitality\n {2}no-upgrade-promises +warn +Do not promise room upgrades in writing\./);
    expect(rules.stdout).toContain("gatekeeping");
    const explain = await lintIn(dir, ["explain", "no-upgrade-promises"]);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain("Upgrades depend on availability on the day.");
  });
});

describe("the user-level config, $XDG_CONFIG_HOME/draftlint/config.yaml", () => {
  function userConfig(text: string): string {
    const xdg = tempProject({});
    mkdirSync(join(xdg, "draftlint"), { recursive: true });
    writeFileSync(join(xdg, "draftlint", "config.yaml"), text);
    return xdg;
  }
  const outsiders = (run: any) => jsonOf(run).files[0].recipients.filter((r: any) => r.external).map((r: any) => r.address);

  it("applies wherever draftlint runs when no project config is found, and a project config wins", async () => {
    const xdg = userConfig("internalDomains: [stokepark.com, gmail.com]\n");
    const dir = tempProject({ "anywhere/deep/wedding.eml": STOKE_PARK, "project/.linterrc.yaml": "internalDomains: [stokepark.com]\n", "project/wedding.eml": STOKE_PARK });
    expect(outsiders(await lintIn(join(dir, "anywhere/deep"), ["-f", "json", "wedding.eml"], { XDG_CONFIG_HOME: xdg }))).toEqual([]);
    expect(outsiders(await lintIn(dir, ["-f", "json", "anywhere/deep/wedding.eml"], { XDG_CONFIG_HOME: xdg }))).toEqual([]);
    expect(outsiders(await lintIn(join(dir, "project"), ["-f", "json", "wedding.eml"], { XDG_CONFIG_HOME: xdg }))).toEqual(["pauline.bailey@gmail.com"]);
    const printed = JSON.parse((await lintIn(dir, ["--print-config", "anywhere/deep/wedding.eml"], { XDG_CONFIG_HOME: xdg })).stdout);
    expect(printed).toMatchObject({ configFile: join(xdg, "draftlint", "config.yaml"), userLevel: true });
  });

  it("defaults to ~/.config/draftlint/config.yaml, and a mistake in it is one line naming it", async () => {
    const home = tempProject({ ".config/draftlint/config.yaml": "internalDomain: [stokepark.com]\n" });
    const dir = tempProject({ "wedding.eml": STOKE_PARK });
    const run = await lintIn(dir, ["wedding.eml"], { HOME: home, XDG_CONFIG_HOME: "" });
    expect([run.code, run.stderr]).toEqual([2, `draftlint: ${home}/.config/draftlint/config.yaml: unknown key "internalDomain"\n`]);
  });

  it("is used by the git pre-commit hook started anywhere in a repository without a config", async () => {
    const xdg = userConfig("rules:\n  external-recipient: error\n");
    const repo = tempProject({ "drafts/wedding.eml": STOKE_PARK });
    const git = (args: string[]) => execFileSync("git", args, { cwd: repo, env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null" } });
    git(["init", "-q"]);
    git(["add", "-A"]);
    const withUserConfig = await lintIn(join(repo, "drafts"), ["hooks", "run", "pre-commit"], { XDG_CONFIG_HOME: xdg });
    expect(withUserConfig.code).toBe(1);
    expect(withUserConfig.stderr).toContain("external-recipient");
    const without = await lintIn(join(repo, "drafts"), ["hooks", "run", "pre-commit"]);
    expect(without.code).toBe(0);
  });
});
