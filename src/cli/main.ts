/** The command line (SPEC §6). Every failure of draftlint itself is one plain line and exit 2. */
import { Command, CommanderError } from "commander";
import { Chalk, type ChalkInstance } from "chalk";
import { runLint, type Io } from "./lintCommand.js";
import { formatExplain, formatRuleList, rulesWith } from "./ruleDocs.js";
import { runInit } from "./init.js";
import { UsageError } from "../config/errors.js";
import { loadPackFile } from "../packs/loadPack.js";
import { runPackExamples } from "../packs/runExamples.js";
import { safeLine, safeReport } from "../report/safeText.js";

function makeChalk(colorFlag: boolean | undefined): ChalkInstance {
  // --color and --no-color win over the environment and the TTY check, as in ESLint.
  if (colorFlag === false) return new Chalk({ level: 0 });
  if (colorFlag === true) return new Chalk({ level: Math.max(1, new Chalk().level) as 1 | 2 | 3 });
  // chalk reads FORCE_COLOR but not NO_COLOR (https://no-color.org): present and not empty, it
  // means no colour, unless FORCE_COLOR asks for it.
  if (process.env.NO_COLOR && process.env.FORCE_COLOR === undefined) return new Chalk({ level: 0 });
  return new Chalk();
}

/**
 * Standard input is read whole (a file is streamed instead), so it is capped: `draftlint - <
 * /dev/zero` grew without end. Over the cap it is a file error, like any input that cannot be read.
 */
export const STDIN_CAP = 64 << 20;

