/**
 * `draftlint-sendmail`: a stand-in for sendmail that mutt/neomutt (`set sendmail=…`), git and
 * scripts call exactly as they would call sendmail. The message is spooled from standard input to
 * a private file, linted, and then either refused (lint errors: the report on stderr, exit 1, no
 * sendmail run) or handed to the real sendmail with the same arguments, its standard input being
 * the spooled file itself, so what it reads is byte for byte what we were given.
 *
 * A hook must never lose, leak or wrongly send the message it guards (SPEC §9): the spool is only
 * ever read and is removed on every path out (signals included); a signal before sendmail starts
 * means nothing is sent; once sendmail runs, a signal is passed on to it and waited for, so the
 * caller learns what really happened; and the program the mail goes through is never chosen by
 * a project config found by searching from wherever the wrapper was started.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, createReadStream, createWriteStream, existsSync, openSync } from "node:fs";
import { open, writeFile } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import { Chalk } from "chalk";
import type { FileResult } from "../types.js";
import { loadConfig, resolveConfigFor, type LoadedConfig } from "../config/loadConfig.js";
import { loadUserConfig, rawDeliverySettings, userConfigPath, type DeliverySettings } from "../config/userConfig.js";
import { lintPath } from "../engine/lint.js";
import { buildReport } from "../report/summarise.js";
import { formatStylish } from "../report/stylish.js";
import { hiddenRecipients, parseSendmailArgs, type SendmailArgs } from "./sendmailArgs.js";
import { createSpool, fillSpool, MessageTooLargeError, parseSize, type Spool } from "./sendmailSpool.js";

export { hiddenRecipients, parseSendmailArgs, type SendmailArgs } from "./sendmailArgs.js";

export const DEFAULT_SENDMAIL = ["/usr/sbin/sendmail", "/usr/lib/sendmail"];
const REPORT_NAME = "<message>";
/** Set in the real sendmail's environment, so that a sendmail that is draftlint-sendmail again (a
 * symlink loop) is caught instead of recursing forever. */
const RECURSION_GUARD = "DRAFTLINT_SENDMAIL_ACTIVE";
const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
type HandledSignal = keyof typeof SIGNALS;

/**
 * Lints the spooled message from its file, streamed like any large draft (memory stays bounded).
 * Hidden envelope recipients are added as a Bcc header to a second, private lint copy: the spool
 * itself, which is what gets sent, is never written after spooling.
 */
