/**
 * git hooks: `draftlint hooks install sendemail-validate|pre-commit` writes a small shell hook
 * into the repository's hooks directory, and the hook calls back into `draftlint hooks run …`,
 * where the logic lives (and is tested) rather than in shell.
 *
 * - `sendemail-validate`: git send-email runs it on each message before sending ($1, the message;
 *   git 2.43 and later also pass a file of the SMTP headers as $2, whose To/Cc/Bcc are the real
 *   recipients). A non-zero exit stops the whole send.
 * - `pre-commit`: lints the staged version of every staged draft or template, so a repository of
 *   email templates cannot take a commit with an error in it.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { ChalkInstance } from "chalk";
import picomatch from "picomatch";
import type { FileResult } from "../types.js";
import { loadConfig, resolveConfigFor, type LoadedConfig } from "../config/loadConfig.js";
import { UsageError } from "../config/errors.js";
import { fileError, lintPath, lintSource } from "../engine/lint.js";
import { DRAFT_EXTENSIONS } from "../input/collectInputs.js";
import { lintMboxStream, looksLikeMbox } from "../input/mbox.js";
import { buildReport } from "../report/summarise.js";
import { formatStylish } from "../report/stylish.js";
import { HOOK_NAMES } from "./hookInstall.js";
import { safeText } from "../report/safeText.js";

export { HOOK_NAMES, type HookName } from "./hookInstall.js";

export { buildHookScript, hooksDirectory, installHook, type InstallResult } from "./hookInstall.js";

function git(args: string[], cwd: string): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** The first line of `git format-patch` output is an mbox `From <sha> <date>` line, not a header. */
function withoutMboxFromLine(source: Buffer): { source: Buffer; removedLines: number } {
  if (source.subarray(0, 5).toString("latin1") !== "From ") return { source, removedLines: 0 };
  const nl = source.indexOf(0x0a);
  return nl === -1 ? { source, removedLines: 0 } : { source: source.subarray(nl + 1), removedLines: 1 };
}

/** To, Cc and Bcc header fields (unfolded) of an RFC 5322 header block. */
function recipientFields(headers: string): string[] {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, " ");
  return unfolded.split(/\r?\n/).filter((line) => /^(to|cc|bcc)\s*:/i.test(line));
}

/**
 * The message git send-email will send, as the linter should read it: when git passed the SMTP
 * headers ($2), their To/Cc/Bcc replace the patch's own, since those are who will receive it.
 */
export function messageForSendEmail(patch: Buffer, smtpHeaders: string | null): { source: Buffer; lineShift: number } {
  const stripped = withoutMboxFromLine(patch);
  const fields = smtpHeaders ? recipientFields(smtpHeaders) : [];
  if (!fields.length) return { source: stripped.source, lineShift: stripped.removedLines };
  const text = stripped.source.toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  const head = end === -1 ? text : text.slice(0, end);
  const kept = head
    .replace(/\r?\n[ \t]+/g, (m) => m.replace(/\r?\n/, "\u0000"))
    .split(/\r?\n/)
    .filter((line) => !/^(to|cc|bcc)\s*:/i.test(line))
    .map((line) => line.replace(/\u0000/g, "\n"));
  const newHead = [...fields, ...kept].join("\n");
  const rest = end === -1 ? "" : text.slice(end);
  const shift = stripped.removedLines + (head.split(/\r?\n/).length - newHead.split("\n").length);
  return { source: Buffer.from(newHead + rest, "latin1"), lineShift: shift };
}

function shiftFileLines(result: FileResult, shift: number): FileResult {
  if (!shift) return result;
  return {
    ...result,
    findings: result.findings.map((f) => (f.location.fileLine ? { ...f, location: { ...f.location, fileLine: Math.max(1, f.location.fileLine + shift) } } : f)),
  };
}

export interface HookIo {
  cwd: string;
  stderr: (text: string) => void;
  chalk: ChalkInstance;
}

function reportAndDecide(results: FileResult[], io: HookIo, what: string, skip: string): number {
  const report = buildReport(results);
  const text = formatStylish(report, { chalk: io.chalk });
  if (text) io.stderr(text);
  // One error, one line: a file name holding a newline is shown with its stand-in (␊).
  for (const r of results) if (r.error) io.stderr(`draftlint: ${safeText(r.file)}: ${safeText(r.error.message)}\n`);
  if (report.summary.errors > 0 || report.summary.fileErrors > 0) {
    io.stderr(`draftlint: ${what} stopped. Fix the problems above, or skip the check once with ${skip}.\n`);
    return 1;
  }
  return 0;
}

