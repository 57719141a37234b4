/**
 * The engine: read one input into a `Message`, run every active rule on it, resolve each
 * finding's severity by audience and config, and return the per-file result of the JSON format.
 * It knows no rule by name.
 */
import type { FileResult, Finding, Message, ReportedSeverity } from "../types.js";
import type { ResolvedConfig } from "../config/schema.js";
import { readMessage, readMessageFromFile, type InputMode } from "../message/readMessage.js";
import type { AudienceSettings } from "../audience/classifyRecipient.js";
import { loadBuiltinPack } from "../packs/loadPack.js";
import type { ReportDescriptor, RuleContext } from "./rule.js";
import type { ActiveRule } from "./ruleSet.js";
import { fillMessage } from "./fillMessage.js";
import { optionsOf, resolveSeverityPair, severityFor } from "./severity.js";
import { findSuppressions, isInsideDirective, isSuppressed, unusedDirectives } from "./suppressions.js";
import { parseRuleOptions } from "./ruleOptions.js";
import { headerLines, placeOnHeaderLines, wantsHeaderLine } from "./headerLines.js";
import { redactFindings, type Redaction } from "./redact.js";
import type { RecipientHistory } from "../history/historyModel.js";
import { historyAt, historyExists } from "../history/loadHistory.js";

export interface LintInput {
  /** Name used in reports (a path, or `--stdin-filename`). */
  file: string;
  config: ResolvedConfig;
  ruleSet: ActiveRule[];
  input?: InputMode;
  /** A history in memory, used instead of the index file config names (pack examples, tests). */
  history?: RecipientHistory;
}

let freemailDomains: ReadonlySet<string> | undefined;

/** Free-mail providers are data: `lexicons.freemailDomains` in `rules/recipients.yaml`. */
function freemail(): ReadonlySet<string> {
  freemailDomains ??= new Set((loadBuiltinPack("recipients").lexicons.freemailDomains as string[]) ?? []);
  return freemailDomains;
}

export async function lintSource(source: Buffer, input: LintInput): Promise<FileResult> {
  const read = await readSource(source, input);
  return "message" in read ? lintReadMessage(read.message, input, source) : read;
}

/**
 * The first half of `lintSource`: the message read from its bytes, or the file's error. A large
 * run reads and parses on one thread and lints on another (lintInWorkers.ts); `lintReadMessage`
 * is the second half, and the two give what `lintSource` gives.
 */
export async function readSource(source: Buffer, input: LintInput): Promise<{ message: Message } | FileResult> {
  return readForLint(input, (settings) => readMessage(source, input.file, input.input ?? "auto", settings));
}

/** The second half of `lintSource`: lints a message `readSource` read from `source`. */
export async function lintReadMessage(message: Message, input: LintInput, source: Buffer): Promise<FileResult> {
  const result = await lintMessage(message, input.config, input.ruleSet, source, TIME_PER_INPUT_MS, input.history);
  // An Outlook .msg is a binary compound file: it has no header lines to point at.
  const compoundFile = source[0] === 0xd0 && source[1] === 0xcf;
  // The header block is read only when a finding is to be placed on it: most drafts have none.
  if (!compoundFile && (result.recipients.length || result.findings.some((f) => f.location.section === "subject")) && result.findings.some(wantsHeaderLine)) {
    placeOnHeaderLines(result.findings, headerLines(source));
  }
  return result;
}

/**
 * `lintSource` for a file on disk: a large file is streamed through the parser rather than read
 * whole, so memory stays bounded (SPEC §8). The result is the same as `lintSource` on its bytes.
 */
export async function lintPath(path: string, input: LintInput): Promise<FileResult> {
  return lintRead(input, (settings) => readMessageFromFile(path, input.file, input.input ?? "auto", settings));
}

/** Reads the message (a failure to read or parse is the file's error), then lints it. */
async function lintRead(input: LintInput, read: (settings: AudienceSettings) => Promise<Message>): Promise<FileResult> {
  const readResult = await readForLint(input, read);
  return "message" in readResult ? lintMessage(readResult.message, input.config, input.ruleSet, undefined, TIME_PER_INPUT_MS, input.history) : readResult;
}

