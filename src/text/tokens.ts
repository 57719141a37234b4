/**
 * The one tokeniser of every rule that reads words (tone and hygiene, ./words.ts): words with
 * exact offsets, clitics split off ("they're" → they 're, "isn't" → is n't) so that patterns and
 * clause analysis see one form of each word, template
 * variables kept whole as name-like tokens, and text inside quotation marks marked as quoted (the
 * customer's own words, "she called it 'a filthy hovel'", are not our judgement).
 */

export type TokenKind = "word" | "punct" | "template";

export interface Token {
  /** As written. */
  text: string;
  /** Lower-cased, curly apostrophes straightened: what patterns match against. */
  norm: string;
  kind: TokenKind;
  /** Offsets in the text the sentence was cut from. */
  start: number;
  end: number;
  /** Starts with a capital letter. */
  capitalised: boolean;
  /** Two or more letters, all capitals (acronyms, shouting). */
  allCaps: boolean;
  /** Inside quotation marks. */
  quoted: boolean;
}

/**
 * Template variables read as a name in every mode: `{{first_name}}`. In template mode the other
 * common syntaxes too: `{% … %}`, `%recipient.name%`, Mailchimp's `*|FNAME|*`, `{$name}`.
 */
const MUSTACHE = String.raw`\{\{[^{}\n]{1,80}\}\}`;
const TEMPLATE_ONLY = String.raw`\{%[^%\n]{0,80}%\}|%[A-Za-z_][\w.]{0,40}%|\*\|[A-Z_][A-Z0-9_]{0,40}\|\*|\{\$[A-Za-z_][\w.]{0,40}\}`;
const WORD = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}*]|['’\-.](?=[\p{L}\p{N}])|(?<=\p{N})[:/,](?=\p{N})|\*)*['’]?`;
const PUNCT = String.raw`[^\s\p{L}\p{N}]`;

// Made on first use: V8 parses a pattern when it is made, and these two Unicode ones took ~1 ms
// of every cold start, for a draft that is all ASCII as well.
let plainPattern: RegExp | undefined;
let templatePattern: RegExp | undefined;
const unicodePattern = (templates: boolean): RegExp =>
  templates ? (templatePattern ??= new RegExp(`${MUSTACHE}|${TEMPLATE_ONLY}|${WORD}|${PUNCT}`, "gu")) : (plainPattern ??= new RegExp(`${MUSTACHE}|${WORD}|${PUNCT}`, "gu"));

/**
 * The same patterns for text that is all ASCII, where \p{L} is exactly A-Z and a-z and \p{N}
 * exactly 0-9: the same tokens. V8 compiles a regex on its first match, and the Unicode classes
 * made that ~2 ms of a clean draft's cold start (most drafts are ASCII); these compile in
 * microseconds. (The Unicode ones are not even made until a draft holds a non-ASCII character.)
 */
const ASCII_WORD = String.raw`[A-Za-z0-9](?:[A-Za-z0-9*]|['\-.](?=[A-Za-z0-9])|(?<=[0-9])[:/,](?=[0-9])|\*)*'?`;
const ASCII_PUNCT = String.raw`[^\sA-Za-z0-9]`;
const asciiPlainPattern = new RegExp(`${MUSTACHE}|${ASCII_WORD}|${ASCII_PUNCT}`, "g");
const asciiTemplatePattern = new RegExp(`${MUSTACHE}|${TEMPLATE_ONLY}|${ASCII_WORD}|${ASCII_PUNCT}`, "g");
const NON_ASCII = /[^\x00-\x7f]/;

/** Clitics split off a word, longest first. "can't" keeps "can", "won't" becomes "will". */
const CLITIC = /^(.+?)(n't|'s|'re|'ve|'ll|'d|'m|')$/;
const NEGATED_STEMS: Record<string, string> = { ca: "can", wo: "will", sha: "shall" };

function pushWord(out: Token[], text: string, start: number): void {
  const straight = text.includes("’") ? text.replace(/’/g, "'") : text;
  // Every clitic holds an apostrophe: most words skip the (backtracking) clitic regex.
  if (!straight.includes("'")) {
    out.push(makeToken(text, straight.toLowerCase(), "word", start));
    return;
  }
  const m = CLITIC.exec(straight);
  if (m && m[1].length > 0 && /[\p{L}\p{N}]$/u.test(m[1])) {
    const stemEnd = start + m[1].length;
    const stemNorm = m[1].toLowerCase();
    out.push(makeToken(text.slice(0, m[1].length), m[2] === "n't" ? (NEGATED_STEMS[stemNorm] ?? stemNorm) : stemNorm, "word", start));
    out.push(makeToken(text.slice(m[1].length), m[2], "word", stemEnd));
    return;
  }
  out.push(makeToken(text, straight.toLowerCase(), "word", start));
}

function makeToken(text: string, norm: string, kind: TokenKind, start: number): Token {
  const ascii = asciiCase(text);
  if (ascii !== null) return { text, norm, kind, start, end: start + text.length, capitalised: ascii.capitalised, allCaps: ascii.allCaps, quoted: false };
  const letters = text.replace(/[^\p{L}]/gu, "");
  return {
    text,
    norm,
    kind,
    start,
    end: start + text.length,
    capitalised: /^\p{Lu}/u.test(text),
    allCaps: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
    quoted: false,
  };
}

/**
 * `capitalised` and `allCaps` of an all-ASCII token, by character codes: the same answers as the
 * Unicode regexes in makeToken (in ASCII the only letters are A-Z and a-z), without building the
 * letters-only string for every token. Null when the text holds any non-ASCII character.
 */
const asciiResult = { capitalised: false, allCaps: false };
function asciiCase(text: string): typeof asciiResult | null {
  let letters = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return null;
    if (c >= 97 && c <= 122) {
      letters++;
      lower++;
    } else if (c >= 65 && c <= 90) letters++;
  }
  const first = text.charCodeAt(0);
  asciiResult.capitalised = first >= 65 && first <= 90;
  // All letters capitals: two or more letters and none lower-case.
  asciiResult.allCaps = letters >= 2 && lower === 0;
  return asciiResult;
}

/** A template variable's opening characters: `{`, `%` or `*`. */
const TEMPLATE_START = /^(\{\{|\{%|%[A-Za-z_]|\*\||\{\$)/;

export function tokenise(text: string, offset: number, templates: boolean): Token[] {
  const out: Token[] = [];
  const pattern = NON_ASCII.test(text) ? unicodePattern(templates) : templates ? asciiTemplatePattern : asciiPlainPattern;
  pattern.lastIndex = 0;
  // An exec loop on the shared regex: matchAll would clone it for every sentence. (No
  // alternative matches the empty string, so the loop always advances.)
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    const value = m[0];
    const start = offset + m.index;
    const first = value.charCodeAt(0);
    if ((first === 123 || first === 37 || first === 42) && TEMPLATE_START.test(value) && value.length > 2) {
      out.push({ ...makeToken(value, "{{name}}", "template", start), capitalised: true });
    } else if (first < 128 ? (first >= 48 && first <= 57) || (first >= 65 && first <= 90) || (first >= 97 && first <= 122) : /^[\p{L}\p{N}]/u.test(value)) {
      // (In ASCII, \p{L} and \p{N} are the letters and digits.)
      pushWord(out, value, start);
    } else {
      out.push(makeToken(value, value.includes("’") ? value.replace(/’/g, "'") : value, "punct", start));
    }
  }
  pattern.lastIndex = 0;
  markCurrencies(out);
  markQuoted(out);
  return out;
}

/**
 * "US$500" is dollars, not "us": without this, "between US$500 and US$650" read as "between us"
 * (secrecy). Likewise "A$", "NZ$", "HK$", "C$".
 */
function markCurrencies(tokens: Token[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.kind === "word" && t.allCaps && next.text === "$" && next.start === t.end) t.norm = `${t.norm}$`;
  }
}

const DOUBLE_OPEN = new Set(['"', "“", "«"]);
const DOUBLE_CLOSE = new Set(['"', "”", "»"]);

/**
 * Marks words between quotation marks. Single quotes count only when they open before a word
 * and close after one, so that possessives ("the Taylors' reception") never open a quote.
 */
function markQuoted(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== "punct") continue;
    const double = DOUBLE_OPEN.has(t.text);
    const single = t.text === "'" || t.text === "‘";
    if (!double && !single) continue;
    const next = tokens[i + 1];
    if (!next || next.kind === "punct" || next.start !== t.end) continue;
    const prev = tokens[i - 1];
    if (single && prev && prev.end === t.start && prev.kind !== "punct") continue;
    for (let j = i + 1; j < tokens.length && j < i + 60; j++) {
      const c = tokens[j];
      const closes = double ? DOUBLE_CLOSE.has(c.text) : c.text === "'" || c.text === "’" || c.norm === "'";
      if (!closes) continue;
      // A closing single quote follows a word directly; "n't"/"'s" clitics are not quotes.
      if (single && c.kind === "word" && c.norm !== "'") continue;
      for (let k = i; k <= j; k++) tokens[k].quoted = true;
      i = j;
      break;
    }
  }
}

/** How many sentences a quotation may run on past the one it opens in. */
const QUOTE_REACH = 4;

/**
 * A quotation that runs over several sentences — `The guest wrote: "Your staff are useless. I
 * have never been treated so rudely."` — is marked in each of them: tokenise() sees one sentence
 * at a time, so its opening mark finds no close. Marked only when the closing mark comes within
 * the paragraph and a few sentences, so a stray inch mark never hides the rest of an email.
 */
export function markQuotesAcross(sentences: ReadonlyArray<{ tokens: Token[]; paragraph: number }>): void {
  for (let k = 0; k < sentences.length; k++) {
    const tokens = sentences[k].tokens;
    const opener = tokens.findIndex((t, i) => t.kind === "punct" && DOUBLE_OPEN.has(t.text) && !t.quoted && tokens[i + 1]?.kind === "word" && tokens[i + 1].start === t.end);
    if (opener < 0) continue;
    for (let n = k + 1; n < sentences.length && n <= k + QUOTE_REACH && sentences[n].paragraph === sentences[k].paragraph; n++) {
      const closer = sentences[n].tokens.findIndex((t) => t.kind === "punct" && DOUBLE_CLOSE.has(t.text) && !t.quoted);
      if (closer < 0) continue;
      for (let i = opener; i < tokens.length; i++) tokens[i].quoted = true;
      for (let m = k + 1; m < n; m++) for (const t of sentences[m].tokens) t.quoted = true;
      for (let i = 0; i <= closer; i++) sentences[n].tokens[i].quoted = true;
      k = n - 1;
      break;
    }
  }
}
