/**
 * Where the recipient history is: `--history`, else the config's `history:` key, else the
 * default in the XDG data directory. Only a path is worked out here; whether an index is there
 * is asked once, when a rule of the history pack is about to run (loadHistory.ts).
 */
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";

/** `$XDG_DATA_HOME/draftlint/history`, by default `~/.local/share/draftlint/history`. */
export function defaultHistoryPath(env: Record<string, string | undefined> = process.env): string {
  // The XDG Base Directory spec: a relative XDG_DATA_HOME is invalid and is ignored.
  const base = env.XDG_DATA_HOME && isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : join(env.HOME || homedir(), ".local", "share");
  return join(base, "draftlint", "history");
}

/** A path as written in config or on the command line: `~/` is the home directory, relative is from `dir`. */
export function historyPathFrom(written: string, dir: string, env: Record<string, string | undefined> = process.env): string {
  if (written === "~" || written.startsWith("~/")) return join(env.HOME || homedir(), written.slice(1));
  return isAbsolute(written) ? written : resolve(dir, written);
}