/** Reads the message; a failure to read or parse is the file's error. */
async function readForLint(input: LintInput, read: (settings: AudienceSettings) => Promise<Message>): Promise<{ message: Message } | FileResult> {
  const { internalDomains, addedInternalDomains = [] } = input.config;
  // `--internal-domain` adds to the sender's organisation when none is configured, which only
  // the message tells: resolveInsiders works that out while reading, so one read does.
  const settings: AudienceSettings = {
    internalDomains: internalDomains.length ? [...internalDomains, ...addedInternalDomains] : [],
    addedInternalDomains: internalDomains.length ? [] : addedInternalDomains,
    trustedDomains: input.config.trustedDomains,
    freemailDomains: freemail(),
  };
  try {
    return { message: await read(settings) };
  } catch (err) {
    const code = (err as { code?: string }).code ?? "";
    if (FILE_ERROR_CODES.has(code)) return fileError(input.file, code, (err as Error).message);
    // The system's own codes (ENOENT, EACCES…) mean the file could not be read.
    if (/^E[A-Z]+$/.test(code)) return fileError(input.file, "read-error", (err as Error).message);
    // Anything else is a library's or our own failure: its text ("Cannot read properties of
    // undefined") would tell the user nothing, so it is said plainly, with details under DEBUG.
    if (process.env.DEBUG?.includes("draftlint")) console.error(err);
    return fileError(input.file, "parse-error", "cannot be read: draftlint failed on it (DEBUG=draftlint shows why; please report it)");
  }
}

/** The codes a reader gives its errors; anything else thrown while reading is a parse error. */
const FILE_ERROR_CODES = new Set(["parse-error", "read-error", "binary-input"]);

export function fileError(file: string, code: string, message: string): FileResult {
  return { file, audience: "unknown", recipients: [], findings: [], error: { code, message } };
}

/**
 * The most findings one rule reports in one file; the rest are counted in one summary finding.
 * A megabyte of "XX XX XX …" made 300,000 placeholder findings and 1.27 GB of memory, and no
 * reader goes past the first screenful of one rule anyway.
 */
export const FINDINGS_PER_RULE_CAP = 100;

const SEVERITY_RANK = { info: 0, warn: 1, error: 2 } as const;

/**
 * The time one input's rules may take. Every rule is meant to be linear in its (capped) input, so
 * this is a last line of defence: past it the remaining rules are not run, and an error says
 * which, so that a guard such as the sendmail wrapper refuses rather than pass a draft unchecked.
 */
export const TIME_PER_INPUT_MS = 20_000;

/** `source`, when given, is read for disable comments that converting HTML to text dropped. */
export async function lintMessage(message: Message, config: ResolvedConfig, ruleSet: ActiveRule[], source?: Buffer, timeBudgetMs = TIME_PER_INPUT_MS, history?: RecipientHistory): Promise<FileResult> {
  const findings: Finding[] = [];
  // process.hrtime, not the global `performance`: its first use loads perf_hooks, a millisecond or
  // more of every cold start for a clock that only guards against a runaway rule.
  const started = process.hrtime.bigint();
  const notRun: string[] = [];
  const redactions: Redaction[] = [];
  // Suppressions are known before any rule runs, so a silenced finding never counts towards the cap.
  const suppressions = findSuppressions(message.body, source);
  // --no-inline-config: directives silence nothing (their comments are still not content).
  // The history pack runs only when there is a history: one stat of its path, and the file is
  // read only when a rule first asks (a draft with no outsider never does).
  const historyPath = history ? null : config.history;
  const hasHistory = Boolean(history) || (historyPath ? historyExists(historyPath) : false);
  const readHistory = () => history ?? historyAt(historyPath!);
  const silenced = (f: Finding) => isInsideDirective(f, suppressions.directives) || (config.inlineConfig !== false && isSuppressed(f, suppressions));
  for (const { rule, data } of ruleSet) {
    if (Number(process.hrtime.bigint() - started) / 1e6 > timeBudgetMs) {
      notRun.push(rule.id);
      continue;
    }
    let kept = 0;
    let omitted: { count: number; severity: ReportedSeverity; first: Finding } | null = null;
    if (rule.appliesTo && !rule.appliesTo.includes(message.kind)) continue;
    if (rule.needsHistory && !hasHistory) continue;
    const setting = config.rules[rule.id];
    const pair = resolveSeverityPair(data.severity, setting);
    if (pair.internal === "off" && pair.external === "off") continue;
    const given = optionsOf(setting);
    // Options are validated (and their schema built) only when a user gives some.
    const options = given ? parseRuleOptions(rule, given, config.source ?? "config") : (rule.defaultOptions ?? {});

    const context: RuleContext<any> = {
      message,
      config,
      options,
      data,
      dataOf: (id) => ruleSet.find((active) => active.data.id === id)?.data,
      history: readHistory,
      report(descriptor: ReportDescriptor) {
        // Masked everywhere even when this finding is off or suppressed: the value is no less secret.
        if (descriptor.redact) redactions.push(...descriptor.redact);
        const severity = severityFor(pair, message.audience, descriptor.asExternal, descriptor.demote);
        if (severity === "off") return;
        const finding = toFinding(rule.id, severity, descriptor, data.messages, message);
        if (silenced(finding)) return;
        if (kept < FINDINGS_PER_RULE_CAP) {
          kept++;
          findings.push(finding);
        } else if (!omitted) omitted = { count: 1, severity, first: finding };
        else {
          omitted.count++;
          if (SEVERITY_RANK[severity] > SEVERITY_RANK[omitted.severity]) omitted.severity = severity;
        }
      },
    };
    // Awaited only when the rule is asynchronous: most are not, and awaiting each of their
    // results was a microtask and a promise for every rule of every message.
    const checked = rule.check(context);
    if (checked) await checked;
    if (omitted) findings.push(omittedNotice(rule.id, omitted));
  }
  if (redactions.length) redactFindings(findings, redactions);
  if (message.bodyTruncated) findings.push(truncationNotice(message));
  if (config.reportUnusedDisableDirectives && config.inlineConfig !== false) findings.push(...unusedDirectives(suppressions, message.body));
  if (notRun.length) findings.push(timeLimitNotice(message, notRun, timeBudgetMs));
  return {
    file: message.file,
    audience: message.audience,
    recipients: message.recipients.map(({ field, address, name, domain, organisation, external }) => ({
      field,
      address,
      name,
      domain,
      organisation,
      external,
    })),
    findings: findings.sort(compareFindings),
    error: null,
  };
}


