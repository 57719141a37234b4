/**
 * `draftlint init` as a new user runs it: the organisation from git's user.email, never a
 * free-mail provider as "internal".
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { jsonOf, lintIn, tempProject } from "./helpers.js";

// Only the repository's own git config: a developer's global user.email must not leak in.
const GIT_ENV = { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_SYSTEM: "/dev/null" };

function repoWithEmail(email: string | null, files: Record<string, string> = {}): string {
  const dir = tempProject(files);
  execFileSync("git", ["init", "-q"], { cwd: dir, env: { ...process.env, ...GIT_ENV } });
  if (email) execFileSync("git", ["config", "user.email", email], { cwd: dir });
  return dir;
}

const written = (dir: string) => yaml.load(readFileSync(join(dir, ".linterrc.yaml"), "utf8")) as { internalDomains: string[] };

describe("draftlint init", () => {
  it("writes the organisation, not the mail host: karen@acme.co.uk is then a colleague", async () => {
    const draft = "From: Jo <jo@mail.acme.co.uk>\nTo: Karen <karen@acme.co.uk>\nSubject: Rota\n\nHi Karen, the rota is done.\n";
    const dir = repoWithEmail("jo@mail.acme.co.uk", { "rota.eml": draft });
    const init = await lintIn(dir, ["init"], GIT_ENV);
    expect([init.code, init.stdout]).toEqual([0, `Wrote ${dir}/.linterrc.yaml with internal domain acme.co.uk.\n`]);
    expect(written(dir).internalDomains).toEqual(["acme.co.uk"]);
    const lint = await lintIn(dir, ["-f", "json", "rota.eml"], GIT_ENV);
    expect(jsonOf(lint).files[0].recipients[0].external).toBe(false);
  });

  it("for a free-mail user writes no internal domain, so a customer at the same provider stays an outsider", async () => {
    const draft = "From: Emma <emma.hart@gmail.com>\nTo: Richard <richard@stokepark.com>\nCc: Pauline <pauline.bailey@gmail.com>\nSubject: Wedding\n\nHi Richard,\n";
    const dir = repoWithEmail("emma.hart@gmail.com", { "wedding.eml": draft });
    const init = await lintIn(dir, ["init"], GIT_ENV);
    expect(init.stdout).toContain("gmail.com, which is free mail, so no internal domain was set");
    expect(written(dir).internalDomains).toEqual([]);
    const lint = await lintIn(dir, ["-f", "json", "wedding.eml"], GIT_ENV);
    const pauline = jsonOf(lint).files[0].recipients.find((r: any) => r.address === "pauline.bailey@gmail.com");
    expect(pauline.external).toBe(true);
  });

  it("without a git user.email says what to set", async () => {
    const dir = repoWithEmail(null);
    const init = await lintIn(dir, ["init"], GIT_ENV);
    expect(init.stdout).toBe(`Wrote ${dir}/.linterrc.yaml; set internalDomains (git has no user.email to guess from).\n`);
    expect(written(dir).internalDomains).toEqual([]);
  });
});
