/**
 * A user's pack cannot hang draftlint, and a mistake in one is said once, naming the pack file and
 * the key (SPEC §4, issue 14): exponential patterns, 100,000 phrases, whitespace-only phrases,
 * wrong types and misspelt keys, and special files named as packs.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import yaml from "js-yaml";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { lint } from "../src/index.js";
import { PhraseMatcher } from "../src/packs/phraseMatcher.js";
import { loadPackFile } from "../src/packs/loadPack.js";
import { CLI, ROOT, ensureBuilt, runCli, tempProject } from "./integrations/helpers.js";

// The timeout is the hang guard: an exponential pattern would run for hours, far past it, while
// a stopwatch assertion of seconds failed on a busy machine.
vi.setConfig({ testTimeout: 60_000 });
beforeAll(ensureBuilt, 120_000);

function packYaml(id: string, body: string): string {
  return `pack: mine\nrules:\n  - id: ${id}\n    description: d\n    severity: warn\n    messages: { default: "{{phrase}} found" }\n    explanation: e\n${body}`;
}

async function lintWithPack(pack: string, files: Record<string, string>, args: string[] = []) {
  const dir = tempProject({ "mine.yaml": pack, "config.json": JSON.stringify({ packs: ["recipients", "./mine.yaml"] }), ...files });
  return runCli(["-c", "config.json", "-f", "json", ...args, ...Object.keys(files)], { cwd: dir });
}

const EXPONENTIAL = [...Array(22).fill("x?"), ...Array(22).fill("x"), "zzz"].join(" ");

describe("user patterns cannot hang the linter", () => {
  it("refuses a pattern with too many ways to match, naming the file and key, in seconds", async () => {
    const r = await lintWithPack(packYaml("secrecy", `    patterns:\n      phrases: ["${EXPONENTIAL}"]\n`), { "t.txt": "x ".repeat(44) });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/mine\.yaml: rules\.0\.patterns\.phrases\.0: too many ways to match \(over a billion|[\d,]+; at most 1,024\)/)]);
  });

  it("reads the same words as a plain phrase in linear time", async () => {
    const r = await lintWithPack(packYaml("x-words", `    phrases: ["${EXPONENTIAL}"]\n`), { "t.txt": "x ".repeat(10_000) });
    expect(r.code).toBe(0);
  });

  it("100,000 phrases: no 'Regular expression too large', every file linted, quickly", async () => {
    const phrases = Array.from({ length: 100_000 }, (_, i) => `code word ${i.toString(36)}`);
    const files = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`d${i}.txt`, `Please use code   word ${(i * 4999).toString(36)} today.\n`]));
    const r = await lintWithPack(packYaml("code-words", `    phrases: ${JSON.stringify(phrases)}\n`), files);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: any) => f.findings.map((x: any) => x.message))).toEqual(
      Object.values(files).map((text) => [`${/code\s+word \w+/.exec(text)![0]} found`]),
    );
  });
});

describe("the built-in packs as a user would copy them", () => {
  it.each(["recipients", "tone", "hygiene"])("rules/%s.yaml loads as a user pack (less its lexicons), every pattern within the limit", (name) => {
    const pack = yaml.load(readFileSync(join(ROOT, "rules", `${name}.yaml`), "utf8")) as Record<string, unknown>;
    const dir = tempProject({ [`${name}.yaml`]: yaml.dump(pack) });
    expect(() => loadPackFile(join(dir, `${name}.yaml`))).toThrow(/lexicons\.\w+: a user pack's lexicons are not read/);
    delete pack.lexicons;
    writeFileSync(join(dir, `${name}.yaml`), yaml.dump(pack));
    expect(() => loadPackFile(join(dir, `${name}.yaml`))).not.toThrow();
  });
});

describe("phrase matching", () => {
  const find = (phrases: string[], text: string) => [...new PhraseMatcher(phrases).matches(text)].map((m) => text.slice(m.start, m.end));

  it("is case-insensitive, on word boundaries, with any whitespace between words", () => {
    expect(find(["free upgrade"], "A FREE\n upgrade! a free-upgrade, freeupgrade, free upgraded")).toEqual(["FREE\n upgrade"]);
    expect(find(["co"], "co-op. Co, coop")).toEqual(["co", "Co"]);
    expect(find(["e.g."], "e.g. this, e.g.x")).toEqual(["e.g."]);
    expect(find(["$5"], "only $5 or a$5")).toEqual(["$5"]);
  });

  it("prefers the longest phrase at one place, and does not overlap", () => {
    expect(find(["free upgrade", "free upgrade to a suite"], "a free upgrade to a suite")).toEqual(["free upgrade to a suite"]);
    expect(find(["a a"], "a a a a a")).toEqual(["a a", "a a"]);
  });
});

describe("a mistake in a user pack is one line naming the pack and the key", () => {
  it.each([
    ["a whitespace-only phrase", packYaml("blank", `    phrases: ["   "]\n`), /mine\.yaml: rules\.0\.phrases\.0: a phrase of only spaces would match everywhere/],
    ["patterns as a string, not a list", packYaml("secrecy", `    patterns:\n      phrases: "between you and me"\n`), /mine\.yaml: rules\.0\.patterns\.phrases: expected a list of patterns/],
    ["a misspelt patterns key", packYaml("secrecy", `    patterns:\n      phrase: ["between you and me"]\n`), /mine\.yaml: rules\.0\.patterns\.phrase: not a key secrecy reads \(expected phrases, exceptions\)/],
    ["a hygiene rule's list with a number in it", packYaml("empty-subject", `    patterns:\n      prefixes: [re, 3]\n`), /mine\.yaml: rules\.0\.patterns\./],
    ["unbalanced parentheses", packYaml("secrecy", `    patterns:\n      phrases: ["between (you and me"]\n`), /mine\.yaml: rules\.0\.patterns\.phrases\.0: unbalanced parentheses/],
    ["patterns on a rule with no built-in logic", packYaml("my-rule", `    phrases: [a b]\n    patterns:\n      words: [c]\n`), /mine\.yaml: rules\.0\.patterns\.words: only a rule with built-in logic reads patterns/],
  ])("%s", async (_, pack, message) => {
    const r = await lintWithPack(pack, { "a.txt": "Between you and me.\n", "b.txt": "Between you and me.\n" });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).not.toContain("rules/hygiene.yaml");
  });

  it("a FIFO or /dev/zero named as a pack is refused at once, not read forever", async () => {
    const dir = tempProject({ "a.txt": "Hello.\n" });
    execFileSync("mkfifo", [join(dir, "fifo.yaml")]);
    for (const pack of [join(dir, "fifo.yaml"), "/dev/zero"]) {
      writeFileSync(join(dir, "config.json"), JSON.stringify({ packs: [pack] }));
      const r = spawnSync(process.execPath, [CLI, "-c", "config.json", "a.txt"], { cwd: dir, timeout: 20_000, encoding: "utf8" });
      expect(r.signal).toBeNull();
      expect(r.status).toBe(2);
      expect(r.stderr.trim()).toMatch(/cannot read rule pack \(not a regular file\)$/);
    }
  });

  it("the library rejects with the same config error", async () => {
    const dir = tempProject({ "mine.yaml": packYaml("blank", `    phrases: [" "]\n`) });
    await expect(lint("Hi", { cwd: dir, config: { packs: ["./mine.yaml"] } })).rejects.toThrow(/phrases\.0: a phrase of only spaces/);
  });
});
