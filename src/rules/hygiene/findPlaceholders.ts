/**
 * Finding unfilled placeholders in a piece of text. Every form is recognised by a regular
 * expression with bounded repetition and no nested quantifiers, so the scan is linear in the
 * text; what a bracket may hold is decided by word lists from `rules/hygiene.yaml`, not by the
 * expression.
 */

export type PlaceholderKind = "placeholder" | "templateSyntax" | "marker" | "dummyText";

export interface PlaceholderHit {
  kind: PlaceholderKind;
  start: number;
  end: number;
  text: string;
}

export interface PlaceholderVocabulary {
  instructionWords: ReadonlySet<string>;
  slotWords: ReadonlySet<string>;
  fillerWords: ReadonlySet<string>;
  headSlotWords: ReadonlySet<string>;
  notPlaceholders: ReadonlySet<string>;
  /** Case-sensitive whole-word markers: TODO, FIXME. */
  markers: RegExp | null;
  /** TBD, TBC: a marker only as a note's heading ("TBD: venue"); "location TBD" is news. */
  statusMarkers: RegExp | null;
  /** Case-insensitive dummy-text phrases: lorem ipsum. */
  dummyText: RegExp | null;
  /** Upper-cased names of environment variables ("%APPDATA%", "$HOME"). */
  environmentVariables: ReadonlySet<string>;
  /** Lower-cased prefixes of a template engine's own `%…%` variables (Mailgun's `%recipient.x%`). */
  templatePercentVariables: readonly string[];
  /** Markers as written and dummy-text words in lower case: the pre-filter's literal keys. */
  markerWords: readonly string[];
  dummyWords: readonly string[];
}

