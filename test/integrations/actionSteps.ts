/**
 * The GitHub Action's shell steps (action.yml), run here as the runner would run them: bash,
 * inputs as environment variables, $GITHUB_OUTPUT, the action's checkout as ACTION_PATH. Shared
 * by action.test.ts and installs.test.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { CONFIG_NAME, RECIPIENTS_ONLY, ROOT, run, tempProject } from "./helpers.js";

export const action = yaml.load(readFileSync(join(ROOT, "action.yml"), "utf8")) as any;
export const [installStep, lintStep, uploadStep, failStep] = action.runs.steps;

/** A user's repository: drafts and a config, and no draftlint of its own. */
export function repository(drafts: Record<string, Buffer>): string {
  return tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY, ...drafts }, "draftlint-action-");
}

/** Runs a step's script; ACTION_PATH is where the runner checked out the action (here: this repository, built). */
export async function runStep(step: any, dir: string, env: Record<string, string>) {
  const output = join(dir, "github-output");
  writeFileSync(output, "");
  const r = await run("bash", ["-e", "-c", step.run], { cwd: dir, env: { GITHUB_OUTPUT: output, ...env } });
  const outputs = Object.fromEntries(readFileSync(output, "utf8").split("\n").filter(Boolean).map((l) => l.split("=") as [string, string]));
  return { ...r, outputs };
}

export const inputs = (overrides: Record<string, string> = {}) => ({
  ACTION_PATH: ROOT,
  DRAFTLINT_PATHS: "drafts",
  DRAFTLINT_CONFIG: "",
  DRAFTLINT_ARGS: "",
  DRAFTLINT_SARIF: "draftlint.sarif",
  ...overrides,
});
