/**
 * Shared by the integration tests: they drive the built CLI and bins (dist/) the way users and
 * other tools do, so dist/ must be current. `npm test` builds first; when a test file is run on
 * its own, `ensureBuilt` rebuilds once if any source is newer than the bundle.
 */
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, rmdirSync, statSync, writeFileSync } from "node:fs";
import { afterAll } from "vitest";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CLI = join(ROOT, "bin", "draftlint.js");
export const SENDMAIL_BIN = join(ROOT, "bin", "draftlint-sendmail.js");
export const DRAFTS = join(ROOT, "test", "integrations", "drafts");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  const bundle = join(ROOT, "dist", "sendmail.js");
  if (!existsSync(bundle) || !existsSync(join(ROOT, "dist", "nodemailer.js")) || !existsSync(join(ROOT, "dist", "types", "index.d.ts"))) return true;
  const built = statSync(join(ROOT, "dist", "cli.js")).mtimeMs;
  return [join(ROOT, "src"), join(ROOT, "rules")].some((d) => newestMtime(d) > built);
}

const STAMP = join(tmpdir(), `draftlint-built-${Buffer.from(ROOT).toString("hex").slice(-24)}`);

/**
 * Whether another test file of this same run (vitest's forks share one parent process) already
 * built: building again would pull dist/ from under the tests it is running.
 */
function builtThisRun(): boolean {
  try {
    return readFileSync(STAMP, "utf8") === String(process.ppid);
  } catch {
    return false;
  }
}

/**
 * Rebuilds dist/ when it is missing or older than src/, once per run (test files run in parallel
 * workers: one builds, holding a lock directory, the others wait and reuse its build).
 */
export async function ensureBuilt(): Promise<void> {
  if (!isStale()) return;
  const lock = `${STAMP}.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (isStale() && !(builtThisRun() && existsSync(join(ROOT, "dist", "sendmail.js")))) {
      execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: ROOT, stdio: "pipe" });
      writeFileSync(STAMP, String(process.ppid));
    }
  } finally {
    rmdirSync(lock);
  }
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: Buffer | string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: { ...process.env, NO_COLOR: "1", ...options.env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c) => out.push(c));
    child.stderr.on("data", (c) => err.push(c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
    child.stdin.on("error", () => {}); // a child that exits before reading all input
    child.stdin.end(options.input ?? "");
  });
}

export async function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: Buffer | string } = {}): Promise<RunResult> {
  await ensureBuilt();
  return run(process.execPath, [CLI, ...args], options);
}

const created: string[] = [];
const removeCreated = () => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
};
// The temporary projects go with the test file that made them. Test files share this module
// within a worker (vitest.config.ts: isolate false), so only the first file to import it runs
// this afterAll: the others' projects go when the worker exits. (Removing an installed checkout's
// node_modules took over vitest's default 10 s for a hook on a busy machine.)
afterAll(removeCreated, 120_000);
process.once("exit", removeCreated);

/** A temporary directory with the given files (a config, drafts); removed after the file's tests. */
export function tempProject(files: Record<string, string | Buffer> = {}, prefix = "draftlint-it-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/**
 * The config the integration tests lint with, unless a test needs the default packs: the
 * recipient rules alone are deterministic and enough to drive every integration (a look-alike
 * domain is an error, an outsider on Cc a warning).
 */
export const RECIPIENTS_ONLY = JSON.stringify({ packs: ["recipients"], internalDomains: ["stokepark.com"] });
export const CONFIG_NAME = ".linterrc.json";

export const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" };

/**
 * This repository's files as they are now (committed or not, without node_modules or dist/),
 * committed into a fresh repository: what a user's clone, pre-commit or an Action checkout gets.
 */
export function snapshotRepository(): { dir: string; rev: string } {
  const dir = tempProject({}, "draftlint-snapshot-");
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: ROOT }).toString("utf8").split("\0").filter(Boolean);
  const archive = execFileSync("tar", ["cf", "-", "--null", "-T", "-"], { cwd: ROOT, input: files.join("\0"), maxBuffer: 1 << 30 });
  execFileSync("tar", ["xf", "-"], { cwd: dir, input: archive });
  for (const args of [["init", "-q"], ["add", "-A"], ["commit", "-qm", "snapshot"]]) execFileSync("git", args, { cwd: dir, env: GIT_ENV });
  return { dir, rev: execFileSync("git", ["rev-parse", "HEAD"], { cwd: dir, encoding: "utf8" }).trim() };
}
