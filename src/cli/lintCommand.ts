/**
 * `draftlint [paths...]`: lint every input, print the report, and choose the exit code
 * (0 clean, 1 lint errors or too many warnings, 2 usage/config/file errors — SPEC §6).
 * A bad file never stops the others.
 */
import { closeSync, existsSync, openSync, readdirSync, statSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import type { ChalkInstance } from "chalk";
import type { FileResult, Summary } from "../types.js";
import { configNamesFile, type CliOverrides } from "../config/loadConfig.js";
import { UsageError } from "../config/errors.js";
import { collectInputs } from "../input/collectInputs.js";
import type { InputMode } from "../message/readMessage.js";
import { createFileLinter, type FileLinterSettings } from "./fileLinter.js";
import { createConfigLookup } from "./configLookup.js";
import { formatPrintConfig } from "./printConfig.js";
import { fileError } from "../engine/lint.js";
import { lintArchiveInWorker, lintInWorkers, PARALLEL_THRESHOLD, prestartWorkers, workerCount } from "./lintInWorkers.js";
import { releasePrestarted } from "./prestartedWorkers.js";
import { cacheFilePath, openLintCache, withCache, type LintCache } from "./lintCache.js";
import { addToSummary, buildReport, summarise } from "../report/summarise.js";
import { formatters, type Formatter } from "../report/index.js";
import type { FormatOptions } from "../report/formatter.js";
import { isMboxFile } from "../input/mbox.js";
import { mapInOrder } from "./mapInOrder.js";
import { refuseOutputOverInput } from "./outputGuard.js";
import { safeLine } from "../report/safeText.js";
import { createProgress, type Progress, type ProgressStream } from "./progress.js";

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
  /** `--ignore-pattern` (repeatable): more globs to skip, on top of config's `ignorePatterns`. */
  ignorePattern?: string[];
  /** false with `--no-ignore`: config's `ignorePatterns` and `--ignore-pattern` are not applied. */
  ignore?: boolean;
  /** false with `--no-inline-config`. */
  inlineConfig?: boolean;
  reportUnusedDisableDirectives?: boolean;
  /** `--print-config FILE`: print the config for that file instead of linting. */
  printConfig?: string;
  /** `--cache`: keep each file's result, and lint only files that changed since. */
  cache?: boolean;
  /** `--cache-location`: the cache file, or a directory for `.draftlintcache` (default: the working directory). */
  cacheLocation?: string;
  /** `--history`: the recipient history to consult, whatever config says. */
  history?: string;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<Buffer>;
  chalk: ChalkInstance;
  /** The terminal's width when stdout is one: stylish wraps to it between words. */
  columns?: number;
  /** Where the progress counter of a long run goes (stderr; drawn only when it is a terminal). */
  progress?: ProgressStream;
}

/**
 * `--internal-domain a.com --internal-domain b.com` or `--internal-domain a.com,b.com`. The flag
 * takes one value each time, so a file name after it is never read as a domain.
 */
export function splitDomains(flags: string[] = []): string[] {
  const domains = flags.flatMap((flag) => flag.split(",")).map((d) => d.trim()).filter(Boolean);
  for (const d of domains) {
    if (!/^[^\s@/\\]+\.[^\s@/\\]+$/.test(d)) throw new UsageError(`--internal-domain ${d}: expected a domain such as acme.com`);
  }
  return domains;
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
  try {
    return await lintAll(paths, options, io);
  } finally {
    releasePrestarted();
  }
}

