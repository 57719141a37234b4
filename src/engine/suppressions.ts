/**
 * Inline suppressions, as ESLint's disable comments: a template or draft can silence a rule where
 * a finding is intended, inside any comment syntax the file uses (`{{!-- --}}`, `<!-- -->`,
 * `{# #}`, or plain text in a .txt template):
 *
 *   draftlint-disable-next-line unfilled-placeholder -- the greeting is filled in by the CRM
 *   draftlint-disable-line
 *   draftlint-disable shouting, secrecy   …   draftlint-enable shouting, secrecy
 *
 * With no rule ids, every rule; text after ` -- ` says why. Only body findings are suppressed: a
 * directive in the body cannot hide who the message goes to.
 *
 * Directives are read from the body text (body lines), and, where the body was converted from
 * HTML, from the `<!-- -->` comments of the source (file lines): the conversion drops comments.
 * A directive's own comment is not text the recipient reads, so nothing is reported inside it.
 */
import type { Body, Finding } from "../types.js";

const DIRECTIVE = /draftlint-(disable-next-line|disable-line|disable|enable)\b([^\n]*)/g;
/** Where a comment that can hold a directive opens, and the ways it closes. */
const OPENERS = ["{{!--", "{{!", "<!--", "{#", "/*"];
const CLOSERS = /--\}\}|-->|#\}|\*\/|\}\}/;
const HTML_DIRECTIVE = /<!--\s*draftlint-(?:disable-next-line|disable-line|disable|enable)\b[^\n]*?-->/g;

export interface Directive {
  kind: "disable-next-line" | "disable-line" | "disable" | "enable";
  rules: Set<string> | "all";
  /** The line the directive is on: a body line, or a file line for one read from the source. */
  line: number;
  /** Columns (1-based, end exclusive) of the comment that holds it, on `line`. */
  column: number;
  endColumn: number;
  /** True when `line` is a line of the source file (an HTML comment the body lost). */
  onFileLine: boolean;
}

interface Range {
  directive: Directive;
  fromLine: number;
  toLine: number;
  used: boolean;
}

function ruleList(rest: string): Set<string> | "all" {
  // ESLint's `-- why`: the reason is not a rule id.
  const ids = rest.split(/\s--\s/)[0].match(/[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g) ?? [];
  return ids.length ? new Set(ids) : "all";
}

/** Every directive in `text`, with its line and the columns of the comment around it. */
function scanDirectives(text: string, onFileLine: boolean, pattern: RegExp = DIRECTIVE): Directive[] {
  const found: Directive[] = [];
  let line = 1;
  let lineStart = 0;
  let cursor = 0;
  for (const m of text.matchAll(pattern)) {
    for (let i = text.indexOf("\n", cursor); i !== -1 && i < m.index!; i = text.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    cursor = m.index!;
    const inner = /draftlint-(disable-next-line|disable-line|disable|enable)\b([^\n]*)/.exec(m[0])!;
    const lineText = text.slice(lineStart, text.indexOf("\n", m.index!) === -1 ? text.length : text.indexOf("\n", m.index!));
    const at = m.index! - lineStart;
    // The comment that holds the directive: from the nearest opener before it to its closer.
    const before = lineText.slice(0, at);
    const open = Math.max(...OPENERS.map((o) => before.lastIndexOf(o)));
    const start = open >= 0 ? open : at;
    const close = CLOSERS.exec(lineText.slice(at));
    const end = close ? at + close.index + close[0].length : lineText.length;
    found.push({
      kind: inner[1] as Directive["kind"],
      rules: ruleList(inner[2].split(CLOSERS)[0]),
      line,
      column: start + 1,
      endColumn: end + 1,
      onFileLine,
    });
  }
  return found;
}

export interface Suppressions {
  ranges: Range[];
  directives: Directive[];
}

/** The directives of a message: in its body text, and in HTML comments of its source. */
export function findSuppressions(body: Body, source?: Buffer): Suppressions {
  const directives = body.text.includes("draftlint-") ? scanDirectives(body.text, false) : [];
  // Converted HTML has lost its comments; a body that still shows `<!--` was not converted.
  if (source && !body.text.includes("<!--") && source.includes("draftlint-")) {
    directives.push(...scanDirectives(source.toString("utf8"), true, HTML_DIRECTIVE));
  }
  const ranges: Range[] = [];
  const open = new Map<string, Range>();
  for (const d of directives) {
    const key = `${d.onFileLine}:${d.rules === "all" ? "*" : [...d.rules].sort().join(",")}`;
    switch (d.kind) {
      case "disable-next-line":
        ranges.push({ directive: d, fromLine: d.line + 1, toLine: d.line + 1, used: false });
        break;
      case "disable-line":
        ranges.push({ directive: d, fromLine: d.line, toLine: d.line, used: false });
        break;
      case "disable": {
        const range = { directive: d, fromLine: d.line, toLine: Number.MAX_SAFE_INTEGER, used: false };
        open.set(key, range);
        ranges.push(range);
        break;
      }
      case "enable": {
        const range = open.get(key);
        if (range) range.toLine = d.line;
        open.delete(key);
        break;
      }
    }
  }
  return { ranges, directives };
}

function lineFor(finding: Finding, onFileLine: boolean): number | undefined {
  return onFileLine ? finding.location.fileLine : finding.location.line;
}

/** Whether a finding is inside the comment of a directive (the comment is not what is sent). */
export function isInsideDirective(finding: Finding, directives: Directive[]): boolean {
  const l = finding.location;
  if (l.section !== "body" && l.section !== "quoted") return false;
  return directives.some(
    (d) =>
      !d.onFileLine &&
      l.line === d.line &&
      (l.endLine ?? l.line) === d.line &&
      (l.column ?? 0) >= d.column &&
      (l.endColumn ?? l.column ?? 0) <= d.endColumn,
  );
}

/** Whether a directive silences this finding; the directive is then marked as used. */
export function isSuppressed(finding: Finding, suppressions: Suppressions): boolean {
  if (finding.location.section !== "body" && finding.location.section !== "quoted") return false;
  let suppressed = false;
  for (const r of suppressions.ranges) {
    const line = lineFor(finding, r.directive.onFileLine);
    if (line === undefined || line < r.fromLine || line > r.toLine) continue;
    if (r.directive.rules !== "all" && !r.directive.rules.has(finding.ruleId)) continue;
    r.used = true;
    suppressed = true;
  }
  return suppressed;
}

/** `--report-unused-disable-directives`: a disable directive that silenced nothing. */
export function unusedDirectives(suppressions: Suppressions, body: Body): Finding[] {
  return suppressions.ranges
    .filter((r) => !r.used)
    .map(({ directive: d }) => {
      // A directive read from the source is placed on the first body line at or after its line.
      const index = d.onFileLine ? body.fileLines.findIndex((f) => f >= d.line) : d.line - 1;
      const line = index >= 0 ? index + 1 : body.lineStarts.length;
      const rules = d.rules === "all" ? "" : ` (${[...d.rules].join(", ")})`;
      return {
        ruleId: "unused-disable-directive",
        severity: "error",
        message: `Unused draftlint-${d.kind} directive${rules}: nothing was reported there.`,
        excerpt: null,
        messageId: "unused",
        target: null,
        evidence: [],
        readers: [],
        location: {
          section: "body",
          line,
          column: d.onFileLine ? 1 : d.column,
          endLine: line,
          endColumn: d.onFileLine ? 1 : d.endColumn,
          fileLine: d.onFileLine ? d.line : body.fileLines[line - 1],
        },
        suggestion: "Remove the directive, or name the rule it is meant for.",
      } satisfies Finding;
    });
}
