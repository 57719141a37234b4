/**
 * git hooks: `draftlint hooks install sendemail-validate|pre-commit` writes a small shell hook
 * into the repository's hooks directory, and the hook calls back into `draftlint hooks run …`,
 * where the logic lives (and is tested) rather than in shell.
 *
 * - `sendemail-validate`: git send-email runs it on each message before sending ($1, the message;
 *   git 2.43 and later also pass a file of the SMTP headers as $2, whose To/Cc/Bcc are the real
 *   recipients). A non-zero exit stops the whole send.
 * - `pre-commit`: lints the staged version of every staged draft or template, so a repository of
 *   email templates cannot take a commit with an error in it.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, extname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ChalkInstance } from "chalk";
import picomatch from "picomatch";
import type { FileResult } from "../types.js";
import { loadConfig, resolveConfigFor, type LoadedConfig } from "../config/loadConfig.js";
import { UsageError } from "../config/errors.js";
import { fileError, lintSource } from "../engine/lint.js";
import { DRAFT_EXTENSIONS } from "../input/collectInputs.js";
import { buildReport } from "../report/summarise.js";
import { formatStylish } from "../report/stylish.js";

export const HOOK_NAMES = ["sendemail-validate", "pre-commit"] as const;
export type HookName = (typeof HOOK_NAMES)[number];

/** Marks a hook as ours, so re-installing the same hook is not "overwriting someone's hook". */
const MARKER = "# Installed by draftlint";

function git(args: string[], cwd: string): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/**
 * The hooks directory git itself will use: `git rev-parse --git-path hooks` honours
 * `core.hooksPath` and linked worktrees, where `.git/hooks` would be wrong.
 */
export function hooksDirectory(cwd: string): string {
  let path: string;
  try {
    path = git(["rev-parse", "--git-path", "hooks"], cwd);
  } catch {
    throw new UsageError(`${cwd}: not inside a git repository`);
  }
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/** How the hook finds draftlint: the project's own copy first, then the one that installed it. */
function hookScript(name: HookName, installer: string | null): string {
  const quoted = installer ? `'${installer.replace(/'/g, "'\\''")}'` : null;
  const fallback = quoted ? `elif [ -f ${quoted} ]; then\n  set -- node ${quoted} hooks run ${name} "$@"\n` : "";
  const what =
    name === "sendemail-validate"
      ? "# Lints each message git send-email is about to send ($1; $2 holds the SMTP headers on\n# git 2.43+); an error in any message stops the whole send. Skip once with --no-validate."
      : "# Lints the staged version of each staged draft or template; an error stops the commit.\n# Skip once with git commit --no-verify.";
  return `#!/bin/sh
${MARKER} (\`draftlint hooks install ${name}\`).
${what}
if [ -x ./node_modules/.bin/draftlint ]; then
  set -- ./node_modules/.bin/draftlint hooks run ${name} "$@"
${fallback}elif command -v draftlint >/dev/null 2>&1; then
  set -- draftlint hooks run ${name} "$@"
else
  echo "draftlint: not found (npm install --save-dev draftlint); refusing, as a guard that cannot run must not pass" >&2
  exit 1
fi
exec "$@"
`;
}

/** The CLI entry that is running now (bin/draftlint.js), for the hook's fallback. */
function currentInstaller(): string | null {
  const bin = process.argv[1];
  if (bin && /draftlint(\.js)?$/.test(bin) && existsSync(bin)) return realpathSync(bin);
  try {
    const here = fileURLToPath(import.meta.url);
    const candidate = resolve(dirname(here), "..", "bin", "draftlint.js");
    return existsSync(candidate) ? candidate : null;
  } catch {
    return null;
  }
}

export interface InstallResult {
  path: string;
  /** Where a hook that --force replaced was kept. */
  backup: string | null;
  unchanged: boolean;
}

export function installHook(name: string, options: { force?: boolean; cwd?: string; installer?: string | null } = {}): InstallResult {
  if (!(HOOK_NAMES as readonly string[]).includes(name)) {
    throw new UsageError(`unknown hook "${name}" (expected ${HOOK_NAMES.join(" or ")})`);
  }
  const cwd = options.cwd ?? process.cwd();
  const dir = hooksDirectory(cwd);
  const path = join(dir, name);
  const script = buildHookScript(name as HookName, options.installer === undefined ? currentInstaller() : options.installer);
  let backup: string | null = null;
  if (existsSync(path)) {
    const existing = readFileSync(path, "utf8");
    if (existing === script) {
      chmodSync(path, 0o755);
      return { path, backup: null, unchanged: true };
    }
    if (!options.force) {
      const whose = existing.includes(MARKER) ? "an older draftlint hook" : "a hook that is not draftlint's";
      throw new UsageError(`${path} already exists (${whose}); not overwriting it. Use --force to replace it (a copy is kept).`);
    }
    backup = `${path}.before-draftlint`;
    copyFileSync(path, backup);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, script, { mode: 0o755 });
  chmodSync(path, 0o755); // the mode option does not apply to a file that already existed
  return { path, backup, unchanged: false };
}

export function buildHookScript(name: HookName, installer: string | null): string {
  return hookScript(name, installer);
}

/** The first line of `git format-patch` output is an mbox `From <sha> <date>` line, not a header. */
function withoutMboxFromLine(source: Buffer): { source: Buffer; removedLines: number } {
  if (source.subarray(0, 5).toString("latin1") !== "From ") return { source, removedLines: 0 };
  const nl = source.indexOf(0x0a);
  return nl === -1 ? { source, removedLines: 0 } : { source: source.subarray(nl + 1), removedLines: 1 };
}

/** To, Cc and Bcc header fields (unfolded) of an RFC 5322 header block. */
function recipientFields(headers: string): string[] {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, " ");
  return unfolded.split(/\r?\n/).filter((line) => /^(to|cc|bcc)\s*:/i.test(line));
}

