/**
 * Turning command-line paths into the files to lint (SPEC §1): files as given, directories walked
 * for email files (and for the text and template files config names), globs expanded, `-` for
 * standard input. A path that does not exist is kept, so that it is reported as a file error
 * beside the other results rather than dropped.
 */
import { accessSync, constants, realpathSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { globSync, isDynamicPattern } from "tinyglobby";
import picomatch from "picomatch";

/** What a directory walk lints by default: a repository's README or CHANGELOG is not a draft. */
export const EMAIL_EXTENSIONS = ["eml", "msg", "mbox"];
/** Bare bodies and templates: linted when named, or when config's `files`/`overrides` name them. */
export const TEXT_EXTENSIONS = ["txt", "md", "html", "hbs", "mjml"];
/** Every kind of draft draftlint reads. */
export const DRAFT_EXTENSIONS = [...EMAIL_EXTENSIONS, ...TEXT_EXTENSIONS];
const ALWAYS_IGNORED = ["**/node_modules/**", "**/.git/**"];
const EMAIL_FILE = new RegExp(`\\.(${EMAIL_EXTENSIONS.join("|")})$`, "i");

/** `unreadable`: a directory the walk could not enter, reported rather than silently skipped. */
export type InputItem = { kind: "file"; path: string } | { kind: "stdin" } | { kind: "unreadable"; path: string };

export interface CollectOptions {
  /** Globs relative to `cwd` that a walk or a glob skips (config's `ignorePatterns`, `--ignore-pattern`). */
  ignorePatterns: string[];
  /** For a walked file that is not an email: whether the config that applies to it names it. */
  configNames?: (path: string) => Promise<boolean>;
  cwd?: string;
}

export async function collectInputs(paths: string[], options: CollectOptions): Promise<InputItem[]> {
  const cwd = options.cwd ?? process.cwd();
  const items: InputItem[] = [];
  const seen = new Set<string>();
  const ignored = picomatch([...ALWAYS_IGNORED, ...options.ignorePatterns], { dot: true });
  // A walked file's real path is asked for three times below: read once (a system call of about
  // 8 µs, 15k of them for a folder of 5,000 messages).
  const realPaths = new Map<string, string>();
  const realPathOf = (path: string): string => {
    let real = realPaths.get(path);
    if (real === undefined) realPaths.set(path, (real = readRealPath(path)));
    return real;
  };
  const add = (path: string) => {
    // By real path: a file reached through a symlinked directory too is one file, linted once.
    const key = realPathOf(resolve(cwd, path));
    if (seen.has(key)) return;
    seen.add(key);
    items.push({ kind: "file", path });
  };
  for (const arg of paths) {
    if (arg === "-") {
      items.push({ kind: "stdin" });
      continue;
    }
    const stat = statOrNull(resolve(cwd, arg));
    if (stat?.isDirectory()) {
      for (const dir of unreadableDirectories(resolve(cwd, arg))) {
        const path = joinPath(arg, relative(resolve(cwd, arg), dir));
        if (!ignored(`${relative(cwd, resolve(cwd, path)).split("\\").join("/")}/`)) items.push({ kind: "unreadable", path });
      }
      // Every file, so that config's `files` can name any text file; emails always count.
      const found = globSync("**/*", { cwd: resolve(cwd, arg), ignore: ALWAYS_IGNORED, dot: false }).sort();
      // A file reached both directly and through a symlinked directory is named by its own path.
      const direct = new Map<string, string>();
      for (const rel of found) {
        const path = joinPath(arg, rel);
        const real = realPathOf(resolve(cwd, path));
        if (real === resolve(cwd, path) || !direct.has(real)) direct.set(real, path);
      }
      for (const rel of found) {
        const path = joinPath(arg, rel);
        if (direct.get(realPathOf(resolve(cwd, path))) !== path) continue;
        if (ignored(relative(cwd, resolve(cwd, path)).split("\\").join("/"))) continue;
        if (EMAIL_FILE.test(path) || (await options.configNames?.(path))) add(path);
      }
    } else if (!stat && isDynamicPattern(arg)) {
      // A glob names its files on the command line: whatever it matches is linted.
      for (const path of globSync(arg, { cwd, ignore: [...ALWAYS_IGNORED, ...options.ignorePatterns] }).sort()) add(path);
    } else {
      // A file named explicitly is linted even if an ignore pattern matches it, as ESLint does.
      add(arg);
    }
  }
  return items;
}

function readRealPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

/**
 * Directories under `root` (and `root` itself) that cannot be listed: the glob passes over them
 * without a word, and a walk that silently skips drafts must not end "no problems".
 */
function unreadableDirectories(root: string): string[] {
  const dirs = [root, ...globSync("**/", { cwd: root, ignore: ALWAYS_IGNORED, dot: false, onlyDirectories: true, absolute: true })];
  const unreadable = new Map<string, string>();
  for (const dir of dirs) {
    try {
      accessSync(dir, constants.R_OK | constants.X_OK);
    } catch {
      // Once, by its own path, however many symlinks lead to it.
      const real = readRealPath(dir);
      if (real === dir.replace(/\/$/, "") || !unreadable.has(real)) unreadable.set(real, dir.replace(/\/$/, ""));
    }
  }
  return [...unreadable.values()].sort();
}

function joinPath(dir: string, rel: string): string {
  if (!rel) return dir;
  if (dir === "." || dir === "./") return rel;
  return dir.endsWith("/") ? dir + rel : `${dir}/${rel}`;
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
