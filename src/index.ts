/**
 * The library API (SPEC §7): the same results as the CLI.
 *
 *   import { lint, lintFile, loadConfig } from "draftlint";
 *   const result = await lintFile("drafts/wedding.eml");
 */
import { dirname, resolve } from "node:path";
import type { FileResult } from "./types.js";
import { loadConfig as loadConfigFile, resolveConfigFor, type CliOverrides, type LoadedConfig } from "./config/loadConfig.js";
import { fileError, lintPath, lintSource } from "./engine/lint.js";
import { describeReadError } from "./input/readError.js";
import { readUnlessLarge, type InputMode } from "./message/readMessage.js";

export type * from "./types.js";
export type { UserConfig, ResolvedConfig, RuleSetting } from "./config/schema.js";
export type { Rule, RuleContext, ReportDescriptor } from "./engine/rule.js";
export type { LoadedConfig, CliOverrides } from "./config/loadConfig.js";
export type { InputMode } from "./message/readMessage.js";
export { ConfigError } from "./config/errors.js";

export interface LintOptions {
  /** Name used in the result (and to find config and overrides). Default `<input>`. */
  filename?: string;
  /** A config file to use instead of searching upward from `filename`. */
  configFile?: string;
  /** A config object to use as-is (validated), instead of any file. */
  config?: unknown;
  /** Directory that relative paths in `config` (packs, overrides) are resolved from. */
  cwd?: string;
  input?: InputMode;
  cli?: CliOverrides;
}

/** Loads and validates the config that applies to files in `searchFrom` (or the given file). */
export async function loadConfig(options: { configFile?: string; searchFrom?: string; cli?: CliOverrides } = {}): Promise<LoadedConfig> {
  return loadConfigFile(options);
}

async function configFor(filename: string, options: LintOptions): Promise<LoadedConfig> {
  if (options.config !== undefined) {
    const { validateConfig } = await import("./config/loadConfig.js");
    // No file: an error names where the config came from, as the caller wrote it.
    return validateConfig(options.config, null, resolve(options.cwd ?? process.cwd()), options.cli, "lint() options.config");
  }
  return loadConfigFile({ configFile: options.configFile, searchFrom: dirname(resolve(options.cwd ?? process.cwd(), filename)), cli: options.cli });
}

/** Lints a draft given as text or bytes (a Buffer, or any Uint8Array: only its own bytes are read). */
export async function lint(source: string | Buffer | Uint8Array, options: LintOptions = {}): Promise<FileResult> {
  const file = options.filename ?? "<input>";
  const loaded = await configFor(file, options);
  const bytes =
    typeof source === "string" ? Buffer.from(source, "utf8") : Buffer.isBuffer(source) ? source : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  return lintSource(bytes, {
    file,
    config: resolveConfigFor(file, loaded, options.cli),
    ruleSet: loaded.ruleSet,
    input: options.input,
  });
}

/**
 * Lints a file on disk (opened read-only). A file that cannot be read is the result's `error`, as
 * in the CLI's report; a config that cannot be used rejects (ConfigError).
 */
export async function lintFile(path: string, options: Omit<LintOptions, "filename"> = {}): Promise<FileResult> {
  // Large files are streamed (bounded memory); small ones read whole, as `lint` would be given.
  let source: Buffer | null;
  try {
    source = await readUnlessLarge(path);
  } catch (err) {
    return fileError(path, "read-error", describeReadError(err as NodeJS.ErrnoException));
  }
  if (!source) {
    const loaded = await configFor(path, options);
    return lintPath(path, { file: path, config: resolveConfigFor(path, loaded, options.cli), ruleSet: loaded.ruleSet, input: options.input });
  }
  return lint(source, { ...options, filename: path });
}
