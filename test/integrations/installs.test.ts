/**
 * draftlint installed from a checkout of its repository, as users' tools do it, sharing one
 * snapshot and one build: each install is a minute of a busy machine's CPU, the longest tests of
 * the suite.
 *
 * 1. The pre-commit framework (https://pre-commit.com) installing draftlint from this repository's
 *    `.pre-commit-hooks.yaml`, as a user's `.pre-commit-config.yaml` would: it clones the
 *    repository at a commit, runs `npm install` (whose `prepare` builds dist/) and `npm pack`, and
 *    reads the tarball's name from `npm pack`'s stdout — which lifecycle banners used to corrupt
 *    ("seems to be corrupted"). Needs the real `pre-commit` (Debian's package, installed by
 *    .ci/deps.sh); without it that test is skipped, saying so.
 * 2. The GitHub Action's install step (action.yml) in the action's own checkout: `npm ci`, then
 *    draftlint run from there. The checkout is the one pre-commit cloned and built (pre-commit
 *    removes its node_modules after installing, so the step must install them again); without
 *    pre-commit, a fresh snapshot that npm ci builds.
 *
 * The repository is snapshotted as it is now (committed or not) into a temporary git repository,
 * since pre-commit installs from a commit.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DRAFTS, GIT_ENV, snapshotRepository, tempProject } from "./helpers.js";
import { inputs, installStep, lintStep, repository, runStep } from "./actionSteps.js";

const hasPreCommit = spawnSync("pre-commit", ["--version"], { encoding: "utf8" }).status === 0;
if (!hasPreCommit) console.warn("pre-commit is not installed (apt-get install pre-commit): the pre-commit framework test is skipped");

/** The checkout pre-commit cloned and built, once its test has run. */
let preCommitCheckout: string | null = null;

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
    const home = join(project, ".pre-commit-home");
    const env = { ...GIT_ENV, PRE_COMMIT_HOME: home, NO_COLOR: "1" };
    const run = spawnSync("pre-commit", ["run", "--all-files", "--color", "never"], { cwd: project, env, encoding: "utf8", timeout: 280_000 });
    const out = run.stdout + run.stderr;
    expect(out).not.toContain("corrupted");
    expect(run.status, out).toBe(1);
    expect(out).toContain("drafts/wedding.eml");
    expect(out).toMatch(/error +This judges "they"/);
    expect(out).not.toContain("README.md");
    const clone = readdirSync(home).map((name) => join(home, name)).find((dir) => existsSync(join(dir, "action.yml")));
    if (clone && existsSync(join(clone, "dist", "cli.cjs"))) preCommitCheckout = clone;
  });
});

describe("the action's install step", () => {
  it("installs draftlint in the action's own checkout with npm ci and runs it from there", { timeout: 300_000 }, async () => {
    const checkout = preCommitCheckout ?? snapshotRepository().dir;
    // No node_modules: the step cannot take its "already installed" path, and must run npm ci.
    expect(existsSync(join(checkout, "node_modules"))).toBe(false);
    const dir = repository({ "drafts/rota.eml": readFileSync(join(DRAFTS, "lookalike.eml")) });
    const install = await runStep(installStep, dir, { ACTION_PATH: checkout });
    expect(install.code, install.stderr).toBe(0);
    expect(install.stdout).not.toContain("already installed");
    expect(existsSync(join(checkout, "node_modules"))).toBe(true);
    expect(existsSync(join(checkout, "dist", "cli.cjs"))).toBe(true);
    const lint = await runStep(lintStep, dir, inputs({ ACTION_PATH: checkout }));
    expect(lint.outputs["exit-code"]).toBe("1");
    expect(lint.stdout).toContain("draftlint exited with 1; SARIF report in draftlint.sarif");
  });
});
