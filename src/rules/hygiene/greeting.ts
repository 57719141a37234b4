/**
 * Reading the greeting of a message: "Dear Ms. Brewer,", "Hi Tom and Jo,", "hi karen,",
 * "Good morning Karen", or a bare "Karen,". Only the first non-blank line of a text is read,
 * which is where a greeting is; names end at punctuation or at a lower-case word, so "Hi Tom,
 * Karen asked me…" greets Tom only.
 */
import { foldWord, isCapitalised, wordsOf, type Word } from "../../text/words.js";
import type { NameTools } from "./people.js";

export interface GreetingName {
  /** As written, title included: "Ms. Brewer". */
  text: string;
  start: number;
  end: number;
  /** Folded name words, titles and particles left out: ["brewer"]. */
  tokens: string[];
  /** Written after a title ("Ms. Brewer"): a family name, not to be looked up as a given name. */
  titled: boolean;
}

export interface Greeting {
  /** The salutation as written ("Dear"), or null for a bare "Karen,". */
  salutation: string | null;
  names: GreetingName[];
  lineStart: number;
  lineEnd: number;
  /** Where the greeting ends: after its last name, or after the salutation ("Hi Tom| — the plan"). */
  end: number;
}

/** Salutations, longest first so "good morning" wins over "good". */
export function compileSalutations(salutations: readonly string[]): RegExp {
  const alternatives = [...salutations]
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"));
  // ASCII and Latin letters end a salutation; no `u` flag keeps the cold start cheap.
  return new RegExp(`^\\s*(${alternatives.join("|")})(?![A-Za-z0-9\u00C0-\u024F])[,!.:]?`, "i");
}

function firstLine(text: string, from: number, to: number): { start: number; end: number } | null {
  let start = from;
  while (start < to) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 || nl > to ? to : nl;
    if (text.slice(start, end).trim() !== "") return { start, end };
    start = end + 1;
  }
  return null;
}

