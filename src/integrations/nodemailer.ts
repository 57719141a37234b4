/**
 * `draftlint/nodemailer`: a nodemailer plugin that lints each message an application sends and
 * refuses the send when draftlint finds errors (or warnings, with `failOn: "warn"`).
 *
 *   import { draftlintPlugin } from "draftlint/nodemailer";
 *   transporter.use("compile", draftlintPlugin({ config: { internalDomains: ["acme.com"] } }));
 *
 * The plugin never changes what is sent. It composes its own copy of the message from the mail
 * options with nodemailer's MailComposer, leaving out anything that reading would consume or
 * fetch: stream contents (a stream can be read once, and the real send needs it) and `href`
 * URLs (draftlint never touches the network). Attachments keep their names and types, so the
 * rules still see them.
 */
import { createRequire } from "node:module";
import type { FileResult, Finding } from "../types.js";
import { loadConfig, resolveConfigFor, validateConfig, type CliOverrides, type LoadedConfig } from "../config/loadConfig.js";
import { lintSource } from "../engine/lint.js";
import { resolve } from "node:path";

export interface DraftlintPluginOptions {
  /** A config object (as in .linterrc), used instead of searching for a config file. */
  config?: unknown;
  /** A config file to use instead of searching. */
  configFile?: string;
  /** Where the config search starts, and relative paths in `config` resolve from. Default: process.cwd(). */
  cwd?: string;
  /** Refuse on errors (default), or on warnings too. */
  failOn?: "error" | "warn";
  /** Rule overrides, as `--rule` on the command line. */
  rules?: CliOverrides["rules"];
  /** Called with every result, refused or not (for logging). */
  onResult?: (result: FileResult, mail: NodemailerMail) => void;
  /** Name used for the message in results. Default: the message's Subject, else "<nodemailer>". */
  filename?: (mail: NodemailerMail) => string;
}

/** The part of nodemailer's `Mail` object a plugin receives that this plugin reads. */
export interface NodemailerMail {
  data: Record<string, any>;
  message?: unknown;
}

export type NodemailerPlugin = (mail: NodemailerMail, callback: (err?: Error | null) => void) => void;

/** The error a refused send rejects with; `result` is the per-message object of the JSON format. */
export class DraftlintRefusedError extends Error {
  readonly code = "EDRAFTLINT";
  readonly result: FileResult;
  constructor(result: FileResult, failOn: "error" | "warn") {
    super(describeRefusal(result, failOn));
    this.name = "DraftlintRefusedError";
    this.result = result;
  }
}

function where(f: Finding): string {
  const l = f.location;
  if (l.section === "header") return l.header ?? "header";
  if (l.section === "subject" || l.section === "attachment") return l.section;
  return `${l.line ?? 0}:${l.column ?? 0}`;
}

function describeRefusal(result: FileResult, failOn: "error" | "warn"): string {
  if (result.error) return `draftlint could not lint the message (${result.error.code}): ${result.error.message}`;
  const blocking = result.findings.filter((f) => f.severity === "error" || (failOn === "warn" && f.severity === "warn"));
  const errors = blocking.filter((f) => f.severity === "error").length;
  const warnings = blocking.length - errors;
  const counts = [errors ? `${errors} error${errors === 1 ? "" : "s"}` : "", warnings ? `${warnings} warning${warnings === 1 ? "" : "s"}` : ""].filter(Boolean);
  const lines = blocking.map((f) => `  ${where(f)}  ${f.severity}  ${f.message}  [${f.ruleId}]${f.excerpt && f.location.section !== "header" ? `\n      "${f.excerpt.replace(/\s+/g, " ").trim()}"` : ""}`);
  return `draftlint refused to send this message: ${counts.join(", ")}\n${lines.join("\n")}`;
}

/** Whether a value is something reading would consume (a stream) rather than plain content. */
function isStream(value: unknown): boolean {
  return !!value && typeof value === "object" && typeof (value as { pipe?: unknown }).pipe === "function";
}

/**
 * Content the lint copy may read without side effects: strings, buffers and local files. Streams
 * and URLs are replaced by nothing (a stream is read once; a URL would be a network request).
 */
function safeContent(value: unknown): unknown {
  if (value === undefined || value === null || typeof value === "string" || Buffer.isBuffer(value)) return value;
  if (isStream(value)) return undefined;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (v.href !== undefined) return undefined;
    if (v.content !== undefined) return safeContent(v.content) === undefined ? undefined : v;
    if (typeof v.path === "string") return v;
  }
  return undefined;
}

function safeAttachment(attachment: Record<string, any>): Record<string, any> {
  const copy: Record<string, any> = { ...attachment };
  const content = safeContent(attachment.content ?? (attachment.path !== undefined || attachment.href !== undefined ? attachment : undefined));
  delete copy.path;
  delete copy.href;
  delete copy.raw;
  copy.content = typeof content === "string" || Buffer.isBuffer(content) ? content : Buffer.alloc(0);
  if (!copy.filename && typeof attachment.path === "string") copy.filename = attachment.path.split(/[\\/]/).pop();
  return copy;
}

