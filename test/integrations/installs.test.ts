/**
 * The pre-commit framework (https://pre-commit.com) installing draftlint from this repository's
 * `.pre-commit-hooks.yaml`, as a user's `.pre-commit-config.yaml` would: it clones the repository
 * at a commit, runs `npm install` and `npm pack`, and reads the tarball's name from `npm pack`'s
 * stdout — which lifecycle banners used to corrupt ("seems to be corrupted").
 *
 * Needs the real `pre-commit` (Debian's package, installed by .ci/deps.sh); without it the test
 * is skipped, saying so. The repository is snapshotted as it is now (committed or not) into a
 * temporary git repository, since pre-commit installs from a commit.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DRAFTS, GIT_ENV, snapshotRepository, tempProject } from "./helpers.js";

const hasPreCommit = spawnSync("pre-commit", ["--version"], { encoding: "utf8" }).status === 0;
if (!hasPreCommit) console.warn("pre-commit is not installed (apt-get install pre-commit): the pre-commit framework test is skipped");

describe.skipIf(!hasPreCommit)("pre-commit framework", () => {
  it("installs the hook with npm pack and lints the staged drafts, not the README", { timeout: 300_000 }, () => {
    const hookRepo = snapshotRepository();
    const project = tempProject({
      ".pre-commit-config.yaml": `repos:\n  - repo: ${hookRepo.dir}\n    rev: ${hookRepo.rev}\n    hooks:\n      - id: draftlint\n`,
      "drafts/wedding.eml": readFileSync(join(DRAFTS, "stoke-park.eml")),
      "README.md": "We still need to write this part, TODO.\n",
    });
    execFileSync("git", ["init", "-q"], { cwd: project, env: GIT_ENV });
    execFileSync("git", ["add", "-A"], { cwd: project, env: GIT_ENV });
    const env = { ...GIT_ENV, PRE_COMMIT_HOME: join(project, ".pre-commit-home"), NO_COLOR: "1" };
    const run = spawnSync("pre-commit", ["run", "--all-files", "--color", "never"], { cwd: project, env, encoding: "utf8", timeout: 280_000 });
    const out = run.stdout + run.stderr;
    expect(out).not.toContain("corrupted");
    expect(run.status, out).toBe(1);
    expect(out).toContain("drafts/wedding.eml");
    expect(out).toMatch(/error +This judges "they"/);
    expect(out).not.toContain("README.md");
  });
});
