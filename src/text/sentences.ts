/**
 * Sentences of a stretch of body text, with offsets: the one splitter the tone and hygiene rules
 * share, so a finding of either quotes the same sentence. Email is not prose: a greeting line
 * ("Hi Richard,"), a short line with no end punctuation (a sign-off) and a blank line end a
 * sentence as surely as a full stop, while a hard-wrapped line (72 columns) does not.
 * Abbreviations ("Mr. Bailey", "e.g.") and initials ("K. Smith") do not end one. Linear time.
 */

export interface Span {
  start: number;
  end: number;
}

export interface SentenceSpan extends Span {
  /** Sentences of one paragraph share this number: a punchline finds whom the one before it was about. */
  paragraph: number;
}

/** Words after which a full stop is not the end of a sentence. */
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "mx", "dr", "prof", "st", "sr", "jr", "mt", "no", "vs", "etc", "e.g", "i.e", "eg", "ie",
  "approx", "dept", "est", "fig", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul",
  "aug", "sep", "sept", "oct", "nov", "dec", "tel", "ext", "ref", "cf", "al", "capt", "col", "gen", "rev",
]);

/** A line short enough, and ending in "," or ":", that it stands alone: "Hi Richard," "Notes:". */
function endsStandaloneLine(line: string): boolean {
  return line.length > 0 && line.length <= 40 && /[,:]$/.test(line);
}

/** A short line with no end punctuation: a sign-off ("Cheers"), a heading, a name. */
function isShortBareLine(line: string): boolean {
  return line.length > 0 && line.length < 40 && !/[.!?;:,]$/.test(line);
}

function startsListItem(text: string, at: number): boolean {
  return /^(?:[-*•‣◦]|\d{1,3}[.)])\s/.test(text.slice(at, at + 5));
}

/** Whether the full stop at `i` ends an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, from: number, i: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(from, i - 12), i))?.[1] ?? "";
  // An initial is one capital letter, but not "I" ("So do I. Then…").
  return ABBREVIATIONS.has(before.toLowerCase()) || (/^\p{Lu}$/u.test(before) && before !== "I");
}

export function splitSentences(text: string, from = 0, to = text.length): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let paragraph = 0;
  let start = from;
  let paragraphHasSentences = false;

  const close = (end: number, newParagraph: boolean) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) {
      spans.push({ start: s, end: e, paragraph });
      paragraphHasSentences = true;
    }
    if (newParagraph && paragraphHasSentences) {
      paragraph++;
      paragraphHasSentences = false;
    }
    start = end;
  };

  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === "\n") {
      let j = i + 1;
      while (j < to && (text[j] === " " || text[j] === "\t" || text[j] === "\r")) j++;
      if (j >= to || text[j] === "\n") {
        close(i, true);
        continue;
      }
      const lineStart = text.lastIndexOf("\n", i - 1) + 1;
      const line = text.slice(Math.max(lineStart, from), i).trim();
      if (startsListItem(text, j) || isShortBareLine(line) || endsStandaloneLine(line)) close(i, false);
      continue;
    }
    if (ch !== "." && ch !== "!" && ch !== "?" && ch !== "…") continue;
    // Runs of terminators and closing quotes belong to the sentence they end.
    let j = i + 1;
    while (j < to && /[.!?…"'”’)\]]/.test(text[j])) j++;
    if (j < to && !/\s/.test(text[j])) {
      i = j - 1;
      continue; // "3.5", "acme.com", "e.g.x"
    }
    if (ch === "." && isAbbreviation(text, from, i)) continue;
    close(j, false);
    i = j - 1;
  }
  close(to, false);
  return spans;
}