function readStdin(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    process.stdin.on("data", (c: Buffer) => {
      length += c.length;
      if (length <= STDIN_CAP) chunks.push(c);
      else {
        process.stdin.destroy();
        reject(Object.assign(new Error(`standard input is over ${STDIN_CAP >> 20} MB: save it to a file to lint it`), { code: "EFTYPE" }));
      }
    });
    process.stdin.on("end", () => resolve(Buffer.concat(chunks)));
    process.stdin.on("error", reject);
  });
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  // `draftlint … | head` closes the pipe early: that is the reader's choice, not a failure, and
  // the exit code must still say whether there were errors, so the run goes on without output.
  // Any other write error (`> /dev/full`) means the report is lost: one line, exit 2.
  let stdoutOpen = true;
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (!stdoutOpen) return;
    stdoutOpen = false;
    if (err.code === "EPIPE") return;
    const reason = err.code === "ENOSPC" ? "no space left on the device" : (err.code ?? err.message);
    process.stderr.write(`draftlint: cannot write the report to standard output (${reason})\n`);
    process.exit(2);
  });
  // Every line draftlint writes to stderr goes through safeLine: one message, one line, so a file
  // name holding a newline and `::error::` cannot start a GitHub workflow command in a CI log.
  const stderr = (t: string) => process.stderr.write(safeLine(t));
  const io = (color?: boolean): Io => ({
    stdout: (t) => stdoutOpen && process.stdout.write(t),
    stderr,
    readStdin,
    chalk: makeChalk(color),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    progress: process.stderr,
  });
  const collect = (value: string, previous: string[] = []) => [...previous, value];

  const program = new Command("draftlint")
    .description("Lint outbound email drafts before they are sent.")
    .version(process.env.DRAFTLINT_VERSION ?? "0.0.0", "-v, --version")
    .argument("[paths...]", "files, directories, globs, or - for stdin")
    .option("-c, --config <file>", "use this config, no search")
    .option("-f, --format <name>", "stylish | json | sarif | github | compact", "stylish")
    .option("-o, --output-file <file>", "write the report there")
    .option("--internal-domain <domain>", "add an internal domain (repeatable, or comma-separated)", collect)
    .option("--rule <id=severity>", "override a rule (repeatable)", collect)
    .option("--max-warnings <n>", "exit 1 when warnings exceed n")
    .option("--cache", "lint only files that changed since the last --cache run")
    .option("--cache-location <path>", "the cache file, or a directory for .draftlintcache")
    .option("--quiet", "report errors only")
    .option("--color", "colour even when not printing to a terminal")
    .option("--no-color", "no colour (also NO_COLOR / FORCE_COLOR)")
    .option("--input <mode>", "auto | eml | text", "auto")
    .option("--stdin-filename <name>", "name standard input in reports")
    .option("--no-ignore", "lint files that ignorePatterns and --ignore-pattern would skip")
    .option("--ignore-pattern <glob>", "skip files matching this glob when walking (repeatable)", collect)
    .option("--report-unused-disable-directives", "report disable comments that silence nothing (as errors)")
    .option("--no-inline-config", "disable comments in drafts silence nothing")
    .option("--print-config <file>", "print the configuration that applies to that file, and lint nothing")
    .option("--history <path>", "the recipient history to use (made by draftlint learn)")
    .exitOverride()
    .configureOutput({ writeErr: (t) => stderr(t) })
    .action(async (paths: string[], opts) => {
      // A report written to a file is read later, elsewhere: no terminal colour codes in it.
      exitCode = await runLint(paths, opts, io(opts.outputFile && opts.color !== true ? false : opts.color));
    });

  // `rules` and `explain` know the packs the config where they run adds, as linting would.
  const documentedRules = async (configFile?: string) => {
    const { loadConfig } = await import("../config/loadConfig.js");
    const loaded = await loadConfig(configFile ? { configFile } : { searchFrom: process.cwd() });
    return rulesWith(loaded.ruleSet.map(({ pack, data }) => ({ pack: pack.pack, rule: data })));
  };

  program
    .command("explain <rule-id>")
    .description("why a rule exists, what it catches, examples")
    .option("-c, --config <file>", "use this config's packs, no search")
    .action(async (id: string, opts) => {
      const text = formatExplain(id, makeChalk(undefined), await documentedRules(opts.config));
      if (!text) throw new UsageError(`unknown rule "${id}" (see \`draftlint rules\`)`);
      process.stdout.write(text);
    });

  program
    .command("rules")
    .description("every rule: pack, default severity, one-line description")
    .option("-c, --config <file>", "use this config's packs, no search")
    .action(async (opts) => {
      process.stdout.write(formatRuleList(makeChalk(undefined), await documentedRules(opts.config)));
    });

  program
    .command("init")
    .description("write a commented .linterrc.yaml, internal domain guessed from git's user.email")
    .option("--force", "overwrite an existing file")
    .action((opts) => {
      process.stdout.write(runInit(process.cwd(), opts.force));
    });

  program
    .command("test-pack <file>")
    .description("run a rule pack's examples")
    .action(async (file: string) => {
      const outcomes = await runPackExamples(loadPackFile(file));
      const c = makeChalk(undefined);
      for (const o of outcomes.filter((o) => !o.ok)) {
        process.stdout.write(`${c.red("✖")} ${o.ruleId}: expected to ${o.expect}: ${o.example.replace(/\s+/g, " ").slice(0, 120)}\n`);
        for (const f of o.fired) process.stdout.write(`    fired ${f}\n`);
      }
      const failed = outcomes.filter((o) => !o.ok).length;
      process.stdout.write(`${outcomes.length - failed} passed, ${failed} failed\n`);
      exitCode = failed ? 1 : 0;
    });

  // The recipient history (src/history/): made from sent mail, seen and pruned by its owner.
  program
    .command("learn <sources...>")
    .description("add sent mail (mbox, maildir, folders of .eml/.msg) to the recipient history")
    .option("--history <path>", "the history file (default: config's history, or $XDG_DATA_HOME/draftlint/history)")
    .option("--from <address>", "learn only messages from this address (repeatable): a folder that also holds received mail", collect)
    .option("-c, --config <file>", "read `history:` from this config")
    .action(async (sources: string[], opts) => {
      const { runLearn } = await import("./historyCommands.js");
      // `--history` and `-c` are the lint command's options too, so commander may hand them to either.
      exitCode = await runLearn(sources, { ...program.opts(), ...opts, history: opts.history ?? program.opts().history, config: opts.config ?? program.opts().config }, (t) => process.stdout.write(safeReport(t)));
    });
  program
    .command("history <action> [address]")
    .description("stats | show <address> | forget <address or @domain>: see and delete what the recipient history holds")
    .option("--history <path>", "the history file")
    .option("-c, --config <file>", "read `history:` from this config")
    .action(async (action: string, address: string | undefined, opts) => {
      const { runHistory } = await import("./historyCommands.js");
      exitCode = await runHistory(action, address, { history: opts.history ?? program.opts().history, config: opts.config ?? program.opts().config }, (t) => process.stdout.write(safeReport(t)));
    });

  // git hooks (src/integrations/gitHooks.ts): `install` writes the hook, `run` is what it calls.
  const hooks = program.command("hooks").description("git hooks: sendemail-validate, pre-commit");
  hooks
    .command("install <hook>")
    .description("write the sendemail-validate or pre-commit hook into this repository's hooks directory")
    .option("--force", "replace an existing hook (it is moved aside and still runs first)")
    .action(async (hook: string, opts) => {
      const { installHook } = await import("../integrations/gitHooks.js");
      const result = installHook(hook, { force: opts.force });
      const note = result.unchanged ? " (already installed)" : result.backup ? ` (the old hook is now ${result.backup}, and runs first)` : "";
      process.stdout.write(`draftlint: installed ${hook} hook at ${result.path}${note}\n`);
    });
  hooks
    .command("run <hook> [args...]")
    .description("run a hook's check (called by the installed hook)")
    .action(async (hook: string, args: string[]) => {
      const { runHook } = await import("../integrations/gitHooks.js");
      // The hook's report quotes file names from git: made safe line by line, colour kept.
      exitCode = await runHook(hook, args, { cwd: process.cwd(), stderr: (t) => process.stderr.write(safeReport(t)), chalk: new Chalk({ level: process.stderr.isTTY ? 1 : 0 }) });
    });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are not errors; commander has already printed its usage message.
      return err.exitCode === 0 || err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : 2;
    }
    stderr(`draftlint: ${(err as Error).message}\n`);
    if (process.env.DEBUG?.includes("draftlint")) process.stderr.write(safeReport(`${(err as Error).stack}\n`));
    return 2;
  }
  return exitCode;
}
