/**
 * Sentences of a stretch of body text, with offsets. Email is not prose: a greeting line
 * ("Hi Richard,") and a blank line end a sentence as surely as a full stop, while a hard-wrapped
 * line (72 columns) does not. Abbreviations ("Mr. Bailey", "e.g.") do not end one. Linear time.
 */

export interface Span {
  start: number;
  end: number;
}

/** Words after which a full stop is not the end of a sentence. */
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "mx", "dr", "prof", "st", "sr", "jr", "mt", "no", "vs", "etc", "e.g", "i.e", "eg", "ie",
  "approx", "dept", "est", "fig", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul",
  "aug", "sep", "sept", "oct", "nov", "dec", "tel", "ext", "ref", "cf", "al", "capt", "col", "gen", "rev",
]);

/** A line short enough, and ending in "," or ":", that it stands alone: "Hi Richard," "Notes:". */
function endsStandaloneLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length > 0 && trimmed.length <= 40 && /[,:]$/.test(trimmed);
}

function isListItem(line: string): boolean {
  return /^\s*(?:[-*•‣◦]|\d{1,3}[.)])\s+/.test(line);
}

export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let start = from;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };

  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === "\n") {
      const lineStart = text.lastIndexOf("\n", i - 1) + 1;
      const line = text.slice(Math.max(lineStart, start), i);
      const nextLineEnd = text.indexOf("\n", i + 1);
      const nextLine = text.slice(i + 1, nextLineEnd === -1 || nextLineEnd > to ? to : nextLineEnd);
      if (nextLine.trim() === "" || endsStandaloneLine(line) || isListItem(nextLine)) {
        push(i);
        start = i + 1;
      }
      continue;
    }
    if (ch !== "." && ch !== "!" && ch !== "?") continue;
    // Runs of terminators and closing quotes belong to the sentence they end.
    let j = i;
    while (j + 1 < to && /[.!?"'’”)\]]/.test(text[j + 1])) j++;
    if (j + 1 < to && !/\s/.test(text[j + 1])) {
      i = j;
      continue; // "3.5", "acme.com", "e.g.x"
    }
    if (ch === ".") {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(from, i - 12), i))?.[1] ?? "";
      // "Mr. Bailey", "e.g. the menu", and initials ("K. Smith").
      if (ABBREVIATIONS.has(before.toLowerCase()) || /^\p{Lu}$/u.test(before)) {
        i = j;
        continue;
      }
    }
    push(j + 1);
    start = j + 1;
    i = j;
  }
  push(to);
  return out;
}
