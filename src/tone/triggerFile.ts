/**
 * The trigger words of the built-in packs' patterns as `npm run build` stores them
 * (dist/packs/pattern-triggers.txt; see patterns.ts): one pattern a line, its fields split by
 * U+001F, the second `w` before the words or `n` for a pattern with no trigger word. Read at
 * every cold start of a draft with tone rules: the same pairs as JSON took 10 ms to parse and
 * file in a Map, this 6 (and less since the lines are split only when asked for).
 */
const FIELD = "\u001f";
const WORDS = "w";
const NONE = "n";

export function triggerFileText(triggers: Iterable<[string, string[] | null]>): string {
  const lines: string[] = [];
  for (const [source, words] of triggers) {
    const fields = [source, ...(words ?? [])];
    // A pattern or word with a line end or the separator in it cannot be stored: say so at build.
    if (fields.some((f) => f.includes("\n") || f.includes(FIELD))) throw new Error(`pattern-triggers: cannot store ${JSON.stringify(source)}`);
    lines.push(words ? [source, WORDS, ...words].join(FIELD) : `${source}${FIELD}${NONE}`);
  }
  return lines.join("\n");
}

/**
 * Files each line's pattern with the rest of its line, unread: the file holds each list both as
 * nouns and not, and a run builds only some of them, so a pattern's words are split out of its
 * line (storedWords) when a list first asks for them. Splitting all 7,552 lines up front was
 * ~2 ms and their garbage of every cold start.
 */
export function indexTriggerFile(text: string, into: Map<string, string[] | null | string>): void {
  if (text === "") return;
  let at = 0;
  while (at <= text.length) {
    let end = text.indexOf("\n", at);
    if (end === -1) end = text.length;
    const split = text.indexOf(FIELD, at);
    into.set(text.slice(at, split), text.slice(split + 1, end));
    at = end + 1;
  }
}

/** The trigger words stored after a pattern (what indexTriggerFile keeps of its line). */
export function storedWords(rest: string): string[] | null {
  return rest === NONE ? null : rest.split(FIELD).slice(1);
}

export function readTriggerFile(text: string, into: Map<string, string[] | null>): void {
  const index = new Map<string, string[] | null | string>();
  indexTriggerFile(text, index);
  for (const [source, rest] of index) into.set(source, typeof rest === "string" ? storedWords(rest) : rest);
}
