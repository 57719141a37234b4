/**
 * `secrecy`: "between you and me", "don't tell the client", "delete this after reading". Email is
 * kept and disclosed; asking for secrecy about a customer is itself the problem, whoever it names.
 */
import { defineRule } from "../../engine/rule.js";
import { checkPhraseRule, PHRASE_RULE_KEYS } from "../../tone/phraseFindings.js";

export default defineRule({
  id: "secrecy",
  pack: "tone",
  dataKeys: PHRASE_RULE_KEYS,
  check: (context) => checkPhraseRule(context),
});