/**
 * The message git send-email will send, as the linter should read it: when git passed the SMTP
 * headers ($2), their To/Cc/Bcc replace the patch's own, since those are who will receive it.
 */
export function messageForSendEmail(patch: Buffer, smtpHeaders: string | null): { source: Buffer; lineShift: number } {
  const stripped = withoutMboxFromLine(patch);
  const fields = smtpHeaders ? recipientFields(smtpHeaders) : [];
  if (!fields.length) return { source: stripped.source, lineShift: stripped.removedLines };
  const text = stripped.source.toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  const head = end === -1 ? text : text.slice(0, end);
  const kept = head
    .replace(/\r?\n[ \t]+/g, (m) => m.replace(/\r?\n/, "\u0000"))
    .split(/\r?\n/)
    .filter((line) => !/^(to|cc|bcc)\s*:/i.test(line))
    .map((line) => line.replace(/\u0000/g, "\n"));
  const newHead = [...fields, ...kept].join("\n");
  const rest = end === -1 ? "" : text.slice(end);
  const shift = stripped.removedLines + (head.split(/\r?\n/).length - newHead.split("\n").length);
  return { source: Buffer.from(newHead + rest, "latin1"), lineShift: shift };
}

function shiftFileLines(result: FileResult, shift: number): FileResult {
  if (!shift) return result;
  return {
    ...result,
    findings: result.findings.map((f) => (f.location.fileLine ? { ...f, location: { ...f.location, fileLine: Math.max(1, f.location.fileLine + shift) } } : f)),
  };
}

export interface HookIo {
  cwd: string;
  stderr: (text: string) => void;
  chalk: ChalkInstance;
}

function reportAndDecide(results: FileResult[], io: HookIo, what: string, skip: string): number {
  const report = buildReport(results);
  const text = formatStylish(report, { chalk: io.chalk });
  if (text) io.stderr(text);
  for (const r of results) if (r.error) io.stderr(`draftlint: ${r.file}: ${r.error.message}\n`);
  if (report.summary.errors > 0 || report.summary.fileErrors > 0) {
    io.stderr(`draftlint: ${what} stopped. Fix the problems above, or skip the check once with ${skip}.\n`);
    return 1;
  }
  return 0;
}

