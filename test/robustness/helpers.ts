/**
 * Shared by the robustness tests: temp folders, running the built CLI, and the config every test
 * lints with. By default that is draftlint's own default config (all built-in packs), so hostile
 * inputs meet the real rules. ROBUSTNESS_PACKS=recipients,hygiene narrows it (for debugging while a
 * pack is being rewritten); it is never needed for the suite to pass.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = join(ROOT, "bin", "draftlint.js");

export function tempDir(prefix = "draftlint-robust-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A config file for the CLI (`-c`), or none; and the config object for the library. */
export function testConfig(dir: string): { args: string[]; config: unknown } {
  const packs = process.env.ROBUSTNESS_PACKS?.split(",").filter(Boolean);
  if (!packs?.length) return { args: [], config: undefined };
  const file = join(dir, "robustness.linterrc.json");
  writeFileSync(file, JSON.stringify({ packs }));
  return { args: ["-c", file], config: { packs } };
}

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  report: any;
}

export function runCli(args: string[], options: { cwd?: string; nodeArgs?: string[]; timeout?: number; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: "utf8",
    timeout: options.timeout ?? 60_000,
    maxBuffer: 256 << 20,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
  });
  let report: any = null;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    report = null;
  }
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, report };
}

/** No stack trace on stderr: every line is a plain message (SPEC §6). */
export function hasStackTrace(stderr: string): boolean {
  return /^\s+at .+(\(|:\d+:\d+)/m.test(stderr);
}

/** A config error means the rules never ran on the input: not a valid outcome for these tests. */
export function assertLinted(file: { error: { code: string; message: string } | null }): void {
  if (file.error?.code === "config-error") throw new Error(`the built-in config did not load: ${file.error.message}`);
}