/** Characters every bracket, brace, variable, X-run and blank form starts with. */
const PLACEHOLDER_START = /[[{<%$_*]|XX/;

/** Whether the text could hold a placeholder at all: a clean draft skips every scan below. */
function mightHoldPlaceholder(text: string, vocabulary: PlaceholderVocabulary): boolean {
  if (PLACEHOLDER_START.test(text) || vocabulary.markerWords.some((m) => text.includes(m))) return true;
  const lower = text.toLowerCase();
  return vocabulary.dummyWords.some((w) => lower.includes(w));
}

/**
 * A template engine's own tags: Handlebars/Mustache `{{x}}` `{{{x}}}` `{{#if}}` `{{!-- --}}`,
 * Liquid/Jinja `{{ x }}` `{% %}` `{# #}`, ERB/EJS `<%= %>`, `${x}` (JS, FreeMarker), Mailchimp
 * `*|X|*`. Bounded, so an unclosed `{{` costs at most 500 characters of look-ahead.
 */
const TEMPLATE_TAG =
  /\{\{\{[^{}]{0,500}?\}\}\}|\{\{[\s\S]{0,500}?\}\}|\{%[\s\S]{0,500}?%\}|\{#[\s\S]{0,500}?#\}|<%[\s\S]{0,500}?%>|\$\{[^{}\n]{1,100}\}|\*\|[A-Za-z0-9_:-]{1,40}\|\*/g;

/** `{name}`, `{first name}`, `{0}`: Python/ICU/C# format fields. Not `{}` or `{"a": 1}`. */
const SINGLE_BRACE = /\{([A-Za-z_][A-Za-z0-9_. -]{0,40}|\d)\}/g;

/** URLs are never placeholders, but their `%20`, `[`, `$` would look like ones. */
const URL = /\b(?:https?|ftp|mailto):[^\s<>"'\]\)]{1,2000}/gi;

const SQUARE = /\[([^\[\]\n]{1,80})\]/g;
const ANGLE = /<<\s?([A-Za-z_][A-Za-z0-9_ .'-]{0,40}?)\s?>>/g;
const PERCENT = /%([A-Za-z_][A-Za-z0-9_.-]{1,40})%/g;
const DOLLAR = /\$([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*)/g;
// Letters here are ASCII and Latin: no `u` flag, so V8 compiles these cheaply on a cold start.
const EXES = /(?<![A-Za-z0-9\u00C0-\u024F])X{2,4}(?![A-Za-z0-9\u00C0-\u024F])/g;
const UNDERSCORES = /(?<![A-Za-z0-9_\u00C0-\u024F])_{3,}(?![A-Za-z0-9_\u00C0-\u024F])/g;
/** After an X run: more X runs and then digits, as in a masked card "XXXX XXXX XXXX 4242". */
const MASKED_NUMBER_TAIL = /^(?:[ -]?X{2,4}){0,4}[ -]?\d{2,}/;

/** A rule of underscores on its own line is a separator (Outlook writes one above a quote). */
function isRuleLine(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const nl = text.indexOf("\n", at);
  return /^[\s_\-=*]*$/.test(text.slice(lineStart, nl === -1 ? text.length : nl));
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_\u00C0-\u024F]/.test(ch);
}

/** Replaces each [start, end) with spaces, keeping every offset; spans in text order. */
function maskSpans(text: string, spans: Array<[number, number]>): string {
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    parts.push(text.slice(at, from), " ".repeat(end - from));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

function bracketWords(content: string): string[] {
  return content
    .split(/[^A-Za-z0-9'’\u00C0-\u024F]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase().replace(/’/g, "'"));
}

/** Whether the inside of `[…]`, `<<…>>`, `%…%` or `$…` names a slot to fill (see rules/hygiene.yaml). */
export function namesASlot(content: string, vocabulary: PlaceholderVocabulary): boolean {
  const spaced = content.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2");
  const words = bracketWords(spaced).map((w) => w.replace(/'s$/, ""));
  if (words.length === 0 || words.length > 6) return false;
  if (words.some((w) => vocabulary.notPlaceholders.has(w))) return false;
  const { instructionWords: instruction, slotWords: slot, fillerWords: filler, headSlotWords: head } = vocabulary;
  const isSlot = (w: string) => slot.has(w);
  const first = words[0];
  const last = words[words.length - 1];
  if (words.every((w) => isSlot(w) || instruction.has(w) || filler.has(w)) && words.some((w) => isSlot(w) || instruction.has(w))) return true;
  if (words.length >= 2 && instruction.has(first)) return true;
  if (words.length <= 4 && (isSlot(first) || head.has(last))) return true;
  return /\p{L}/u.test(spaced) && spaced === spaced.toUpperCase() && words.some(isSlot);
}

function squareBracketHit(text: string, start: number, whole: string, inner: string, vocabulary: PlaceholderVocabulary): boolean {
  const before = text[start - 1];
  const after = text[start + whole.length];
  // "user[name]", "![logo](x.png)", "[text](url)", "[text][ref]", "[1]: http://…"
  if (isWordChar(before) || before === "]" || before === ")" || before === "!") return false;
  if (after === "(" || after === "[" || (after === ":" && (start === 0 || text[start - 1] === "\n"))) return false;
  const content = inner.trim();
  if (content === "" || /^[xX✓✔ ]$/.test(content)) return false; // task-list boxes
  if (/^[\d\s,–-]+$/.test(content) || /^[a-z]$/i.test(content)) return false; // citations, footnotes
  if (/:\/\/|@|^www\.|^#|^(?:cid|mailto|image):/i.test(content)) return false; // links, tickets, images
  if (/["=;{}<>]/.test(content)) return false; // code and JSON
  if (content.includes(":")) {
    const first = bracketWords(content)[0];
    if (!first || !vocabulary.instructionWords.has(first)) return false; // "[Note: …]"
  }
  return namesASlot(content, vocabulary);
}

/**
 * Code is quoted, not written to the reader: fenced blocks, `inline code`, and indented lines
 * that look like code ("    curl -H \"Authorization: Bearer $API_TOKEN\" …").
 */
const FENCED = /^[ \t]*```[^\n]*\n[\s\S]{0,20000}?^[ \t]*```[ \t]*$/gm;
const INLINE_CODE = /`[^`\n]{1,200}`/g;
const INDENTED_CODE_LINE = /^(?: {4}|\t)[^\n]*[{};=$"][^\n]*$/gm;

function codeSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const pattern of [FENCED, INLINE_CODE, INDENTED_CODE_LINE]) {
    for (const m of text.matchAll(pattern)) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  return spans;
}

/** A variable standing alone in prose ("Hi $FIRST_NAME,"), not glued into code ("\"$TOKEN\"", f"{base}/x"). */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return (before === undefined || /[\s(]/.test(before)) && (after === undefined || /[\s,.!?;:)]/.test(after));
}

export function findPlaceholders(original: string, vocabulary: PlaceholderVocabulary, templateMode: boolean): PlaceholderHit[] {
  if (!mightHoldPlaceholder(original, vocabulary)) return [];
  const hits: PlaceholderHit[] = [];
  const add = (kind: PlaceholderKind, start: number, end: number) =>
    hits.push({ kind, start, end, text: original.slice(start, end) });
  const text = maskSpans(original, codeSpans(original));

  // 1. Template tags: expected in template mode, a leftover variable anywhere else. Masked either
  //    way, so "{{!-- TODO --}}" or "{{t '[Name]'}}" are not read twice.
  const tags: Array<[number, number]> = [];
  for (const m of text.matchAll(TEMPLATE_TAG)) {
    const start = m.index ?? 0;
    if (!templateMode) add("templateSyntax", start, start + m[0].length);
    tags.push([start, start + m[0].length]);
  }
  const withoutTags = maskSpans(text, tags);
  const masked: Array<[number, number]> = [];
  for (const m of withoutTags.matchAll(SINGLE_BRACE)) {
    const start = m.index ?? 0;
    const before = withoutTags[start - 1];
    if (before === "{" || withoutTags[start + m[0].length] === "}" || !standsAlone(withoutTags, start, start + m[0].length)) continue;
    if (!templateMode) add("templateSyntax", start, start + m[0].length);
    masked.push([start, start + m[0].length]);
  }
  for (const m of withoutTags.matchAll(URL)) masked.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  const scan = maskSpans(withoutTags, masked);

  // 2. Hand-made placeholders: reported in template mode too ("[INSERT DATE]" in a .hbs file).
  for (const m of scan.matchAll(SQUARE)) {
    const start = m.index ?? 0;
    if (squareBracketHit(scan, start, m[0], m[1], vocabulary)) add("placeholder", start, start + m[0].length);
  }
  for (const m of scan.matchAll(ANGLE)) {
    const start = m.index ?? 0;
    if (scan[start - 1] === "<" || scan[start + m[0].length] === ">") continue; // "<<<" and ">>>" are arrows
    // Mail clients write "<<report.xls>>" for an attachment and systems "<<Concur Expense
    // Document>>" in a subject: only a slot to fill ("<<FirstName>>") is a placeholder.
    if (!namesASlot(m[1], vocabulary)) continue;
    add("placeholder", start, start + m[0].length);
  }
  for (const m of scan.matchAll(PERCENT)) {
    const start = m.index ?? 0;
    const name = m[1];
    if (isWordChar(scan[start - 1]) || isWordChar(scan[start + m[0].length])) continue; // "50%off%"
    if (/^[0-9A-F]{2}$/.test(name)) continue; // percent-encoding: %E2%80
    if (vocabulary.environmentVariables.has(name.toUpperCase())) continue;
    if (templateMode && vocabulary.templatePercentVariables.some((p) => name.toLowerCase().startsWith(p))) continue;
    add("placeholder", start, start + m[0].length);
  }
  for (const m of scan.matchAll(DOLLAR)) {
    const start = m.index ?? 0;
    const name = m[1];
    if (!standsAlone(scan, start, start + m[0].length)) continue;
    if (vocabulary.environmentVariables.has(name.toUpperCase())) continue;
    // "$FIRST_NAME", "$first_name" and "$NAME" are slots; "$HOME", "$USD" and "$20" are not.
    const upper = name === name.toUpperCase();
    if (name.includes("_") ? upper || name === name.toLowerCase() : upper && namesASlot(name, vocabulary)) {
      add("placeholder", start, start + m[0].length);
    }
  }
  for (const m of scan.matchAll(EXES)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    // A masked card or account number: "XXXX-1234", "XXXX XXXX XXXX 4242".
    if (MASKED_NUMBER_TAIL.test(scan.slice(end, end + 40))) continue;
    if (/\d[ -]?$/.test(scan.slice(Math.max(0, start - 2), start))) continue;
    add("placeholder", start, end);
  }
  // Three blanks or more make a form or a document to complete (a sign-up sheet, a contract's
  // "$______"): it is sent to be filled in by its reader, not left unfilled by its writer.
  const blanks = [...scan.matchAll(UNDERSCORES)].filter((m) => !isRuleLine(scan, m.index ?? 0));
  for (const m of blanks.length >= 3 ? [] : blanks) {
    const start = m.index ?? 0;
    add("placeholder", start, start + m[0].length);
  }
  if (vocabulary.markers) {
    for (const m of scan.matchAll(vocabulary.markers)) add("marker", m.index ?? 0, (m.index ?? 0) + m[0].length);
  }
  if (vocabulary.statusMarkers) {
    for (const m of scan.matchAll(vocabulary.statusMarkers)) add("marker", m.index ?? 0, (m.index ?? 0) + m[0].length);
  }
  if (vocabulary.dummyText) {
    for (const m of scan.matchAll(vocabulary.dummyText)) add("dummyText", m.index ?? 0, (m.index ?? 0) + m[0].length);
  }
  return mergeHits(hits, original);
}

/**
 * One finding per placeholder: overlapping hits collapse to the first, a masked date or phone
 * number ("XX/XX/2026", "XXX-XXXX") is one placeholder, and a paragraph of lorem ipsum is one.
 */
function mergeHits(hits: PlaceholderHit[], text: string): PlaceholderHit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PlaceholderHit[] = [];
  for (const hit of hits) {
    const last = out[out.length - 1];
    if (last && hit.start < last.end) continue;
    const gap = last ? text.slice(last.end, hit.start) : "";
    const joinsMask = last && last.kind === "placeholder" && hit.kind === "placeholder" && /^[/.:-]$/.test(gap) && /^X+$/.test(hit.text);
    const joinsDummy = last && last.kind === "dummyText" && hit.kind === "dummyText" && gap.length <= 60 && !gap.includes("\n\n");
    if (joinsMask || joinsDummy) {
      last.end = hit.end;
      last.text = text.slice(last.start, last.end);
      continue;
    }
    out.push({ ...hit });
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Whole-word alternation of literal phrases; `caseSensitive` says whether letter case must match.
 * Word edges are ASCII and the expression has no `u` flag: the phrases are English, and a Unicode
 * class would make V8 compile a far larger automaton on every cold start.
 */
export function literalAlternation(phrases: readonly string[], caseSensitive: boolean): RegExp | null {
  if (phrases.length === 0) return null;
  const alternatives = phrases.map((p) => escapeRegExp(p.trim()).replace(/\s+/g, "\\s+"));
  return new RegExp(`(?<![A-Za-z0-9_\u00C0-\u024F])(?:${alternatives.join("|")})(?![A-Za-z0-9_\u00C0-\u024F])`, caseSensitive ? "g" : "gi");
}
