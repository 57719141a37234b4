/**
 * The trigger words of the built-in packs' patterns as `npm run build` stores them
 * (dist/packs/pattern-triggers.txt; see patterns.ts): one pattern a line, its fields split by
 * U+001F, the second `w` before the words or `n` for a pattern with no trigger word. Read at
 * every cold start of a draft with tone rules: the same pairs as JSON took 10 ms to parse and
 * file in a Map, this 6.
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

export function readTriggerFile(text: string, into: Map<string, string[] | null>): void {
  if (text === "") return;
  for (const line of text.split("\n")) {
    const fields = line.split(FIELD);
    into.set(fields[0], fields[1] === NONE ? null : fields.slice(2));
  }
}
