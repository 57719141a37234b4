/**
 * Sentence splitting with offsets. A finding quotes one sentence and points at it exactly, and
 * the clause analysis works within one sentence; the paragraph a sentence belongs to lets a
 * punchline ("You couldn't make it up.") find who the sentence before it was about.
 */

export interface SentenceSpan {
  /** Offsets in the text that was split. */
  start: number;
  end: number;
  /** Sentences of one paragraph share this number. */
  paragraph: number;
}

/** "Mr. Patel" and "e.g. this" do not end a sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:mr|mrs|ms|mx|dr|prof|st|sr|jr|vs|etc|e\.g|i\.e|approx|no|inc|ltd|co)\.$/i;

/**
 * Splits `text[from, to)`. Boundaries: sentence punctuation followed by a space or a line end,
 * blank lines (a new paragraph), and line breaks before list items or after a short line with no
 * end punctuation (a greeting, a sign-off), which would otherwise run into the next sentence.
 */
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
      if (text[j] === "\n") {
        close(i, true);
        continue;
      }
      const lineStart = text.lastIndexOf("\n", i - 1) + 1;
      const line = text.slice(Math.max(lineStart, from), i).trim();
      const nextIsItem = /^(?:[-*•]|\d+[.)])\s/.test(text.slice(j, j + 4));
      const shortLine = line.length > 0 && line.length < 40 && !/[.!?;:,]$/.test(line);
      const greeting = /^(?:hi|hello|hey|dear|morning|afternoon)\b.{0,40},$/i.test(line);
      if (nextIsItem || shortLine || greeting) close(i, false);
      continue;
    }
    if (ch !== "." && ch !== "!" && ch !== "?" && ch !== "…") continue;
    let j = i + 1;
    while (j < to && /[.!?…"'”’)\]]/.test(text[j])) j++;
    if (j < to && !/\s/.test(text[j])) continue;
    if (ch === "." && ABBREVIATION.test(text.slice(Math.max(from, i - 8), i + 1))) continue;
    close(j, false);
    i = j - 1;
  }
  close(to, false);
  return spans;
}