export async function runSendEmailValidate(args: string[], io: HookIo): Promise<number> {
  const [patchPath, headersPath] = args;
  if (!patchPath) throw new UsageError("sendemail-validate: expected the message file as the first argument");
  const loaded = await loadConfig({ searchFrom: io.cwd });
  const patch = await readFile(resolve(io.cwd, patchPath));
  const headers = headersPath && existsSync(resolve(io.cwd, headersPath)) ? readFileSync(resolve(io.cwd, headersPath), "utf8") : null;
  const { source, lineShift } = messageForSendEmail(patch, headers);
  const result = await lintSource(source, { file: patchPath, config: resolveConfigFor(patchPath, loaded), ruleSet: loaded.ruleSet, input: "eml" });
  return reportAndDecide([shiftFileLines(result, lineShift)], io, "send-email", "git send-email --no-validate");
}

const DRAFT_FILE = new RegExp(`\\.(${DRAFT_EXTENSIONS.join("|")})$`, "i");

/** Lints what is staged (the index), not what is in the work tree: that is what gets committed. */
export async function runPreCommit(io: HookIo): Promise<number> {
  const top = git(["rev-parse", "--show-toplevel"], io.cwd);
  const staged = execFileSync("git", ["diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z"], { cwd: top })
    .toString("utf8")
    .split("\0")
    .filter((p) => p && DRAFT_FILE.test(p));
  if (!staged.length) return 0;
  const configs = new Map<string, Promise<LoadedConfig>>();
  const configFor = (dir: string) => {
    let found = configs.get(dir);
    if (!found) configs.set(dir, (found = loadConfig({ searchFrom: dir })));
    return found;
  };
  const results: FileResult[] = [];
  for (const path of staged) {
    const absolute = resolve(top, path);
    const loaded = await configFor(dirname(absolute));
    const ignored = picomatch(loaded.config.ignorePatterns ?? [], { dot: true });
    if (ignored(path)) continue;
    let source: Buffer;
    try {
      source = execFileSync("git", ["cat-file", "blob", `:${path}`], { cwd: top, maxBuffer: 1 << 30 });
    } catch {
      results.push(fileError(path, "read-error", "cannot read the staged version"));
      continue;
    }
    // An mbox archive is streamed from the work tree, message by message, as the CLI does.
    if (/\.mbox$/i.test(extname(path))) {
      results.push(...(await lintWorkTreeFile(absolute, path, loaded)));
      continue;
    }
    results.push(await lintSource(source, { file: path, config: resolveConfigFor(absolute, loaded), ruleSet: loaded.ruleSet }));
  }
  return reportAndDecide(results, io, "commit", "git commit --no-verify");
}

async function lintWorkTreeFile(absolute: string, name: string, loaded: LoadedConfig): Promise<FileResult[]> {
  const { isMboxFile, lintMbox } = await import("../input/mbox.js");
  if (await isMboxFile(absolute)) {
    const results = await lintMbox(absolute, (member, source) =>
      lintSource(source, { file: member, config: resolveConfigFor(absolute, loaded), ruleSet: loaded.ruleSet, input: "eml" }),
    );
    return results.map((r) => ({ ...r, file: r.file.replace(absolute, name) }));
  }
  const source = await readFile(absolute);
  return [await lintSource(source, { file: name, config: resolveConfigFor(absolute, loaded), ruleSet: loaded.ruleSet })];
}

export async function runHook(name: string, args: string[], io: HookIo): Promise<number> {
  if (name === "sendemail-validate") return runSendEmailValidate(args, io);
  if (name === "pre-commit") return runPreCommit(io);
  throw new UsageError(`unknown hook "${name}" (expected ${HOOK_NAMES.join(" or ")})`);
}
