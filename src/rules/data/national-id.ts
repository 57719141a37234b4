/** `national-id`: a UK National Insurance number or a US Social Security number, validly formed. */
import { defineRule } from "../../engine/rule.js";
import { compiledPatterns, wordAlternation } from "./dataPatterns.js";
import { findNinos, findSsns } from "./nationalIds.js";
import { maskKeepingLast } from "./maskValue.js";
import { textsToScan, valueFinding } from "./scanText.js";

const EVIDENCE = { ukNino: "UK National Insurance number format", usSsn: "US Social Security number outside the unissued ranges" } as const;

export default defineRule({
  id: "national-id",
  pack: "data",
  check({ message, data, report }) {
    const { ninoRules, phoneWords } = compiledPatterns(data, (read) => ({
      ninoRules: {
        firstLetters: read.text("ninoFirstLetters"),
        secondLetters: read.text("ninoSecondLetters"),
        excludedPrefixes: new Set(read.words("ninoExcludedPrefixes")),
      },
      phoneWords: read.regex("phoneWords", `(?<![A-Za-z])(?:${wordAlternation(read.words("phoneWords"))})(?![A-Za-z])`, "gi"),
    }));
    for (const scanned of textsToScan(message)) {
      for (const hit of [...findNinos(scanned.text, ninoRules), ...findSsns(scanned.text, phoneWords)]) {
        const masked = maskKeepingLast(hit.written);
        report(valueFinding(scanned, hit, { messageId: hit.kind, masked, evidence: [EVIDENCE[hit.kind]] }));
      }
    }
  },
});
