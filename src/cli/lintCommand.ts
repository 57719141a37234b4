/**
 * `draftlint [paths...]`: lint every input, print the report, and choose the exit code
 * (0 clean, 1 lint errors or too many warnings, 2 usage/config/file errors — SPEC §6).
 * A bad file never stops the others.
 */
import { writeFile } from "node:fs/promises";
import type { ChalkInstance } from "chalk";
import type { FileResult, Report } from "../types.js";
import { loadConfig, type CliOverrides } from "../config/loadConfig.js";
import { UsageError } from "../config/errors.js";
import { collectInputs } from "../input/collectInputs.js";
import type { InputMode } from "../message/readMessage.js";
import { createFileLinter, type FileLinterSettings } from "./fileLinter.js";
import { lintInWorkers, workerCount } from "./lintInWorkers.js";
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

  const settings: FileLinterSettings = { cli, configFile: options.config, input: options.input as InputMode };
  const debug = process.env.DEBUG?.includes("draftlint");
  const linter = createFileLinter(settings, (err) => debug && io.stderr(`${err.stack}\n`));
  const files = items.flatMap((item) => (item.kind === "file" ? [item.path] : []));
  const workers = workerCount(files.length);
  const fromWorkers = workers ? await lintInWorkers(files, settings, workers) : null;

  const results: FileResult[] = [];
  let fileIndex = 0;
  for (const item of items) {
    if (item.kind === "stdin") {
      const name = options.stdinFilename ?? "<stdin>";
      results.push(await linter.lint(name, { source: await io.readStdin() }));
    } else {
      results.push(...(fromWorkers ? fromWorkers[fileIndex] : await linter.lintPathOrArchive(item.path)));
      fileIndex++;
    }
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

function errorsOnly(result: FileResult): FileResult {
  return { ...result, findings: result.findings.filter((f) => f.severity === "error") };
}
