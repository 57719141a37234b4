/**
 * Linting one input for the CLI: read it (streaming large files), find its config (cached per
 * directory), lint it, and turn any failure into a file error so the other files still run.
 * Shared by the main thread and the worker threads of a large run.
 */
import type { FileResult, Message } from "../types.js";
import { resolveConfigFor, type CliOverrides } from "../config/loadConfig.js";
import { createConfigLookup, type ConfigLookup } from "./configLookup.js";
import { ConfigError } from "../config/errors.js";
import { fileError, lintPath, lintReadMessage, lintSource, readSource } from "../engine/lint.js";
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

/**
 * A draft read and parsed by `prepare`, for `lintPrepared` on another thread: plain data, which
 * a worker receives as a structured clone.
 */
export interface PreparedDraft {
  message: Message;
  /** A Buffer here; a Uint8Array of the same bytes on the thread it was sent to. */
  source: Buffer | Uint8Array;
}

export interface FileLinter {
  lint(name: string, read?: AlreadyRead): Promise<FileResult>;
  /**
   * The first half of `lint(name)`: the draft read and parsed, or its result when that is
   * already known (a read, parse or config error), or null for a file too large to read whole
   * (lint streams it). `lintPrepared` finishes it; the two give what `lint` gives.
   */
  prepare(name: string): Promise<PreparedDraft | FileResult | null>;
  lintPrepared(name: string, prepared: PreparedDraft): Promise<FileResult>;
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
    return guarded(name, async () => {
      const lintInput = await inputFor(name, configPath, read.input);
      return source ? lintSource(source, lintInput) : lintPath(read.path ?? name, lintInput);
    });
  }

  async function prepare(name: string): Promise<PreparedDraft | FileResult | null> {
    let source: Buffer | null;
    try {
      source = await readUnlessLarge(name);
    } catch (err) {
      return fileError(name, "read-error", describeReadError(err as NodeJS.ErrnoException));
    }
    if (!source) return null;
    const bytes = source;
    return guarded<PreparedDraft | FileResult>(name, async () => {
      const read = await readSource(bytes, await inputFor(name, name));
      return "message" in read ? { message: read.message, source: bytes } : read;
    });
  }

  async function lintPrepared(name: string, prepared: PreparedDraft): Promise<FileResult> {
    // A Buffer arrives from another thread as a plain Uint8Array (the structured clone): it is
    // the same bytes, viewed as a Buffer again (headerLines decodes it).
    const { source } = prepared;
    const bytes = Buffer.isBuffer(source) ? source : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    return guarded(name, async () => lintReadMessage(prepared.message, await inputFor(name, name), bytes));
  }

  async function inputFor(name: string, configPath: string, input?: InputMode) {
    const loaded = await configs.forFile(configPath);
    return { file: name, config: resolveConfigFor(configPath, loaded, settings.cli), ruleSet: loaded.ruleSet, input: input ?? settings.input };
  }

  async function guarded<T>(name: string, run: () => Promise<T | FileResult>): Promise<T | FileResult> {
    try {
      return await run();
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

  return { lint, prepare, lintPrepared, lintArchive };
}
