/**
 * What the CLI does with the paths it is given and the places it writes (issue 14): a report
 * file that is also an input, special files (FIFOs, /dev/zero) named as drafts or packs, a
 * closed or full standard output, unreadable and symlinked directories. Each must end in
 * seconds with findings or one plain line and exit 2, and never change an input.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { CLI, CONFIG_NAME, DRAFTS, RECIPIENTS_ONLY, ensureBuilt, runCli, tempProject } from "../integrations/helpers.js";

vi.setConfig({ testTimeout: 60_000 });
beforeAll(ensureBuilt, 120_000);

const lookalike = readFileSync(join(DRAFTS, "lookalike.eml"), "utf8");
const clean = readFileSync(join(DRAFTS, "clean.eml"), "utf8");

describe("-o onto an input", () => {
  it.each([
    ["the file itself", ["-o", "draft.eml", "draft.eml"]],
    ["a draft inside a walked directory", ["-o", "drafts/notes.md", "drafts"]],
    ["a symlink to an input", ["-o", "report.txt", "draft.eml"]],
  ])("is refused before anything is written: %s", async (_, args) => {
    const dir = tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY, "draft.eml": lookalike, "drafts/a.eml": clean, "drafts/notes.md": "Notes for Karen.\n" });
    symlinkSync(join(dir, "draft.eml"), join(dir, "report.txt"));
    const r = await runCli(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^draftlint: -o \S+: is one of the inputs \(\S+\); not overwriting it$/)]);
    expect(readFileSync(join(dir, "draft.eml"), "utf8")).toBe(lookalike);
    expect(readFileSync(join(dir, "drafts/notes.md"), "utf8")).toBe("Notes for Karen.\n");
  });

  it("still writes a report file that is not an input", async () => {
    const dir = tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY, "draft.eml": lookalike, "report.json": "old" });
    const r = await runCli(["-f", "json", "-o", "report.json", "draft.eml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, "report.json"), "utf8")).files[0].file).toBe("draft.eml");
  });
});