async function lintAll(paths: string[], options: LintCommandOptions, io: Io): Promise<number> {
  const formatter = formatters[options.format];
  if (!formatter) throw new UsageError(`--format ${options.format}: unknown format (${Object.keys(formatters).join(", ")})`);
  if (!["auto", "eml", "text"].includes(options.input)) throw new UsageError(`--input ${options.input}: expected auto, eml or text`);
  const maxWarnings = options.maxWarnings === undefined ? -1 : Number(options.maxWarnings);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings ${options.maxWarnings}: expected a whole number`);

  const cli: CliOverrides = {
    internalDomains: splitDomains(options.internalDomain),
    rules: parseRuleFlags(options.rule),
    inlineConfig: options.inlineConfig,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
    history: options.history,
  };
  const configs = createConfigLookup({ cli, configFile: options.config });
  if (options.printConfig) {
    io.stdout(formatPrintConfig(options.printConfig, await configs.forFile(options.printConfig), cli));
    return 0;
  }
  const settings: FileLinterSettings = { cli, configFile: options.config, input: options.input as InputMode };
  // A folder holding many entries will be linted on workers: they boot while it is walked.
  if (!options.cache && (paths.length ? paths : ["."]).some(isLargeFolder)) prestartWorkers(settings);
  // The config where draftlint is run says what a walk skips; an explicit --config replaces it.
  const cwdConfig = await configs.forDir(process.cwd());
  const ignorePatterns = options.ignore === false ? [] : [...(cwdConfig.config.ignorePatterns ?? []), ...(options.ignorePattern ?? [])];
  const items = await collectInputs(paths.length ? paths : ["."], {
    ignorePatterns,
    configNames: async (path) => configNamesFile(path, await configs.forFile(path)),
  });
  if (items.length === 0) throw new UsageError(`no drafts found in ${paths.join(" ") || "."}`);
  refuseOutputOverInput(options.outputFile, items);
  // Every config is loaded before any file is linted: a mistake in one is one line and exit 2,
  // said once, not once for each of the files under it (as ESLint does).
  for (const item of items) await configs.forFile(item.kind === "stdin" ? (options.stdinFilename ?? "<stdin>") : item.path);

  const debug = process.env.DEBUG?.includes("draftlint");
  const linter = createFileLinter(settings, (err) => debug && io.stderr(`${err.stack}\n`), configs);

  // Archives are streamed on this thread; drafts may go to worker threads when there are many.
  // A few at a time: 5,000 at once opened 5,000 files together, past a usual limit of 1,024
  // descriptors (EMFILE, which read as "not an archive").
  const isArchive = await mapInOrder(items, 16, async (item) => (item.kind === "file" ? isMboxFile(item.path) : false));
  const drafts = items.flatMap((item, i) => (item.kind === "file" && !isArchive[i] ? [item.path] : []));
  const startLinting = (paths: string[]) => {
    const workers = workerCount(paths.length);
    // Without workers, a few drafts are read and parsed ahead, so waiting on the disk overlaps with
    // linting the one before (a third of a sequential run was idle time).
    return workers ? lintInWorkers(paths, settings, workers, (path) => linter.lint(path), (path) => linter.prepare(path)) : lintAhead(paths, 8, (path) => linter.lint(path));
  };
  const cache = options.cache ? openLintCache(cacheFilePath(options.cacheLocation, process.cwd()), cli, options.input) : null;
  const resultsOf = cache ? await withCache(drafts, cache, (path) => configs.forFile(path), startLinting) : startLinting(drafts);

  // A machine format on stdout is read by a program, which a counter on the same terminal would only garble.
  const machineOnStdout = !options.outputFile && options.format !== "stylish";
  const progress = createProgress({ total: items.length, stream: io.progress ?? { write: () => true }, env: process.env, quiet: (options.quiet ?? false) || machineOnStdout });
  const output = options.outputFile ? openOutput(options.outputFile, io) : withProgressCleared(openOutput(undefined, io), progress);
  const width = options.outputFile ? undefined : io.columns;
  const sink = createReportSink(formatter, { chalk: io.chalk, width }, output, options.quiet ?? false);
  let draftIndex = 0;
  for (const [i, item] of items.entries()) {
    if (item.kind === "unreadable") sink.emit(fileError(item.path, "read-error", "permission denied: this directory was not walked"));
    else if (item.kind === "stdin") sink.emit(await linter.lint(options.stdinFilename ?? "<stdin>", { source: await io.readStdin() }));
    else if (isArchive[i]) await lintArchiveInWorker(item.path, settings, sink.emit, linter.lintArchive);
    else {
      (await resultsOf(draftIndex++)).forEach(sink.emit);
    }
    progress.tick();
  }
  const summary = sink.finish();
  output.close();
  progress.clear();
  saveCache(cache, io);
  // Exit-2 messages are one plain line each on stderr, whatever the format (SPEC §6).
  for (const line of sink.fileErrorLines) io.stderr(line);
  // Too many warnings fails the run: say why, with --quiet too (which hides the warnings).
  const tooManyWarnings = maxWarnings >= 0 && summary.warnings > maxWarnings;
  if (tooManyWarnings) {
    io.stderr(`draftlint: ${summary.warnings} warning${summary.warnings === 1 ? "" : "s"} found, more than --max-warnings ${maxWarnings} allows\n`);
  }

  if (summary.fileErrors > 0) return 2;
  if (summary.errors > 0) return 1;
  return tooManyWarnings ? 1 : 0;
}

/** A directory with at least PARALLEL_THRESHOLD entries of its own (read without walking it). */
function isLargeFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory() && readdirSync(path).length >= PARALLEL_THRESHOLD;
  } catch {
    return false;
  }
}

/**
 * Each path's results, asked for in order, with up to `window` paths started ahead of the one
 * asked for: reads overlap linting without holding every result at once.
 */
function lintAhead(paths: string[], window: number, lint: (path: string) => Promise<FileResult>): (index: number) => Promise<FileResult[]> {
  const started = new Map<number, Promise<FileResult[]>>();
  const start = (i: number) => {
    if (!started.has(i)) started.set(i, lint(paths[i]).then((r) => [r]));
    return started.get(i)!;
  };
  return (index) => {
    for (let j = index; j < Math.min(paths.length, index + window); j++) start(j);
    const result = start(index);
    started.delete(index);
    return result;
  };
}

/** A cache that cannot be written costs the next run its speed, not this run its report. */
function saveCache(cache: LintCache | null, io: Io): void {
  try {
    cache?.save();
  } catch (err) {
    io.stderr(`draftlint: the cache could not be written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); the next run lints every file\n`);
  }
}

function errorsOnly(result: FileResult): FileResult {
  return { ...result, findings: result.findings.filter((f) => f.severity === "error") };
}

interface Output {
  write(text: string): void;
  close(): void;
}

/** Report text never lands in the middle of the counter's line when both go to one terminal. */
function withProgressCleared(output: Output, progress: Progress): Output {
  return {
    write: (text) => {
      if (text) progress.clear();
      output.write(text);
    },
    close: () => output.close(),
  };
}

/** Standard output, or `--output-file` written as the report is made. */
function openOutput(path: string | undefined, io: Io): Output {
  if (!path) return { write: (text) => text && io.stdout(text), close: () => {} };
  if (!existsSync(dirname(path) || ".")) throw new UsageError(`--output-file ${path}: the folder ${dirname(path)} does not exist`);
  let fd: number;
  try {
    fd = openSync(path, "w");
  } catch (err) {
    throw new UsageError(`--output-file ${path}: cannot write (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return { write: (text) => text && writeSync(fd, text), close: () => closeSync(fd) };
}

