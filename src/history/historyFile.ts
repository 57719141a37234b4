/**
 * Reading the index whole and writing it back, for `learn` and `history forget`. The file is the
 * user's private record of whom they write to: it is created mode 0600 in a folder of mode 0700,
 * and replaced atomically (written beside itself, then renamed), so a crash leaves the old one.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { loadBuiltinPack } from "../packs/loadPack.js";
import { HistoryBuilder } from "./historyBuilder.js";
import { loadBuilder, serializeHistory } from "./indexFile.js";
import { forgetLoadedHistory } from "./loadHistory.js";
import { ConfigError } from "../config/errors.js";

export function freemailDomains(): ReadonlySet<string> {
  return new Set((loadBuiltinPack("recipients").lexicons.freemailDomains as string[]) ?? []);
}

/** The history at `path`, or an empty one when there is none yet. */
export function readHistoryFile(path: string): HistoryBuilder {
  if (!existsSync(path)) return new HistoryBuilder(freemailDomains());
  try {
    return loadBuilder(readFileSync(path), freemailDomains());
  } catch (err) {
    throw new ConfigError(`${path}: recipient history: ${(err as Error).message}`);
  }
}

export function writeHistoryFile(path: string, h: HistoryBuilder): number {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const bytes = serializeHistory(h);
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, "wx", 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(temporary, path);
  forgetLoadedHistory(path);
  return bytes.length;
}
