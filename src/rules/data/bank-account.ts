/** `bank-account`: an IBAN that passes mod-97 at its country's length, or a UK sort code with an account number. */
import { defineRule } from "../../engine/rule.js";
import { compiledPatterns, wordAlternation } from "./dataPatterns.js";
import { findIbans, findSortCodes } from "./bankAccounts.js";
import { maskKeepingLast } from "./maskValue.js";
import { textsToScan, valueFinding } from "./scanText.js";

export default defineRule({
  id: "bank-account",
  pack: "data",
  check({ message, data, report }) {
    const patterns = compiledPatterns(data, (read) => ({
      ibanLengths: read.numbers("ibanLengths"),
      sortCodeWords: read.regex("sortCodeWords", `(?<![A-Za-z])(?:${wordAlternation(read.words("sortCodeWords"))})(?![A-Za-z])`, "gi"),
    }));
    for (const scanned of textsToScan(message)) {
      const hits = [...findIbans(scanned.text, patterns.ibanLengths), ...findSortCodes(scanned.text, patterns.sortCodeWords)];
      for (const hit of hits) {
        const masked = maskKeepingLast(hit.written);
        report(
          valueFinding(scanned, hit, {
            messageId: hit.kind,
            masked,
            evidence: [hit.kind === "iban" ? "IBAN check digits valid (mod 97)" : "sort code with account number"],
            redact: hit.parts.map((value) => ({ value, masked: maskKeepingLast(value) })),
          }),
        );
      }
    }
  },
});
