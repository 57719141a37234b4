/**
 * Reading the index for a lint, lazily: nothing is read until a rule of the history pack has an
 * external recipient to ask about, and then the file is read once per process (a worker thread
 * reads its own copy). A clean internal draft costs one stat of the path at most.
 */
import { statSync } from "node:fs";
import { ConfigError } from "../config/errors.js";
import type { RecipientHistory } from "./historyModel.js";
import { HistoryFormatError, openHistory } from "./indexFile.js";
import { PagedFile } from "./pagedFile.js";

const opened = new Map<string, { history: RecipientHistory; file: PagedFile; stamp: string }>();

function stampOf(path: string): string | null {
  try {
    // Asked once per draft, and most runs have no index: a missing path returns undefined rather
    // than throw, since building the ENOENT error was a fifth of a folder's file-system time.
    const info = statSync(path, { throwIfNoEntry: false });
    return info?.isFile() ? `${info.ino}:${info.size}:${info.mtimeMs}` : null;
  } catch {
    return null;
  }
}

/**
 * Whether an index file is at `path`: asked for each draft (one stat), so a long-running sender
 * (the nodemailer plugin in a server) sees an index that `learn` made after it started.
 */
export function historyExists(path: string): boolean {
  return stampOf(path) !== null;
}

/** The index at `path`; a damaged one is a config error naming it, so a guard refuses rather than skip the checks. */
export function historyAt(path: string): RecipientHistory {
  const stamp = stampOf(path);
  const held = opened.get(path);
  if (held && held.stamp === stamp) return held.history;
  // Replaced by a new `learn` (a rename: a new inode) since it was opened: read the new one.
  held?.file.close();
  opened.delete(path);
  let file: PagedFile | undefined;
  try {
    file = PagedFile.open(path);
    const history = openHistory(file);
    opened.set(path, { history, file, stamp: stamp ?? "" });
    return history;
  } catch (err) {
    file?.close();
    const reason = err instanceof HistoryFormatError ? err.message : `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
    throw new ConfigError(`${path}: recipient history: ${reason}`);
  }
}

/** Forgets what was read, after `learn` or `forget` rewrote the file in this process. */
export function forgetLoadedHistory(path: string): void {
  opened.get(path)?.file.close();
  opened.delete(path);
}