function addressesOf(value: unknown): string[] {
  if (!value) return [];
  if (Array.isArray(value)) return value.flatMap(addressesOf);
  if (typeof value === "object") return typeof (value as { address?: unknown }).address === "string" ? [(value as { address: string }).address] : [];
  return String(value)
    .split(",")
    .map((s) => (/<([^>]+)>/.exec(s)?.[1] ?? s).trim())
    .filter((s) => s.includes("@"));
}

/** The mail options with everything unsafe to read taken out, and hidden envelope recipients as Bcc. */
export function lintableMailData(data: Record<string, any>): Record<string, any> {
  const copy: Record<string, any> = { ...data };
  for (const key of ["text", "html", "watchHtml", "amp"]) {
    if (key in copy) {
      const content = safeContent(copy[key]);
      if (content === undefined) delete copy[key];
      else copy[key] = content;
    }
  }
  delete copy.icalEvent;
  delete copy.alternatives;
  delete copy.dkim;
  delete copy.signal;
  copy.attachments = Array.isArray(data.attachments) ? data.attachments.map(safeAttachment) : [];
  // An envelope recipient no header names receives the message unseen, like Bcc.
  const envelopeTo = addressesOf(data.envelope?.to);
  if (envelopeTo.length) {
    const visible = new Set([data.to, data.cc, data.bcc].flatMap(addressesOf).map((a) => a.toLowerCase()));
    const hidden = envelopeTo.filter((a) => !visible.has(a.toLowerCase()));
    if (hidden.length) copy.bcc = [...addressesOf(data.bcc), ...hidden];
  }
  return copy;
}

interface MailComposerLike {
  compile(): { keepBcc: boolean; build(cb: (err: Error | null, message: Buffer) => void): void };
}

let composerClass: (new (data: Record<string, any>) => MailComposerLike) | undefined;

/**
 * nodemailer's own composer, from the application's nodemailer (a peer dependency): required at
 * run time rather than bundled, so the message is composed exactly as that version sends it.
 */
function mailComposer(): new (data: Record<string, any>) => MailComposerLike {
  if (composerClass) return composerClass;
  const fromCwd = createRequire(resolve(process.cwd(), "noop.js"));
  const fromDraftlint = createRequire(import.meta.url);
  const specifiers = ["nodemailer/lib/mail-composer", "nodemailer/lib/mail-composer/index.js"];
  for (const req of [fromDraftlint, fromCwd]) {
    for (const specifier of specifiers) {
      try {
        const loaded = req(specifier);
        composerClass = loaded.default ?? loaded;
        return composerClass!;
      } catch {
        // try the next way of finding it
      }
    }
  }
  throw new Error("draftlint/nodemailer needs nodemailer installed (npm install nodemailer)");
}

/** Composes the RFC 5322 message nodemailer would send, Bcc header kept so the linter sees it. */
export function composeForLint(data: Record<string, any>): Promise<Buffer> {
  const Composer = mailComposer();
  const node = new Composer(lintableMailData(data)).compile();
  node.keepBcc = true;
  return new Promise((resolvePromise, reject) => node.build((err, message) => (err ? reject(err) : resolvePromise(message))));
}

export function draftlintPlugin(options: DraftlintPluginOptions = {}): NodemailerPlugin {
  const failOn = options.failOn ?? "error";
  const cwd = resolve(options.cwd ?? process.cwd());
  const cli: CliOverrides = { rules: options.rules ?? {} };
  let loaded: Promise<LoadedConfig> | undefined;
  const config = () =>
    (loaded ??=
      options.config !== undefined
        ? Promise.resolve().then(() => validateConfig(options.config, null, cwd, cli))
        : loadConfig({ configFile: options.configFile, searchFrom: cwd, cli }));

  return (mail, callback) => {
    (async () => {
      const source = mail.data.raw && (typeof mail.data.raw === "string" || Buffer.isBuffer(mail.data.raw)) ? Buffer.from(mail.data.raw) : await composeForLint(mail.data);
      const settings = await config();
      const name = options.filename?.(mail) ?? (typeof mail.data.subject === "string" && mail.data.subject ? mail.data.subject : "<nodemailer>");
      const result = await lintSource(source, { file: name, config: resolveConfigFor(resolve(cwd, "message.eml"), settings, cli), ruleSet: settings.ruleSet, input: "eml" });
      options.onResult?.(result, mail);
      const blocked = result.error || result.findings.some((f) => f.severity === "error" || (failOn === "warn" && f.severity === "warn"));
      return blocked ? new DraftlintRefusedError(result, failOn) : null;
    })().then(
      (err) => callback(err),
      // A config error or a crash refuses the send too: a guard that fails open is no guard.
      (err: Error) => callback(Object.assign(new Error(`draftlint could not check this message: ${err.message}`), { code: "EDRAFTLINT", cause: err })),
    );
  };
}