export async function lintOutgoing(spoolFile: string, loaded: LoadedConfig, args: SendmailArgs): Promise<FileResult> {
  const config = resolveConfigFor(REPORT_NAME, loaded);
  const lintInput = { file: REPORT_NAME, config, ruleSet: loaded.ruleSet, input: "eml" as const };
  const head = await readHead(spoolFile, 1 << 20);
  // With -t too: Postfix and msmtp deliver to the command line's addresses as well.
  const hidden = hiddenRecipients(head, args.recipients);
  if (!hidden.length) return lintPath(spoolFile, lintInput);
  const eol = /\r\n/.test(head.subarray(0, 4096).toString("latin1")) ? "\r\n" : "\n";
  const lintCopy = `${spoolFile}.lint-copy`;
  await writeFile(lintCopy, `Bcc: ${hidden.join(", ")}${eol}`, { flag: "wx", mode: 0o600 });
  await pipeline(createReadStream(spoolFile), createWriteStream(lintCopy, { flags: "a" }));
  const result = await lintPath(lintCopy, lintInput);
  // The added header line is not in the real message: file lines move back by one.
  return {
    ...result,
    findings: result.findings.map((f) =>
      f.location.fileLine ? { ...f, location: { ...f.location, fileLine: Math.max(1, f.location.fileLine - 1) } } : f,
    ),
  };
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(bytes), 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The real sendmail: the one chosen (environment, command line, user config), else the system's. */
export function resolveSendmail(env: NodeJS.ProcessEnv, configured: string | undefined): string[] {
  const chosen = env.DRAFTLINT_SENDMAIL || configured;
  if (chosen) {
    // `msmtp -a work`, as mutt's own `sendmail` setting allows; a path with spaces that exists is
    // taken whole.
    return existsSync(chosen) ? [chosen] : chosen.trim().split(/\s+/);
  }
  return [DEFAULT_SENDMAIL.find((p) => existsSync(p)) ?? DEFAULT_SENDMAIL[0]];
}

interface WrapperSettings {
  /** The config to lint with; null when it could not be loaded (then `failure` says why). */
  loaded: LoadedConfig | null;
  failure: string | null;
  delivery: DeliverySettings;
  /** A project config's `sendmail`, not used: said once, so a user who put it there knows. */
  ignoredSendmail: { value: string; file: string } | null;
}

/**
 * Lint settings from `--draftlint-config`, else the project config found from `cwd`, else the
 * user config; delivery settings (`sendmail`, `onFailure`, `maxMessageSize`) from the user config
 * only: a repository you cloned must not be able to choose where your mail goes.
 */
async function loadSettings(args: SendmailArgs, env: NodeJS.ProcessEnv, cwd: string): Promise<WrapperSettings> {
  let failure: string | null = null;
  let user: LoadedConfig | null = null;
  try {
    user = loadUserConfig(env);
  } catch (err) {
    failure = (err as Error).message;
  }
  const delivery: DeliverySettings = user
    ? { sendmail: user.config.sendmail, onFailure: user.config.onFailure, maxMessageSize: user.config.maxMessageSize }
    : rawDeliverySettings(env);
  let loaded: LoadedConfig | null = null;
  try {
    loaded = args.config ? await loadConfig({ configFile: args.config }) : await loadConfig({ searchFrom: cwd });
    if (!args.config && loaded.source === null && user) loaded = user;
  } catch (err) {
    failure ??= (err as Error).message;
  }
  const projectSendmail = loaded && loaded !== user ? loaded.config.sendmail : undefined;
  const ignoredSendmail = projectSendmail && projectSendmail !== delivery.sendmail ? { value: projectSendmail, file: loaded!.source ?? "config" } : null;
  return { loaded: failure ? null : loaded, failure, delivery, ignoredSendmail };
}

function runSendmail(
  command: string[],
  args: string[],
  stdinFd: number | "inherit",
  env: NodeJS.ProcessEnv,
  stderr: (t: string) => void,
  started: (child: ChildProcess) => void,
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command[0], [...command.slice(1), ...args], {
      stdio: [stdinFd, "inherit", "inherit"],
      env: { ...env, [RECURSION_GUARD]: "1" },
    });
    started(child);
    child.on("error", (err: NodeJS.ErrnoException) => {
      stderr(`draftlint-sendmail: cannot run ${command[0]}: ${err.code === "ENOENT" ? "no such file" : err.message}; message not sent\n`);
      resolve(69); // EX_UNAVAILABLE (sysexits.h)
    });
    child.on("close", (code, signal) => {
      resolve(code ?? 128 + (signal ? ((SIGNALS as Record<string, number>)[signal] ?? (signal === "SIGKILL" ? 9 : 0)) : 0));
    });
  });
}

/**
 * Two turns of the event loop, so that a signal that arrived while linting kept the loop busy
 * is handled now, before the point of no return (a handler runs only when the loop gets to it).
 */
async function handlePendingSignals(): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
}

export interface WrapperIo {
  stdin: Readable;
  stderr: (text: string) => void;
  /** For --help and --version only: a message being sent never writes to stdout. */
  stdout?: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Whether stderr is a terminal, for colour. */
  color?: boolean;
}

/** Said for `--help`: sendmail itself has no long options, so these can mean nothing else. */
const USAGE = `usage: draftlint-sendmail [sendmail options] [recipients]
A sendmail that lints the message on standard input first: with lint errors it says why on stderr,
sends nothing and exits 1; otherwise it hands the message, byte for byte, to the real sendmail
(DRAFTLINT_SENDMAIL, --draftlint-sendmail=PROGRAM, or sendmail: in the user-level config).
See docs/integrations.md.
`;

