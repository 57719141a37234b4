/**
 * `draftlint [paths...]`: lint every input, print the report, and choose the exit code
 * (0 clean, 1 lint errors or too many warnings, 2 usage/config/file errors — SPEC §6).
 * A bad file never stops the others.
 */
import { writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { ChalkInstance } from "chalk";
import type { FileResult, Report } from "../types.js";
import { loadConfig, resolveConfigFor, type CliOverrides, type LoadedConfig } from "../config/loadConfig.js";
import { ConfigError, UsageError } from "../config/errors.js";
import { fileError, lintPath, lintSource } from "../engine/lint.js";
import { collectInputs } from "../input/collectInputs.js";
import { isMboxFile, lintMbox } from "../input/mbox.js";
import { readUnlessLarge, type InputMode } from "../message/readMessage.js";
import { buildReport } from "../report/summarise.js";
import { formatters } from "../report/index.js";

export interface LintCommandOptions {
  config?: string;
  format: string;
  outputFile?: string;
  internalDomain?: string[];
  rule?: string[];
  maxWarnings?: string;
  quiet?: boolean;
  input: string;
  stdinFilename?: string;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<Buffer>;
  chalk: ChalkInstance;
}

export function parseRuleFlags(flags: string[] = []): CliOverrides["rules"] {
  const rules: NonNullable<CliOverrides["rules"]> = {};
  for (const flag of flags) {
    const m = /^([a-z0-9-]+)=(off|info|warn|error)$/.exec(flag.trim());
    if (!m) throw new UsageError(`--rule ${flag}: expected <rule-id>=<off|info|warn|error>`);
    rules[m[1]] = m[2] as "off" | "info" | "warn" | "error";
  }
  return rules;
}

export async function runLint(paths: string[], options: LintCommandOptions, io: Io): Promise<number> {
  const formatter = formatters[options.format];
  if (!formatter) throw new UsageError(`--format ${options.format}: unknown format (${Object.keys(formatters).join(", ")})`);
  if (!["auto", "eml", "text"].includes(options.input)) throw new UsageError(`--input ${options.input}: expected auto, eml or text`);
  const maxWarnings = options.maxWarnings === undefined ? -1 : Number(options.maxWarnings);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings ${options.maxWarnings}: expected a whole number`);

  const cli: CliOverrides = { internalDomains: options.internalDomain ?? [], rules: parseRuleFlags(options.rule) };
  // An explicit --config is read once, up front: if it is broken nothing can be linted.
  const fixed = options.config ? await loadConfig({ configFile: options.config, cli }) : null;
  const cwdConfig = fixed ?? (await loadConfig({ searchFrom: process.cwd(), cli }).catch(() => null));
  const items = collectInputs(paths.length ? paths : ["."], cwdConfig?.config.ignorePatterns ?? []);
  if (items.length === 0) throw new UsageError(`no drafts found in ${paths.join(" ") || "."}`);

  const configs = new Map<string, Promise<LoadedConfig>>();
  const configForDir = (dir: string) => {
    if (fixed) return Promise.resolve(fixed);
    let found = configs.get(dir);
    if (!found) configs.set(dir, (found = loadConfig({ searchFrom: dir, cli })));
    return found;
  };

  const results: FileResult[] = [];
  for (const item of items) {
    const name = item.kind === "stdin" ? (options.stdinFilename ?? "<stdin>") : item.path;
    if (item.kind === "file" && (await isMboxFile(item.path))) {
      // An archive is streamed, one result per message (`archive.mbox#3`), each read as an email.
      const lintMember = (member: string, source: Buffer) => lintOne(member, false, "eml", cli, configForDir, io, { source, path: item.path });
      results.push(...(await lintMbox(item.path, lintMember)));
      continue;
    }
    results.push(await lintOne(name, item.kind === "stdin", options.input as InputMode, cli, configForDir, io));
  }

  const report: Report = buildReport(options.quiet ? results.map(errorsOnly) : results);
  const text = formatter(report, { chalk: io.chalk });
  if (options.outputFile) await writeFile(options.outputFile, text);
  else io.stdout(text);
  // Exit-2 messages are one plain line each on stderr, whatever the format (SPEC §6).
  for (const r of results) if (r.error) io.stderr(`draftlint: ${r.file}: ${r.error.message}\n`);

  const summary = buildReport(results).summary;
  if (summary.fileErrors > 0) return 2;
  if (summary.errors > 0) return 1;
  if (maxWarnings >= 0 && summary.warnings > maxWarnings) return 1;
  return 0;
}

async function lintOne(
  name: string,
  fromStdin: boolean,
  input: InputMode,
  cli: CliOverrides,
  configForDir: (dir: string) => Promise<LoadedConfig>,
  io: Io,
  /** A message already read out of an archive; config is found for the archive's own path. */
  member?: { source: Buffer; path: string },
): Promise<FileResult> {
  // A file over STREAM_THRESHOLD is not read here: lintPath streams it (bounded memory, SPEC §8).
  let source: Buffer | null;
  try {
    source = member ? member.source : fromStdin ? await io.readStdin() : await readUnlessLarge(name);
  } catch (err) {
    return fileError(name, "read-error", describeReadError(err as NodeJS.ErrnoException));
  }
  try {
    const configPath = member?.path ?? name;
    const loaded = await configForDir(dirname(resolve(configPath)));
    const lintInput = { file: name, config: resolveConfigFor(configPath, loaded, cli), ruleSet: loaded.ruleSet, input };
    return await (source ? lintSource(source, lintInput) : lintPath(name, lintInput));
  } catch (err) {
    if (err instanceof ConfigError) return fileError(name, "config-error", err.message);
    if (process.env.DEBUG?.includes("draftlint")) io.stderr(`${(err as Error).stack}\n`);
    return fileError(name, "internal-error", `draftlint failed on this file: ${(err as Error).message}`);
  }
}

function describeReadError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    default:
      return `cannot read (${err.code ?? err.message})`;
  }
}

function errorsOnly(result: FileResult): FileResult {
  return { ...result, findings: result.findings.filter((f) => f.severity === "error") };
}
