// The documentation a user reads is generated from, or checked against, the rules' metadata.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import yaml from "js-yaml";
import { ruleTable, withRuleTable } from "../scripts/rule-table.mjs";
import { configSchemas } from "../src/config/configSchema.js";
import { validateConfig } from "../src/config/loadConfig.js";
import { formatExplain, allBuiltinRules } from "../src/cli/ruleDocs.js";
import { Chalk } from "chalk";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const example = readFileSync(new URL("../.linterrc.example", import.meta.url), "utf8");

describe("README", () => {
  it("has the rule table generated from rules/*.yaml (run `npm run docs` after changing a pack)", () => {
    expect(withRuleTable(readme, ruleTable())).toBe(readme);
  });

  it("gives the two-command quick start", () => {
    expect(readme).toContain("npm install && node bin/draftlint.js fixtures");
    expect(readme).toMatch(/^npm test\b/m);
  });

  it("installs only in ways that work while draftlint is not on the npm registry", () => {
    const docs = readme + readFileSync(new URL("../docs/integrations.md", import.meta.url), "utf8");
    // `npm install draftlint`, `npx draftlint@…` or `npx --yes draftlint` would fetch from the registry: a 404.
    const commands = docs.split("\n").filter((l) => !l.includes("not on the npm registry"));
    expect(commands.filter((l) => /npm (install|i)( --?[a-z-]+)* draftlint\b(?!-)|npx (--yes )?draftlint@/.test(l))).toEqual([]);
    expect(readme).toContain("npm install --global .");
    expect(readme).toMatch(/npm install --save-dev "git\+https:\/\/github\.com\/[^"#]+#v\d/);
  });
});

describe(".linterrc.example", () => {
  it("is a valid config", () => {
    expect(() => validateConfig(yaml.load(example), ".linterrc.example", process.cwd())).not.toThrow();
  });

  it("documents every config key", () => {
    for (const key of Object.keys(configSchemas().configSchema.shape)) expect(example).toMatch(new RegExp(`^${key}:`, "m"));
  });
});

describe("draftlint explain", () => {
  const chalk = new Chalk({ level: 0 });
  it.each(allBuiltinRules().map((r) => r.rule.id))("explains %s", (id) => {
    const text = formatExplain(id, chalk)!;
    expect(text).toContain(id);
    expect(text.length).toBeGreaterThan(200);
  });

  it("knows no rule that does not exist", () => {
    expect(formatExplain("no-such-rule", chalk)).toBeNull();
  });
});

describe("LICENSE", () => {
  it("is the MIT licence package.json declares (npm packs LICENSE whatever `files` says)", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(pkg.license).toBe("MIT");
    expect(readFileSync(new URL("../LICENSE", import.meta.url), "utf8")).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
  });
});