export async function runSendEmailValidate(args: string[], io: HookIo): Promise<number> {
  const [patchPath, headersPath] = args;
  if (!patchPath) throw new UsageError("sendemail-validate: expected the message file as the first argument");
  const loaded = await loadConfig({ searchFrom: io.cwd });
  const patch = await readFile(resolve(io.cwd, patchPath));
  const headers = headersPath && existsSync(resolve(io.cwd, headersPath)) ? readFileSync(resolve(io.cwd, headersPath), "utf8") : null;
  const { source, lineShift } = messageForSendEmail(patch, headers);
  const result = await lintSource(source, { file: patchPath, config: resolveConfigFor(patchPath, loaded), ruleSet: loaded.ruleSet, input: "eml" });
  return reportAndDecide([shiftFileLines(result, lineShift)], io, "send-email", "git send-email --no-validate");
}

const DRAFT_FILE = new RegExp(`\\.(${DRAFT_EXTENSIONS.join("|")})$`, "i");

/** Lints what is staged (the index), not what is in the work tree: that is what gets committed. */
export async function runPreCommit(io: HookIo): Promise<number> {
  const top = git(["rev-parse", "--show-toplevel"], io.cwd);
  const staged = execFileSync("git", ["diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z"], { cwd: top })
    .toString("utf8")
    .split("\0")
    .filter((p) => p && DRAFT_FILE.test(p));
  if (!staged.length) return 0;
  const configs = new Map<string, Promise<LoadedConfig>>();
  const configFor = (dir: string) => {
    let found = configs.get(dir);
    if (!found) configs.set(dir, (found = loadConfig({ searchFrom: dir })));
    return found;
  };
  const results: FileResult[] = [];
  for (const path of staged) {
    const absolute = resolve(top, path);
    const loaded = await configFor(dirname(absolute));
    const ignored = picomatch(loaded.config.ignorePatterns ?? [], { dot: true });
    if (ignored(path)) continue;
    const lintMember = (member: string, source: Buffer, file?: string) => {
      const input = { file: member, config: resolveConfigFor(absolute, loaded), ruleSet: loaded.ruleSet, input: "eml" as const };
      return file ? lintPath(file, input) : lintSource(source, input);
    };
    // An archive is streamed from the index, message by message, as the CLI streams a file:
    // the staged version is what gets committed, whatever the work tree holds.
    if (/\.mbox$/i.test(path)) {
      results.push(...(await lintMboxStream(path, () => stagedBlob(top, path), lintMember)));
      continue;
    }
    let source: Buffer;
    try {
      source = execFileSync("git", ["cat-file", "blob", `:${path}`], { cwd: top, maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "ignore"] });
    } catch {
      results.push(fileError(path, "read-error", "cannot read the staged version"));
      continue;
    }
    if (looksLikeMbox(source.subarray(0, 4096))) {
      results.push(...(await lintMboxStream(path, () => oneChunk(source), lintMember)));
      continue;
    }
    results.push(await lintSource(source, { file: path, config: resolveConfigFor(absolute, loaded), ruleSet: loaded.ruleSet }));
  }
  return reportAndDecide(results, io, "commit", "git commit --no-verify");
}

async function* oneChunk(source: Buffer): AsyncGenerator<Buffer> {
  yield source;
}

/** The staged version of `path` (`git cat-file blob :path`), as a stream. */
async function* stagedBlob(top: string, path: string): AsyncGenerator<Buffer> {
  const child = spawn("git", ["cat-file", "blob", `:${path}`], { cwd: top, stdio: ["ignore", "pipe", "ignore"] });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  for await (const chunk of child.stdout) yield chunk as Buffer;
  if ((await exited) !== 0) throw new Error("git cat-file found no staged version");
}

export async function runHook(name: string, args: string[], io: HookIo): Promise<number> {
  if (name === "sendemail-validate") return runSendEmailValidate(args, io);
  if (name === "pre-commit") return runPreCommit(io);
  throw new UsageError(`unknown hook "${name}" (expected ${HOOK_NAMES.join(" or ")})`);
}
