/**
 * `unkind-preface`: "no offence, but", "I know this doesn't sound very nice, but" — the writer
 * announcing that what follows is unkind. It needs no target: the preface is the warning sign.
 */
import { defineRule } from "../../engine/rule.js";
import { checkPhraseRule, PHRASE_RULE_KEYS } from "../../tone/phraseFindings.js";

export default defineRule({
  id: "unkind-preface",
  pack: "tone",
  dataKeys: PHRASE_RULE_KEYS,
  check: (context) => checkPhraseRule(context),
});
