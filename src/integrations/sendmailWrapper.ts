/**
 * `draftlint-sendmail`: a stand-in for sendmail that mutt/neomutt (`set sendmail=…`), git and
 * scripts call exactly as they would call sendmail. The message is spooled from standard input to
 * a private file, linted, and then either refused (lint errors: the report on stderr, exit 1, no
 * sendmail run) or handed to the real sendmail with the same arguments, its standard input being
 * the spooled file itself, so what it reads is byte for byte what we were given.
 *
 * A hook must never lose or alter the message it guards (SPEC §9): the spool is only ever read,
 * and the real sendmail reads it directly from the file descriptor, not through this process.
 */
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, openSync, closeSync, rmSync } from "node:fs";
import { mkdtemp, open, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { domainToUnicode } from "node:url";
import type { Readable } from "node:stream";
import { Chalk } from "chalk";
import { cosmiconfig } from "cosmiconfig";
import type { FileResult } from "../types.js";
import { CONFIG_FILES, loadConfig, resolveConfigFor, type LoadedConfig } from "../config/loadConfig.js";
import { lintPath } from "../engine/lint.js";
import { parseMailboxes } from "../message/addresses.js";
import { buildReport } from "../report/summarise.js";
import { formatStylish } from "../report/stylish.js";

export const DEFAULT_SENDMAIL = ["/usr/sbin/sendmail", "/usr/lib/sendmail"];
const REPORT_NAME = "<message>";
/** Set in the real sendmail's environment, so that a sendmail that is draftlint-sendmail again (a
 * symlink loop) is caught instead of recursing forever. */
const RECURSION_GUARD = "DRAFTLINT_SENDMAIL_ACTIVE";

/**
 * sendmail options that take a value as the next argument when it is not attached (`-f addr`),
 * common to Sendmail, Postfix, Exim, msmtp and nullmailer.
 */
const OPTIONS_WITH_VALUE = new Set(["f", "F", "r", "B", "N", "R", "V", "X", "C", "h", "O", "p", "L"]);

export interface SendmailArgs {
  /** `-t`: recipients are read from the message's To, Cc and Bcc headers. */
  extractRecipients: boolean;
  /** Envelope recipients named on the command line. */
  recipients: string[];
  /**
   * Not a message submission (`-bv` verify, `-bs` SMTP session, `-bp` queue listing, `-q` queue
   * run, `-I`): passed straight through without reading standard input.
   */
  passThrough: boolean;
}

export function parseSendmailArgs(argv: string[]): SendmailArgs {
  const out: SendmailArgs = { extractRecipients: false, recipients: [], passThrough: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      out.recipients.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      out.recipients.push(arg);
      continue;
    }
    const letter = arg[1];
    if (letter === "t" && arg === "-t") out.extractRecipients = true;
    else if (letter === "b" && arg !== "-bm") out.passThrough = true;
    else if (letter === "q" || arg === "-I") out.passThrough = true;
    else if (OPTIONS_WITH_VALUE.has(letter) && arg.length === 2) i++;
  }
  return out;
}

/** The header block (up to the first empty line, RFC 5322 §2.1), unfolded, as name/value pairs. */
function headerFields(source: Buffer): Array<[string, string]> {
  const head = source.subarray(0, Math.min(source.length, 1 << 20)).toString("utf8");
  const end = head.search(/\r?\n\r?\n/);
  const block = (end === -1 ? head : head.slice(0, end)).replace(/\r?\n[ \t]/g, " ");
  const fields: Array<[string, string]> = [];
  for (const line of block.split(/\r?\n/)) {
    const m = /^([!-9;-~]+):(.*)$/.exec(line);
    if (m) fields.push([m[1].toLowerCase(), m[2].trim()]);
  }
  return fields;
}

function normaliseAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at === -1) return address.toLowerCase();
  return `${address.slice(0, at).toLowerCase()}@${domainToUnicode(address.slice(at + 1).toLowerCase()) || address.slice(at + 1).toLowerCase()}`;
}

/**
 * Envelope recipients that no To/Cc/Bcc header names: they receive the message without the other
 * recipients seeing them, which is what Bcc means. mutt, for one, removes the Bcc header before
 * calling sendmail and passes those addresses only on the command line.
 */
export function hiddenRecipients(source: Buffer, envelope: string[]): string[] {
  const visible = new Set(
    headerFields(source)
      .filter(([name]) => name === "to" || name === "cc" || name === "bcc")
      .flatMap(([, value]) => parseMailboxes(value).map((m) => normaliseAddress(m.address))),
  );
  const hidden: string[] = [];
  for (const arg of envelope) {
    for (const box of parseMailboxes(arg)) {
      const address = normaliseAddress(box.address);
      if (!visible.has(address) && !hidden.includes(address)) hidden.push(address);
    }
  }
  return hidden;
}

/**
 * Lints the spooled message from its file, streamed like any large draft (memory stays bounded).
 * Hidden envelope recipients are added as a Bcc header to a second, private lint copy: the spool
 * itself, which is what gets sent, is never written after spooling.
 */
