/**
 * National identity numbers that can be validated from their form alone: UK National Insurance
 * numbers (HMRC's letter rules) and US Social Security numbers (the ranges never issued).
 */
import type { TextSpan } from "./scanText.js";

export interface IdHit extends TextSpan {
  written: string;
  kind: "ukNino" | "usSsn";
}

export interface NinoRules {
  firstLetters: string;
  secondLetters: string;
  excludedPrefixes: ReadonlySet<string>;
}

// Two capitals, six digits and a suffix, written whole or in pairs with single spaces throughout.
const NINO_CANDIDATE = /(?<![A-Za-z0-9])([A-Z]{2})(?:(\d{6})|( \d{2} \d{2} \d{2} ))([A-Z])(?![A-Za-z0-9])/g;

export function findNinos(text: string, rules: NinoRules): IdHit[] {
  const hits: IdHit[] = [];
  for (const m of text.matchAll(NINO_CANDIDATE)) {
    const [written, prefix, , , suffix] = m;
    if (!rules.firstLetters.includes(prefix[0]) || !rules.secondLetters.includes(prefix[1])) continue;
    if (rules.excludedPrefixes.has(prefix) || !"ABCD".includes(suffix)) continue;
    hits.push({ start: m.index, end: m.index + written.length, written, kind: "ukNino" });
  }
  return hits;
}

// ddd-dd-dddd only: nine bare digits are as often an account or a zip+4, and a phone number is
// ddd-ddd-dddd. Glued to more digits or dashes ("123-45-67890", "1-123-45-6789") it is something else.
const SSN_CANDIDATE = /(?<![\w-])(\d{3})-(\d{2})-(\d{4})(?![\w-])/g;

/** How far back on its line a phone word ("Home", "Cell") makes ddd-dd-dddd a phone number. */
const PHONE_WORD_WINDOW = 24;

/** `phoneWords`: a case-insensitive alternation of words that label a phone number. */
export function findSsns(text: string, phoneWords: RegExp): IdHit[] {
  const hits: IdHit[] = [];
  for (const m of text.matchAll(SSN_CANDIDATE)) {
    const [written, area, group, serial] = m;
    const lineStart = text.lastIndexOf("\n", m.index - 1) + 1;
    const before = text.slice(Math.max(lineStart, m.index - PHONE_WORD_WINDOW), m.index);
    phoneWords.lastIndex = 0;
    if (phoneWords.test(before)) continue;
    // SSA: area 000, 666 and 900–999, group 00 and serial 0000 are never issued.
    if (area === "000" || area === "666" || area[0] === "9" || group === "00" || serial === "0000") continue;
    hits.push({ start: m.index, end: m.index + written.length, written, kind: "usSsn" });
  }
  return hits;
}
