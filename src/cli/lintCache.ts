/**
 * `--cache` (as ESLint has it): each file's result is kept in `.draftlintcache` under a key made of
 * the file's bytes, the config that applies to it, and this draftlint (its version, its bundle and
 * its rule data and tone model), so a CI run on a large template repository relints only what
 * changed. A result with a file error is never kept: the next run tries again.
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FileResult } from "../types.js";
import { resolveConfigFor, type CliOverrides, type LoadedConfig } from "../config/loadConfig.js";
import { builtinRulesDir } from "../packs/loadPack.js";
import { STREAM_THRESHOLD } from "../message/readMessage.js";

export const DEFAULT_CACHE_FILE = ".draftlintcache";
const FORMAT = 1;

interface CacheFile {
  format: number;
  draftlint: string;
  files: Record<string, { key: string; result: FileResult }>;
}

export interface LintCache {
  /** The key of the file as it is now under its config; null when it cannot be cached (unreadable, over 8 MB). */
  keyFor(path: string, loaded: LoadedConfig): string | null;
  get(path: string, key: string): FileResult | undefined;
  set(path: string, key: string, result: FileResult): void;
  /** Writes the cache file (whole, then renamed over the old one, so a killed run leaves a good one). */
  save(): void;
}

/** `--cache-location`: a file, or a directory (existing, or written with a trailing slash) to put `.draftlintcache` in. */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  if (!location) return join(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  const isDir = /[\\/]$/.test(location) || (existsSync(path) && statSync(path).isDirectory());
  return isDir ? join(path, DEFAULT_CACHE_FILE) : path;
}

export function openLintCache(file: string, cli: CliOverrides, input: string): LintCache {
  const draftlint = draftlintFingerprint();
  let files: CacheFile["files"] = {};
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
    // Another draftlint, other rule data or a model retrained: every result may differ.
    if (stored.format === FORMAT && stored.draftlint === draftlint && stored.files) files = stored.files;
  } catch {
    // No cache yet, or one that cannot be read: start afresh.
  }
  const configHashes = new WeakMap<LoadedConfig, string>();
  const rulesOf = (loaded: LoadedConfig) => {
    let hash = configHashes.get(loaded);
    if (!hash) {
      hash = sha1(JSON.stringify(loaded.ruleSet.map(({ rule, data }) => [rule.id, data])));
      configHashes.set(loaded, hash);
    }
    return hash;
  };
  return {
    keyFor(path, loaded) {
      const bytes = readSmallFile(path);
      if (!bytes) return null;
      const resolved = resolveConfigFor(path, loaded, cli);
      // The history pack's findings depend on the index too: a new `learn` makes every key new.
      const config = JSON.stringify([resolved, input, historyStamp(resolved.history)]);
      return sha1(`${sha1(bytes)}\n${sha1(config)}\n${rulesOf(loaded)}`);
    },
    get(path, key) {
      const entry = files[resolve(path)];
      return entry && entry.key === key ? entry.result : undefined;
    },
    set(path, key, result) {
      if (result.error) delete files[resolve(path)];
      else files[resolve(path)] = { key, result };
    },
    save() {
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ format: FORMAT, draftlint, files } satisfies CacheFile));
      renameSync(temp, file);
    },
  };
}

const stamps = new Map<string, string>();

function historyStamp(path: string | null): string {
  if (!path) return "";
  let stamp = stamps.get(path);
  if (stamp === undefined) {
    try {
      const info = statSync(path);
      stamp = `${info.size}:${info.mtimeMs}:${info.ino}`;
    } catch {
      stamp = "none";
    }
    stamps.set(path, stamp);
  }
  return stamp;
}

function sha1(data: string | Buffer): string {
  return createHash("sha1").update(data).digest("hex");
}

function readSmallFile(path: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return null;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > STREAM_THRESHOLD) return null;
    const bytes = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < info.size) {
      const n = readSync(fd, bytes, filled, info.size - filled, null);
      if (n === 0) break;
      filled += n;
    }
    return bytes.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

/**
 * This draftlint: its version, the bundle that is running (a rebuilt checkout changes it without
 * a new version) and every file of its rule data and tone model.
 */
function draftlintFingerprint(): string {
  const hash = createHash("sha1").update(`${process.env.DRAFTLINT_VERSION ?? "dev"}\n`);
  try {
    const bundle = statSync(fileURLToPath(import.meta.url));
    hash.update(`${bundle.size} ${bundle.mtimeMs}\n`);
  } catch {
    // Running from source (tests): the version and data decide.
  }
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(`${entry.name}\n`).update(readFileSync(path));
    }
  };
  walk(builtinRulesDir());
  return hash.digest("hex");
}

/**
 * Each draft's results in input order, from the cache when its key matches, the rest linted by
 * `lint` (which gets only the files that changed) and stored under their new keys.
 */
export async function withCache(
  paths: string[],
  cache: LintCache,
  configFor: (path: string) => Promise<LoadedConfig>,
  lint: (paths: string[]) => (index: number) => Promise<FileResult[]>,
): Promise<(index: number) => Promise<FileResult[]>> {
  const keys: Array<string | null> = [];
  const hits = new Map<number, FileResult>();
  const misses: string[] = [];
  const missAt = new Map<number, number>();
  for (const [i, path] of paths.entries()) {
    const key = cache.keyFor(path, await configFor(path));
    keys.push(key);
    const hit = key ? cache.get(path, key) : undefined;
    // The name as given this time (a run from another folder names the same file differently).
    if (hit) hits.set(i, { ...hit, file: path });
    else {
      missAt.set(i, misses.length);
      misses.push(path);
    }
  }
  const linted = lint(misses);
  return async (index) => {
    const hit = hits.get(index);
    if (hit) {
      hits.delete(index);
      return [hit];
    }
    const results = await linted(missAt.get(index)!);
    const key = keys[index];
    if (key) cache.set(paths[index], key, results[0]);
    return results;
  };
}
