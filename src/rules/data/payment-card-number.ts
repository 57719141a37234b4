/** `payment-card-number`: a card number that passes Luhn and an issuer's range, shown by its last four digits. */
import { defineRule } from "../../engine/rule.js";
import { compiledPatterns } from "./dataPatterns.js";
import { findCardNumbers, type Issuer } from "./cardNumbers.js";
import { maskKeepingLast } from "./maskValue.js";
import { textsToScan, valueFinding } from "./scanText.js";

export default defineRule({
  id: "payment-card-number",
  pack: "data",
  check({ message, data, report }) {
    const issuers = compiledPatterns(data, (read) => {
      const list = read.entries<Issuer & Record<string, unknown>>("issuers", ["name", "from", "to"]);
      for (const issuer of list) {
        if (!Array.isArray(issuer.lengths) || !issuer.lengths.every((n) => Number.isInteger(n))) read.fail("issuers", "lengths as a list of whole numbers");
        if (!/^\d+$/.test(issuer.from) || !/^\d+$/.test(issuer.to) || issuer.from.length !== issuer.to.length) read.fail("issuers", "from and to as digit prefixes of one length");
      }
      return list;
    });
    for (const scanned of textsToScan(message)) {
      for (const hit of findCardNumbers(scanned.text, issuers)) {
        const masked = maskKeepingLast(hit.written);
        report(valueFinding(scanned, hit, { messageId: "default", masked, data: { issuer: hit.issuer }, evidence: [hit.issuer, "Luhn check digit valid"] }));
      }
    }
  },
});
