/**
 * `--internal-domain` (SPEC §6): adds internal domains to the configured ones, or to the
 * sender's organisation when none are configured; repeatable or comma-separated; one value per
 * flag, so the file name after it is linted, not read as a domain.
 */
import { describe, expect, it } from "vitest";
import { jsonOf, lintIn, tempProject } from "./helpers.js";

const DRAFT = `From: Emma Hart <emma@stokepark.com>
To: Richard Cole <richard@stokepark.com>, Sam Lee <sam@stokepark-events.com>
Cc: Ana Ruiz <ana@partner.org>
Subject: Seating plan

Hi all, the seating plan is attached.
`;

const externals = (run: any) => jsonOf(run).files[0].recipients.filter((r: any) => r.external).map((r: any) => r.address);

describe("--internal-domain", () => {
  it("adds to the sender's domain instead of replacing it, and never swallows the file name", async () => {
    const dir = tempProject({ "draft.eml": DRAFT });
    const run = await lintIn(dir, ["-f", "json", "--internal-domain", "stokepark-events.com", "draft.eml"]);
    expect(jsonOf(run).files.map((f: any) => f.file)).toEqual(["draft.eml"]);
    // richard@stokepark.com is still a colleague: the sender's domain stays internal.
    expect(externals(run)).toEqual(["ana@partner.org"]);
  });

  it("is repeatable and takes a comma-separated list", async () => {
    const dir = tempProject({ "draft.eml": DRAFT });
    const repeated = await lintIn(dir, ["-f", "json", "--internal-domain", "stokepark-events.com", "--internal-domain", "partner.org", "draft.eml"]);
    expect(externals(repeated)).toEqual([]);
    const comma = await lintIn(dir, ["-f", "json", "--internal-domain=stokepark-events.com,partner.org", "draft.eml"]);
    expect(externals(comma)).toEqual([]);
  });

  it("adds to configured internalDomains", async () => {
    const dir = tempProject({ "draft.eml": DRAFT, ".linterrc.yaml": "internalDomains: [stokepark.com]\n" });
    const run = await lintIn(dir, ["-f", "json", "--internal-domain", "partner.org", "draft.eml"]);
    expect(externals(run)).toEqual(["sam@stokepark-events.com"]);
  });

  it("a value that is not a domain is a usage error", async () => {
    const dir = tempProject({ "draft.eml": DRAFT });
    const run = await lintIn(dir, ["--internal-domain", "draft.eml/", "draft.eml"]);
    expect([run.code, run.stderr]).toEqual([2, "draftlint: --internal-domain draft.eml/: expected a domain such as acme.com\n"]);
  });
});
