/**
 * Reading the index for a lint, lazily: nothing is read until a rule of the history pack has an
 * external recipient to ask about, and then the file is read once per process (a worker thread
 * reads its own copy). A clean internal draft costs one stat of the path at most.
 */
import { readFileSync, statSync } from "node:fs";
import { ConfigError } from "../config/errors.js";
import type { RecipientHistory } from "./historyModel.js";
import { HistoryFormatError, openHistory } from "./indexFile.js";

const exists = new Map<string, boolean>();
const opened = new Map<string, RecipientHistory>();

/** Whether an index file is at `path` (asked once per path and process). */
export function historyExists(path: string): boolean {
  let found = exists.get(path);
  if (found === undefined) {
    try {
      found = statSync(path).isFile();
    } catch {
      found = false;
    }
    exists.set(path, found);
  }
  return found;
}

/** The index at `path`; a damaged one is a config error naming it, so a guard refuses rather than skip the checks. */
export function historyAt(path: string): RecipientHistory {
  let history = opened.get(path);
  if (!history) {
    try {
      history = openHistory(readFileSync(path));
    } catch (err) {
      const reason = err instanceof HistoryFormatError ? err.message : `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
      throw new ConfigError(`${path}: recipient history: ${reason}`);
    }
    opened.set(path, history);
  }
  return history;
}

/** Forgets what was read, after `learn` or `forget` rewrote the file in this process. */
export function forgetLoadedHistory(path: string): void {
  exists.delete(path);
  opened.delete(path);
}
