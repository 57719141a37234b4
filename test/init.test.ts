import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import yaml from "js-yaml";
import { runInit } from "../src/cli/init.js";
import { validateConfig } from "../src/config/loadConfig.js";

describe("draftlint init", () => {
  it("writes a valid commented config with the domain from git's user.email", () => {
    const dir = mkdtempSync(join(tmpdir(), "draftlint-init-"));
    execFileSync("git", ["init", "-q"], { cwd: dir });
    execFileSync("git", ["config", "user.email", "jo.planner@StokePark.com"], { cwd: dir });
    expect(runInit(dir)).toContain("stokepark.com");
    const text = readFileSync(join(dir, ".linterrc.yaml"), "utf8");
    expect(text).toMatch(/^# /);
    const config = yaml.load(text) as { internalDomains: string[] };
    expect(config.internalDomains).toEqual(["stokepark.com"]);
    expect(() => validateConfig(config, ".linterrc.yaml", dir)).not.toThrow();
  });

  it("never overwrites an existing config without --force", () => {
    const dir = mkdtempSync(join(tmpdir(), "draftlint-init-"));
    runInit(dir);
    expect(() => runInit(dir)).toThrow(/already exists/);
    expect(() => runInit(dir, true)).not.toThrow();
  });
});