/** One name: optional title, then capitalised words and surname particles ("Mr van der Berg"). */
function readName(text: string, words: Word[], i: number, tools: NameTools, lineEnd: number): { next: number; name: GreetingName } | null {
  // "Hi [First Name]," and "Dear {{name}}," are placeholders (unfilled-placeholder), not names.
  if (i < words.length && /[[{<%$*|]\s*$/.test(text.slice(Math.max(0, words[i].start - 3), words[i].start))) return null;
  let j = i;
  let titled = false;
  while (j < words.length && tools.words.titles.has(foldWord(words[j].text))) {
    titled = true;
    j++;
    // "Dear Mr. and Mrs. Smith": both titles belong to the one name.
    if (j + 1 < words.length && foldWord(words[j].text) === "and" && tools.words.titles.has(foldWord(words[j + 1].text))) j++;
  }
  const tokens: string[] = [];
  let end = words[i]?.end ?? 0;
  for (; j < words.length; j++) {
    const word = words[j];
    const folded = foldWord(word.text);
    const gap = text.slice(words[j - 1]?.end ?? word.start, word.start);
    // "J. Smith", "Ms. Brewer": a full stop joins an initial or a title to the name; "Hey Ken.
    // Well, …" ends the greeting.
    const afterInitial = j > i && (words[j - 1].text.length === 1 || tools.words.titles.has(foldWord(words[j - 1].text)));
    if (j > i && !(/^[ \t]+$|^$/.test(gap) || (afterInitial && /^\.[ \t]+$/.test(gap)))) break;
    if (tools.words.particles.has(folded) && j + 1 < words.length && (titled || tokens.length > 0)) {
      continue;
    }
    if (isCapitalised(word.text)) {
      tokens.push(folded);
      end = word.end;
      if (tokens.length >= 4) {
        j++;
        break;
      }
      continue;
    }
    // "hi karen," — a lone lower-case word is a name only when punctuation or the line end follows.
    if (j === i && !titled) {
      const after = text.slice(word.end, Math.min(lineEnd, word.end + 2));
      if (/^(?:[,!:.]|\s*$)/.test(after) || word.end === lineEnd) {
        tokens.push(folded);
        end = word.end;
        j++;
      }
    }
    break;
  }
  if (tokens.length === 0) return null;
  return { next: j, name: { text: text.slice(words[i].start, end), start: words[i].start, end, tokens, titled } };
}

/** Whether words[i..] up to the line end are only names and separators: "Tom, Jo and Ana,". */
function restIsNameList(text: string, words: Word[], i: number, tools: NameTools, lineEnd: number): boolean {
  let k = i;
  while (k < words.length) {
    const read = readName(text, words, k, tools, lineEnd);
    if (!read) return false;
    k = read.next;
    if (k >= words.length) return /^[\s,!.:;-]*$/.test(text.slice(read.name.end, lineEnd));
    const gap = text.slice(words[k - 1].end, words[k].start);
    if (/^\s*[,/&]\s*$/.test(gap)) continue;
    if (/^\s+$/.test(gap) && foldWord(words[k].text) === "and") {
      k++;
      continue;
    }
    return false;
  }
  return true;
}

export function parseGreeting(text: string, from: number, to: number, salutations: RegExp, tools: NameTools): Greeting | null {
  const line = firstLine(text, from, to);
  if (!line) return null;
  const lineText = text.slice(line.start, line.end);
  const salutation = salutations.exec(lineText);
  const namesFrom = line.start + (salutation ? salutation[0].length : 0);
  // "Hello! Stan asked me…", "Greetings. Hope you are well", "Hi: Sorry to bug you": the
  // salutation ended its sentence, so what follows is the message, not a name.
  if (salutation && /[.!?:]$/.test(salutation[0])) {
    return { salutation: salutation[1], names: [], lineStart: line.start, lineEnd: line.end, end: namesFrom };
  }
  const words = wordsOf(text, namesFrom, line.end);
  const names: GreetingName[] = [];
  let i = 0;
  while (i < words.length) {
    const read = readName(text, words, i, tools, line.end);
    if (!read) break;
    names.push(read.name);
    i = read.next;
    if (i >= words.length) break;
    const gap = text.slice(words[i - 1].end, words[i].start);
    if (/^\s*&\s*$/.test(gap)) continue;
    if (/^\s+$/.test(gap) && foldWord(words[i].text) === "and") {
      i++;
      continue;
    }
    if (/^\s*[,/]\s*$/.test(gap) && restIsNameList(text, words, i, tools, line.end)) continue;
    break;
  }
  if (!salutation) {
    // Without a salutation only a line that is nothing but a name and a comma greets: "Karen,".
    // "Paul Lucci -" on a line of its own is a heading more often than a greeting: a dash greets
    // only after a given name alone ("Karen —").
    const rest = names.length === 1 ? text.slice(names[0].end, line.end) : "";
    const greets = names.length === 1 && /^\s*[,—–-]?\s*$/.test(rest) && (/,/.test(rest) || (/[—–-]/.test(rest) && names[0].tokens.length === 1));
    if (!greets) {
      return null;
    }
  }
  return {
    salutation: salutation ? salutation[1] : null,
    names: names.filter((n) => !isGroup(n, text, line.end, tools)),
    lineStart: line.start,
    lineEnd: line.end,
    end: names.length ? names[names.length - 1].end : namesFrom,
  };
}

/** "Hi all", "Dear Sir or Madam", "Dear Acme team": a greeting that names no one person. */
function isGroup(name: GreetingName, text: string, lineEnd: number, tools: NameTools): boolean {
  if (name.tokens.some((t) => tools.genericAddressees.has(t))) return true;
  const next = /^[ \t]+([\p{L}']+)/u.exec(text.slice(name.end, lineEnd))?.[1];
  return next !== undefined && tools.genericAddressees.has(foldWord(next));
}
