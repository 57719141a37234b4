/**
 * `draftlint hooks install <hook>`: writes a small shell hook into the hooks directory git uses.
 * A hook that is already there is someone's work: it is never overwritten without `--force`, and
 * with `--force` it is moved aside (never copied over, never written through when it is a
 * symlink to a tracked script) and chained, so both it and draftlint still run.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync, type Stats } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "../config/errors.js";

export const HOOK_NAMES = ["sendemail-validate", "pre-commit"] as const;
export type HookName = (typeof HOOK_NAMES)[number];

/** Marks a hook as ours, so re-installing the same hook is not "overwriting someone's hook". */
const MARKER = "# Installed by draftlint";
/** Where `--force` moves the hook it replaces; the installed hook runs it first. */
export const SAVED_SUFFIX = ".before-draftlint";

/**
 * The hooks directory git itself will use: `git rev-parse --git-path hooks` honours
 * `core.hooksPath` and linked worktrees, where `.git/hooks` would be wrong.
 */
export function hooksDirectory(cwd: string): string {
  let path: string;
  try {
    path = execFileSync("git", ["rev-parse", "--git-path", "hooks"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
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
# The hook that was here before (moved aside by \`hooks install --force\`) runs first.
if [ -x "$0${SAVED_SUFFIX}" ]; then
  "$0${SAVED_SUFFIX}" "$@" || exit $?
fi
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

export function buildHookScript(name: HookName, installer: string | null): string {
  return hookScript(name, installer);
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
  /** Where the hook that --force replaced was moved; the new hook runs it first. */
  backup: string | null;
  unchanged: boolean;
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
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
  // lstat, not exists: a symlink (even a dangling one) is a hook someone put there.
  const existing = lstatOrNull(path);
  if (existing) {
    const link = existing.isSymbolicLink();
    const content = link || !existing.isFile() ? null : readFileSync(path, "utf8");
    if (content === script) {
      chmodSync(path, 0o755);
      return { path, backup: null, unchanged: true };
    }
    const ours = content?.includes(MARKER) ?? false;
    if (!options.force) {
      const whose = ours ? "an older draftlint hook" : link ? "a symlink to a hook that is not draftlint's" : "a hook that is not draftlint's";
      throw new UsageError(`${path} already exists (${whose}); not overwriting it. Use --force to replace it (it is kept, and still runs).`);
    }
    if (!ours) {
      // An earlier --force already moved an original aside: it must never be overwritten.
      const saved = `${path}${SAVED_SUFFIX}`;
      if (lstatOrNull(saved)) {
        throw new UsageError(`${path} is not draftlint's, and ${saved} already holds the hook an earlier --force kept; move one of them away first`);
      }
      // rename moves the hook itself (a symlink stays a symlink): its target is not touched.
      renameSync(path, saved);
      backup = saved;
    }
  }
  mkdirSync(dir, { recursive: true });
  // Written beside it and renamed into place: nothing is ever written through a link at `path`.
  const fresh = `${path}.draftlint-new`;
  rmSync(fresh, { force: true });
  writeFileSync(fresh, script, { mode: 0o755, flag: "wx" });
  chmodSync(fresh, 0o755);
  renameSync(fresh, path);
  return { path, backup, unchanged: false };
}
