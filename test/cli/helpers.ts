/**
 * For the command-line tests: the built CLI run in a temporary project, with a user-level config
 * folder of the test's own (a developer's ~/.config/draftlint must not change what a test sees).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli, tempProject, type RunResult } from "../integrations/helpers.js";

export { tempProject, type RunResult };

/** An empty XDG_CONFIG_HOME, so no user-level config applies unless a test writes one. */
export const EMPTY_XDG = mkdtempSync(join(tmpdir(), "draftlint-xdg-"));

export function lintIn(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<RunResult> {
  return runCli(args, { cwd, env: { XDG_CONFIG_HOME: EMPTY_XDG, ...env }, input });
}

export function jsonOf(run: RunResult): any {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

/** A draft from a colleague at stokepark.com to a colleague, with an outsider on Cc. */
export const STOKE_PARK = `From: Emma Hart <emma.hart@stokepark.com>
To: Richard Cole <richard.cole@stokepark.com>
Cc: Pauline Bailey <pauline.bailey@gmail.com>
Subject: Wedding enquiry for 14 June
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hi Richard,

The booking for 14 June is confirmed.

Emma
`;

export const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "");
