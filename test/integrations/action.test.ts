/**
 * The GitHub Action (action.yml): its shell steps run here as the runner would run them (bash,
 * inputs as environment variables, $GITHUB_OUTPUT, the action's checkout as ACTION_PATH), with
 * draftlint run from this repository. The upload step is GitHub's own action and is only checked
 * for its wiring. A draftlint that cannot be installed or run is a red step. The install from the
 * action's own checkout (npm ci) is in installs.test.ts, where it shares pre-commit's checkout.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DRAFTS, ROOT, ensureBuilt, tempProject } from "./helpers.js";
import { action, failStep, inputs, installStep, lintStep, repository, runStep, uploadStep } from "./actionSteps.js";

// Every test here starts real processes (node, git, npm): allow for a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const validateSarif = new Ajv.default({ strict: false }).compile(JSON.parse(readFileSync(join(ROOT, "test", "integrations", "sarif-schema-2.1.0.json"), "utf8")));

beforeAll(ensureBuilt, 120_000);

describe("action.yml", () => {
  it("is a composite action whose steps install draftlint, run it, upload the SARIF, then decide", () => {
    expect(action.runs.using).toBe("composite");
    expect(installStep.env.ACTION_PATH).toBe("${{ github.action_path }}");
    expect(lintStep.env.ACTION_PATH).toBe("${{ github.action_path }}");
    // Not from the npm registry, where draftlint is not published.
    expect(JSON.stringify(action)).not.toMatch(/npx|draftlint@/);
    expect(lintStep.run).toContain("-f sarif -o");
    expect(uploadStep.uses).toMatch(/^github\/codeql-action\/upload-sarif@/);
    expect(uploadStep.with.sarif_file).toBe("${{ inputs.sarif-file }}");
    expect(failStep.if).toContain("always()");
  });

  it("writes a valid SARIF report and the exit code, and the last step fails on errors", async () => {
    const dir = repository({ "drafts/rota.eml": readFileSync(join(DRAFTS, "lookalike.eml")), "drafts/clean.eml": readFileSync(join(DRAFTS, "clean.eml")) });
    const lint = await runStep(lintStep, dir, inputs());
    expect(lint.code).toBe(0); // the step records the result; it does not fail before the upload
    expect(lint.outputs["exit-code"]).toBe("1");
    const sarif = JSON.parse(readFileSync(join(dir, "draftlint.sarif"), "utf8"));
    expect(validateSarif(sarif)).toBe(true);
    expect(sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri)).toContain("drafts/rota.eml");

    const fail = await runStep(failStep, dir, { CODE: "1", FAIL_ON_ERROR: "true" });
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain("::error title=draftlint::");
    expect((await runStep(failStep, dir, { CODE: "1", FAIL_ON_ERROR: "false" })).code).toBe(0);
    expect((await runStep(failStep, dir, { CODE: "2", FAIL_ON_ERROR: "false" })).code).toBe(2);
    expect((await runStep(failStep, dir, { CODE: "0", FAIL_ON_ERROR: "true" })).code).toBe(0);
  });

  it("passes globs to draftlint unexpanded, and the config and extra arguments through", async () => {
    const dir = repository({ "drafts/a/rota.eml": readFileSync(join(DRAFTS, "clean.eml")), "other.json": Buffer.from(JSON.stringify({ packs: ["recipients"], rules: { "external-recipient": "off" } })) });
    const lint = await runStep(lintStep, dir, inputs({ DRAFTLINT_PATHS: "drafts/**/*.eml", DRAFTLINT_CONFIG: "other.json", DRAFTLINT_ARGS: "--max-warnings 0", DRAFTLINT_SARIF: "out.sarif" }));
    expect(lint.outputs["exit-code"]).toBe("0");
    const sarif = JSON.parse(readFileSync(join(dir, "out.sarif"), "utf8"));
    expect(sarif.runs[0].results).toEqual([]);
  });

  it("a draftlint that cannot be installed is a red step (exit 2), and the job cannot pass green", async () => {
    const brokenCheckout = tempProject({ "package.json": "{ not json" }, "draftlint-broken-action-");
    const dir = repository({ "drafts/clean.eml": readFileSync(join(DRAFTS, "clean.eml")) });
    const install = await runStep(installStep, dir, { ACTION_PATH: brokenCheckout });
    expect(install.code).toBe(2);
    expect(install.stdout).toContain("::error title=draftlint::draftlint could not be installed");
    // The lint step is skipped after a failed step; the last step runs always() and has no exit code.
    const fail = await runStep(failStep, dir, { CODE: "", FAIL_ON_ERROR: "false" });
    expect(fail.code).toBe(2);
    expect(fail.stdout).toContain("it did not run");
  });

  it("a draftlint that does not start (node exits 1, no SARIF) is exit code 2, and fails the job even with fail-on-error: false", async () => {
    const dir = repository({ "drafts/clean.eml": readFileSync(join(DRAFTS, "clean.eml")) });
    const lint = await runStep(lintStep, dir, inputs({ ACTION_PATH: join(dir, "nowhere") }));
    expect(lint.outputs["exit-code"]).toBe("2");
    expect(lint.stdout).toContain("wrote no SARIF report");
    const fail = await runStep(failStep, dir, { CODE: lint.outputs["exit-code"], FAIL_ON_ERROR: "false" });
    expect(fail.code).toBe(2);
  });
});
