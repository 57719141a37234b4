/**
 * Bank account numbers: IBANs validated as ISO 13616 says (the country's length, then the
 * mod-97 check on the rearranged number), and UK sort codes with an account number, which carry
 * no check digit of their own and so need the words around them to say what they are.
 */
import type { TextSpan } from "./scanText.js";

export interface AccountHit extends TextSpan {
  written: string;
  /** The pieces as they appear in the text (a sort code and its account number are apart). */
  parts: string[];
  kind: "iban" | "sortCode";
}

// Two capitals, two check digits, then the account in groups of four (optionally spaced) with a
// shorter last group. Capitals only: "gb82 …" in running text is not how an IBAN is printed.
const IBAN_CANDIDATE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)(?![A-Za-z0-9])/g;

/** ISO 13616: move the first four characters to the end, letters to 10–35, the number mod 97 is 1. */
export function ibanChecksumValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= "A" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

export function findIbans(text: string, lengths: ReadonlyMap<string, number>): AccountHit[] {
  const hits: AccountHit[] = [];
  for (const m of text.matchAll(IBAN_CANDIDATE)) {
    const compact = m[0].replace(/ /g, "");
    if (lengths.get(compact.slice(0, 2)) !== compact.length || !ibanChecksumValid(compact)) continue;
    hits.push({ start: m.index, end: m.index + m[0].length, written: m[0], parts: [m[0]], kind: "iban" });
  }
  return hits;
}

const SORT_CODE = /(?<![\d-])\d{2}-\d{2}-\d{2}(?![\d-])/g;
const ACCOUNT_NUMBER = /(?<![\d-])\d{8}(?![\d-])/g;
/** How far after a sort code its account number may be ("Sort code: 40-47-84\nAccount number: 70872490"). */
const ACCOUNT_WINDOW = 60;

/**
 * A sort code with an eight-digit account number after it, and a bank word (`words`, a
 * case-insensitive alternation) on the line before, on its own line or between the two: "12-03-04"
 * is a date far more often than a sort code.
 */
export function findSortCodes(text: string, words: RegExp): AccountHit[] {
  const hits: AccountHit[] = [];
  for (const m of text.matchAll(SORT_CODE)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + ACCOUNT_WINDOW);
    ACCOUNT_NUMBER.lastIndex = 0;
    const account = ACCOUNT_NUMBER.exec(after);
    if (!account) continue;
    const lineBefore = text.lastIndexOf("\n", text.lastIndexOf("\n", m.index - 1) - 1) + 1;
    const context = text.slice(lineBefore, m.index) + " " + after.slice(0, account.index);
    words.lastIndex = 0;
    if (!words.test(context)) continue;
    const end = m.index + m[0].length + account.index + account[0].length;
    hits.push({ start: m.index, end, written: `${m[0]} ${account[0]}`, parts: [m[0], account[0]], kind: "sortCode" });
  }
  return hits;
}
