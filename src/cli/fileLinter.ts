/**
 * Linting one input for the CLI: read it (streaming large files), find its config (cached per
 * directory), lint it, and turn any failure into a file error so the other files still run.
 * Shared by the main thread and the worker threads of a large run.
 */
import type { FileResult } from "../types.js";
import { resolveConfigFor, type CliOverrides } from "../config/loadConfig.js";
import { createConfigLookup, type ConfigLookup } from "./configLookup.js";
import { ConfigError } from "../config/errors.js";
import { fileError, lintPath, lintSource } from "../engine/lint.js";
import { readUnlessLarge, type InputMode } from "../message/readMessage.js";
import { lintMbox } from "../input/mbox.js";
import { describeReadError } from "../input/readError.js";

export interface FileLinterSettings {
  cli: CliOverrides;
  /** `--config`: one config for every file instead of a search from each. */
  configFile?: string;
  input: InputMode;
}

export interface AlreadyRead {
  /** The bytes, when already read (stdin, a message out of an mbox). */
  source?: Buffer;
  /** Where to read the input from, when not `name` itself (a large mbox message's private copy). */
  path?: string;
  /** Where to search config from, when not the file itself (the archive of an mbox member). */
  configPath?: string;
  input?: InputMode;
}

export interface FileLinter {
  lint(name: string, read?: AlreadyRead): Promise<FileResult>;
  /** Each message of an mbox archive, streamed: `emit` gets each result as it is made. */
  lintArchive(path: string, emit: (result: FileResult) => void): Promise<void>;
}

/** `configs`: a lookup already holding the run's configs (the main thread loads them all first). */
export function createFileLinter(settings: FileLinterSettings, onInternalError?: (err: Error) => void, configs: ConfigLookup = createConfigLookup(settings)): FileLinter {

  async function lint(name: string, read: AlreadyRead = {}): Promise<FileResult> {
    const configPath = read.configPath ?? name;
    // A file over STREAM_THRESHOLD is not read here: lintPath streams it (bounded memory, SPEC §8).
    let source: Buffer | null;
    try {
      source = read.source ?? (await readUnlessLarge(read.path ?? name));
    } catch (err) {
      return fileError(name, "read-error", describeReadError(err as NodeJS.ErrnoException));
    }
    try {
      const loaded = await configs.forFile(configPath);
      const input = read.input ?? settings.input;
      const lintInput = { file: name, config: resolveConfigFor(configPath, loaded, settings.cli), ruleSet: loaded.ruleSet, input };
      return await (source ? lintSource(source, lintInput) : lintPath(read.path ?? name, lintInput));
    } catch (err) {
      if (err instanceof ConfigError) return fileError(name, "config-error", err.message);
      onInternalError?.(err as Error);
      // A library's own words ("Cannot read properties of undefined") tell the user nothing.
      return fileError(name, "internal-error", "draftlint failed on this file (DEBUG=draftlint shows why; please report it)");
    }
  }

  async function lintArchive(path: string, emit: (result: FileResult) => void): Promise<void> {
    // One result per message (`archive.mbox#3`), each read as an email, config found for the archive.
    await lintMbox(path, (member, source, file) => lint(member, file ? { path: file, configPath: path, input: "eml" } : { source, configPath: path, input: "eml" }), emit);
  }

  return { lint, lintArchive };
}
