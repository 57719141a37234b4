/**
 * Turning command-line paths into the files to lint (SPEC §1): files as given, directories walked
 * for draft extensions, globs expanded, `-` for standard input. A path that does not exist is
 * kept, so that it is reported as a file error beside the other results rather than dropped.
 */
import { statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { globSync, isDynamicPattern } from "tinyglobby";
import picomatch from "picomatch";

export const DRAFT_EXTENSIONS = ["eml", "msg", "mbox", "txt", "md", "html", "hbs", "mjml"];
const ALWAYS_IGNORED = ["**/node_modules/**", "**/.git/**"];

export type InputItem = { kind: "file"; path: string } | { kind: "stdin" };

export function collectInputs(paths: string[], ignorePatterns: string[], cwd = process.cwd()): InputItem[] {
  const items: InputItem[] = [];
  const seen = new Set<string>();
  const ignored = picomatch([...ALWAYS_IGNORED, ...ignorePatterns], { dot: true });
  const add = (path: string) => {
    const key = resolve(cwd, path);
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
      const found = globSync(`**/*.{${DRAFT_EXTENSIONS.join(",")}}`, {
        cwd: resolve(cwd, arg),
        ignore: ALWAYS_IGNORED,
        dot: false,
      }).sort();
      for (const rel of found) {
        const path = joinPath(arg, rel);
        if (!ignored(relative(cwd, resolve(cwd, path)).split("\\").join("/"))) add(path);
      }
    } else if (!stat && isDynamicPattern(arg)) {
      for (const path of globSync(arg, { cwd, ignore: [...ALWAYS_IGNORED, ...ignorePatterns] }).sort()) add(path);
    } else {
      // A file named explicitly is linted even if an ignore pattern matches it, as ESLint does.
      add(arg);
    }
  }
  return items;
}

function joinPath(dir: string, rel: string): string {
  return dir.endsWith("/") ? dir + rel : `${dir}/${rel}`;
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
