/**
 * A config mistake is one line on stderr and exit 2, said once however many files it governs
 * (as ESLint does), with nothing on stdout to mistake for a report.
 */
import { describe, expect, it } from "vitest";
import { lines, lintIn, STOKE_PARK, tempProject } from "./helpers.js";

function projectWith(config: string, drafts = 30): string {
  const files: Record<string, string> = { ".linterrc.yaml": config };
  for (let i = 0; i < drafts; i++) files[`drafts/d${i}.eml`] = STOKE_PARK;
  return tempProject(files);
}

describe("one config mistake, reported once", () => {
  for (const format of ["stylish", "json", "compact", "github", "sarif"]) {
    it(`an unknown rule id over 30 drafts (${format}): one stderr line, exit 2`, async () => {
      const dir = projectWith("rules:\n  no-such-rule: off\n");
      const run = await lintIn(dir, ["-f", format, "drafts"]);
      expect(run.code).toBe(2);
      expect(lines(run.stderr)).toEqual([`draftlint: ${dir}/.linterrc.yaml: rules.no-such-rule: unknown rule id (see \`draftlint rules\`)`]);
      expect(run.stdout).toBe("");
    });
  }

  it("a wrong type in a config two folders down is named once, with its key path", async () => {
    const dir = tempProject({ "a/good.eml": STOKE_PARK, "b/c/.linterrc.yaml": "internalDomains: acme.com\n", "b/c/x.eml": STOKE_PARK, "b/c/y.eml": STOKE_PARK });
    const run = await lintIn(dir, ["."]);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([`draftlint: ${dir}/b/c/.linterrc.yaml: internalDomains: Invalid input: expected array, received string`]);
  });

  it("--config naming a missing file", async () => {
    const dir = projectWith("{}\n", 2);
    const run = await lintIn(dir, ["-c", "nope.yaml", "drafts"]);
    expect([run.code, run.stderr]).toEqual([2, "draftlint: nope.yaml: config file not found\n"]);
  });
});

describe("-o into a folder that does not exist", () => {
  it("is one plain line naming the folder, not a raw ENOENT", async () => {
    const dir = projectWith("{}\n", 1);
    const run = await lintIn(dir, ["-o", "missing-dir/report.json", "drafts"]);
    expect([run.code, run.stderr]).toEqual([2, "draftlint: --output-file missing-dir/report.json: the folder missing-dir does not exist\n"]);
  });
});