export async function runSendmailWrapper(argv: string[], io: WrapperIo): Promise<number> {
  const { env, stderr } = io;
  // Answered without reading standard input (it used to wait there for a message).
  if (argv.length === 1 && argv[0] === "--help") {
    (io.stdout ?? io.stderr)(USAGE);
    return 0;
  }
  if (argv.length === 1 && argv[0] === "--version") {
    (io.stdout ?? io.stderr)(`draftlint-sendmail ${process.env.DRAFTLINT_VERSION ?? "0.0.0"}\n`);
    return 0;
  }
  if (env[RECURSION_GUARD]) {
    stderr("draftlint-sendmail: the configured sendmail is draftlint-sendmail itself; set DRAFTLINT_SENDMAIL to the real one\n");
    return 2;
  }
  const args = parseSendmailArgs(argv);
  const force = env.DRAFTLINT_FORCE === "1" || env.DRAFTLINT_FORCE === "true";

  // Until sendmail runs, a signal means: remove the draft, send nothing. Once it runs, the signal
  // is its to act on (it may already have queued the message); we wait and report its outcome.
  let spool: Spool | null = null;
  let child: ChildProcess | null = null;
  const onSignal = (signal: HandledSignal) => {
    if (child) {
      child.kill(signal);
      return;
    }
    spool?.remove();
    process.exit(128 + SIGNALS[signal]);
  };
  const removeSpool = () => spool?.remove();
  for (const s of Object.keys(SIGNALS) as HandledSignal[]) process.on(s, onSignal);
  // A crash ends the process from outside this function (bin/draftlint-sendmail.js refuses and
  // exits): the private copy of the draft must not outlive it.
  process.on("exit", removeSpool);

  try {
    const settings = await loadSettings(args, env, io.cwd);
    const sendmail = resolveSendmail(env, args.sendmail ?? settings.delivery.sendmail);
    const onFailure = settings.delivery.onFailure;
    if (settings.ignoredSendmail) {
      stderr(
        `draftlint-sendmail: not using sendmail: ${settings.ignoredSendmail.value} from ${settings.ignoredSendmail.file} (a project config cannot choose where mail goes; set it in ${userConfigPath(env)})\n`,
      );
    }
    const run = (stdinFd: number | "inherit") => runSendmail(sendmail, args.sendmailArgv, stdinFd, env, stderr, (c) => (child = c));

    if (args.unlintable && !force) {
      stderr(`draftlint-sendmail: ${args.unlintable} reads SMTP commands from standard input, which draftlint cannot lint; nothing sent (DRAFTLINT_FORCE=1 passes it through unchecked)\n`);
      return 2;
    }
    if (args.passThrough || args.unlintable) return await run("inherit");

    let limit: number;
    try {
      limit = parseSize(settings.delivery.maxMessageSize);
    } catch (err) {
      stderr(`draftlint-sendmail: ${userConfigPath(env)}: ${(err as Error).message}; message not sent\n`);
      return 2;
    }
    spool = await createSpool();
    try {
      await fillSpool(spool, io.stdin, limit);
    } catch (err) {
      if (err instanceof MessageTooLargeError) {
        stderr(`draftlint-sendmail: ${err.message}; message not sent (raise maxMessageSize in ${userConfigPath(env)} to allow it)\n`);
        return 2;
      }
      const code = (err as NodeJS.ErrnoException).code;
      stderr(`draftlint-sendmail: cannot spool the message: ${code === "ENOSPC" ? "no space left on the device" : (err as Error).message}; message not sent\n`);
      return 75; // EX_TEMPFAIL: the caller still has the message and may retry
    }

    let failure = settings.failure;
    if (settings.loaded && !failure) {
      try {
        const result = await lintOutgoing(spool.file, settings.loaded, args);
        if (result.error) failure = `cannot lint the message: ${result.error.message}`;
        else {
          const report = buildReport([result]);
          const text = formatStylish(report, { chalk: new Chalk({ level: io.color ? 1 : 0 }) });
          if (report.summary.errors > 0 && !force) {
            stderr(text);
            stderr(`draftlint-sendmail: not sent: ${report.summary.errors} error${report.summary.errors === 1 ? "" : "s"}. Fix the draft, or send it anyway with DRAFTLINT_FORCE=1.\n`);
            return 1;
          }
          if (text) stderr(text);
          if (report.summary.errors > 0) stderr("draftlint-sendmail: DRAFTLINT_FORCE is set: sending despite the errors above.\n");
        }
      } catch (err) {
        failure = `draftlint failed: ${(err as Error).message}`;
        if (env.DEBUG?.includes("draftlint")) stderr(`${(err as Error).stack}\n`);
      }
    }
    if (failure) {
      if (!force && onFailure !== "send") {
        stderr(`draftlint-sendmail: ${failure}; message not sent (set onFailure: send in ${userConfigPath(env)} to send when draftlint fails)\n`);
        return 2;
      }
      stderr(`draftlint-sendmail: ${failure}; sending unchecked${force ? " (DRAFTLINT_FORCE)" : " (onFailure: send)"}\n`);
    }
    await handlePendingSignals();
    // The real sendmail reads the spool file itself, from its first byte, through a descriptor
    // opened now; the file is removed before it starts, so no copy is left on disk whatever
    // happens to either process from here on.
    const fd = openSync(spool.file, "r");
    spool.remove();
    try {
      return await run(fd);
    } finally {
      closeSync(fd);
    }
  } finally {
    for (const s of Object.keys(SIGNALS) as HandledSignal[]) process.off(s, onSignal);
    process.off("exit", removeSpool);
    removeSpool();
  }
}

export async function main(argv: string[]): Promise<number> {
  return runSendmailWrapper(argv, {
    stdin: process.stdin,
    stderr: (t) => process.stderr.write(t),
    stdout: (t) => process.stdout.write(t),
    env: process.env,
    cwd: process.cwd(),
    color: process.stderr.isTTY === true && !process.env.NO_COLOR,
  });
}