/**
 * Receives results in input order and prints each as it comes when the format allows, keeping
 * only the counts (and the lines for stderr): memory stays flat over an archive of any size.
 */
function createReportSink(formatter: Formatter, formatOptions: FormatOptions, output: Output, quiet: boolean) {
  const summary = summarise([]);
  const held: FileResult[] = [];
  const fileErrorLines: string[] = [];
  let index = 0;
  if (formatter.kind === "streaming") output.write(formatter.start?.(formatOptions) ?? "");
  return {
    fileErrorLines,
    emit(result: FileResult) {
      addToSummary(summary, result);
      if (result.error) fileErrorLines.push(safeLine(`draftlint: ${result.file}: ${result.error.message}`));
      const shown = quiet ? errorsOnly(result) : result;
      if (formatter.kind === "streaming") output.write(formatter.file(shown, index, formatOptions));
      else held.push(shown);
      index++;
    },
    /** Ends the report; returns the counts of everything linted (errors and warnings both). */
    finish(): Summary {
      if (formatter.kind === "streaming") {
        output.write(formatter.end(quiet ? { ...summary, warnings: 0, infos: 0 } : summary, index, formatOptions));
      } else {
        output.write(formatter.whole(buildReport(held), formatOptions));
      }
      return summary;
    },
  };
}