export async function lintOutgoing(spoolFile: string, loaded: LoadedConfig, args: SendmailArgs): Promise<FileResult> {
  const config = resolveConfigFor(REPORT_NAME, loaded);
  const lintInput = { file: REPORT_NAME, config, ruleSet: loaded.ruleSet, input: "eml" as const };
  const head = await readHead(spoolFile, 1 << 20);
  const hidden = args.extractRecipients ? [] : hiddenRecipients(head, args.recipients);
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

/** `sendmail` and `onFailure` as written, even when the config as a whole does not validate. */
async function rawSettings(cwd: string): Promise<{ sendmail?: string; onFailure?: string }> {
  try {
    const found = await cosmiconfig("draftlint", { searchPlaces: CONFIG_FILES, searchStrategy: "project" }).search(cwd);
    const config = (found?.config ?? {}) as Record<string, unknown>;
    return {
      sendmail: typeof config.sendmail === "string" ? config.sendmail : undefined,
      onFailure: typeof config.onFailure === "string" ? config.onFailure : undefined,
    };
  } catch {
    return {};
  }
}

/** The real sendmail: `DRAFTLINT_SENDMAIL`, else config `sendmail`, else the system's. */
export function resolveSendmail(env: NodeJS.ProcessEnv, configured: string | undefined): string[] {
  const chosen = env.DRAFTLINT_SENDMAIL || configured;
  if (chosen) {
    // `msmtp -a work`, as mutt's own `sendmail` setting allows; a path with spaces that exists is
    // taken whole.
    return existsSync(chosen) ? [chosen] : chosen.trim().split(/\s+/);
  }
  return [DEFAULT_SENDMAIL.find((p) => existsSync(p)) ?? DEFAULT_SENDMAIL[0]];
}

async function spool(stdin: Readable): Promise<{ dir: string; file: string }> {
  // mkdtemp creates the directory 0700; the file is created exclusively, 0600: a draft is private.
  const dir = await mkdtemp(join(tmpdir(), "draftlint-sendmail-"));
  const file = join(dir, "message");
  await pipeline(stdin, createWriteStream(file, { flags: "wx", mode: 0o600 }));
  return { dir, file };
}

function runSendmail(command: string[], args: string[], stdinFd: number | "inherit", env: NodeJS.ProcessEnv, stderr: (t: string) => void): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command[0], [...command.slice(1), ...args], {
      stdio: [stdinFd, "inherit", "inherit"],
      env: { ...env, [RECURSION_GUARD]: "1" },
    });
    child.on("error", (err: NodeJS.ErrnoException) => {
      stderr(`draftlint-sendmail: cannot run ${command[0]}: ${err.code === "ENOENT" ? "no such file" : err.message}; message not sent\n`);
      resolve(69); // EX_UNAVAILABLE (sysexits.h)
    });
    child.on("close", (code, signal) => {
      resolve(code ?? 128 + (signal ? (({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }) as Record<string, number>)[signal] ?? 0 : 0));
    });
  });
}

export interface WrapperIo {
  stdin: Readable;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Whether stderr is a terminal, for colour. */
  color?: boolean;
}

export async function runSendmailWrapper(argv: string[], io: WrapperIo): Promise<number> {
  const { env, stderr } = io;
  if (env[RECURSION_GUARD]) {
    stderr("draftlint-sendmail: the configured sendmail is draftlint-sendmail itself; set DRAFTLINT_SENDMAIL to the real one\n");
    return 2;
  }
  const args = parseSendmailArgs(argv);
  const force = env.DRAFTLINT_FORCE === "1" || env.DRAFTLINT_FORCE === "true";

  let loaded: LoadedConfig | null = null;
  let failure: string | null = null;
  try {
    loaded = await loadConfig({ searchFrom: io.cwd });
  } catch (err) {
    failure = (err as Error).message;
  }
  const raw = loaded ? { sendmail: loaded.config.sendmail, onFailure: loaded.config.onFailure } : await rawSettings(io.cwd);
  const sendmail = resolveSendmail(env, raw.sendmail);

  if (args.passThrough) return runSendmail(sendmail, argv, "inherit", env, stderr);

  let spooled: { dir: string; file: string };
  try {
    spooled = await spool(io.stdin);
  } catch (err) {
    stderr(`draftlint-sendmail: cannot spool the message: ${(err as Error).message}; message not sent\n`);
    return 75; // EX_TEMPFAIL: the caller still has the message and may retry
  }
  const cleanUp = () => rmSync(spooled.dir, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGHUP" ? 1 : 15));
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const s of signals) process.on(s, onSignal);
  // A crash ends the process from outside this function (bin/draftlint-sendmail.js refuses and
  // exits): the private copy of the draft must not outlive it.
  process.on("exit", cleanUp);

  try {
    if (loaded && !failure) {
      try {
        const result = await lintOutgoing(spooled.file, loaded, args);
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
      if (!force && raw.onFailure !== "send") {
        stderr(`draftlint-sendmail: ${failure}; message not sent (set onFailure: send in the config to send when draftlint fails)\n`);
        return 2;
      }
      stderr(`draftlint-sendmail: ${failure}; sending unchecked${force ? " (DRAFTLINT_FORCE)" : " (onFailure: send)"}\n`);
    }
    // The real sendmail reads the spool file itself, from its first byte.
    const fd = openSync(spooled.file, "r");
    try {
      return await runSendmail(sendmail, argv, fd, env, stderr);
    } finally {
      closeSync(fd);
    }
  } finally {
    for (const s of signals) process.off(s, onSignal);
    process.off("exit", cleanUp);
    cleanUp();
  }
}

export async function main(argv: string[]): Promise<number> {
  return runSendmailWrapper(argv, {
    stdin: process.stdin,
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    color: process.stderr.isTTY === true && !process.env.NO_COLOR,
  });
}