/** The findings of one rule past FINDINGS_PER_RULE_CAP, as one finding where the first of them was. */
function omittedNotice(ruleId: string, omitted: { count: number; severity: ReportedSeverity; first: Finding }): Finding {
  const more = omitted.count.toLocaleString("en");
  return {
    ...omitted.first,
    severity: omitted.severity,
    message: `…and ${more} more ${ruleId} finding${omitted.count === 1 ? "" : "s"} in this file from here on, not listed (${FINDINGS_PER_RULE_CAP} are).`,
    excerpt: null,
    suggestion: null,
  };
}

function timeLimitNotice(message: Message, notRun: string[], budgetMs: number): Finding {
  return {
    ruleId: "lint-time-limit",
    severity: "error",
    message: `Linting this draft took over ${Math.round(budgetMs / 1000)} s, so these rules were not run: ${notRun.join(", ")}. Please report the draft.`,
    excerpt: null,
    messageId: "timeLimit",
    target: null,
    evidence: [],
    readers: defaultReaders(message),
    location: { section: "body", line: 1, column: 1, endLine: 1, endColumn: 1, fileLine: message.body.fileLines[0] },
    suggestion: null,
  };
}

/** Said when the body was longer than draftlint lints (BODY_TEXT_CAP in readMessage.ts). */
function truncationNotice(message: Message): Finding {
  const { lintedChars, totalChars } = message.bodyTruncated!;
  const lastLine = message.body.lineStarts.length;
  const of = Number.isFinite(totalChars) ? ` of ${totalChars.toLocaleString("en")}` : "";
  return {
    ruleId: "body-too-long",
    severity: "info",
    message: `The body is too long to lint whole: only its first ${lintedChars.toLocaleString("en")}${of} characters were checked.`,
    excerpt: null,
    messageId: "truncated",
    target: null,
    evidence: [],
    readers: defaultReaders(message),
    location: { section: "body", line: lastLine, column: 1, endLine: lastLine, endColumn: 1, fileLine: message.body.fileLines[lastLine - 1] },
    suggestion: null,
  };
}

function defaultReaders(message: Message): string[] {
  const external = message.recipients.filter((r) => r.external);
  return (external.length ? external : message.recipients).map((r) => r.address);
}

function toFinding(
  ruleId: string,
  severity: ReportedSeverity,
  d: ReportDescriptor,
  messages: Record<string, string>,
  message: Message,
): Finding {
  const template = messages[d.messageId] ?? messages.default ?? Object.values(messages)[0];
  return {
    ruleId,
    severity,
    message: fillMessage(template, d.data),
    excerpt: d.excerpt ?? null,
    messageId: messages[d.messageId] !== undefined ? d.messageId : messages.default !== undefined ? "default" : Object.keys(messages)[0] ?? d.messageId,
    target: d.target ?? null,
    evidence: d.evidence ?? [],
    readers: d.readers ?? defaultReaders(message),
    location: d.location,
    suggestion: d.suggestion ?? null,
  };
}

const SECTION_ORDER = { header: 0, subject: 1, attachment: 2, body: 3, quoted: 3 } as const;
const HEADER_ORDER: Record<string, number> = { from: 0, to: 1, cc: 2, bcc: 3 };

/** Recipient findings first (by header), then the subject, then the body in reading order. */
function compareFindings(a: Finding, b: Finding): number {
  const sa = SECTION_ORDER[a.location.section];
  const sb = SECTION_ORDER[b.location.section];
  if (sa !== sb) return sa - sb;
  if (a.location.section === "header") {
    return (HEADER_ORDER[a.location.header ?? ""] ?? 9) - (HEADER_ORDER[b.location.header ?? ""] ?? 9);
  }
  return (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0);
}
