/**
 * `unkind-preface`: "no offence, but", "I know this doesn't sound very nice, but" — the writer
 * announcing that what follows is unkind. It needs no target: the preface is the warning sign.
 */
import { defineRule } from "../../engine/rule.js";
import { checkPhraseRule } from "../../tone/phraseFindings.js";

export default defineRule({
  id: "unkind-preface",
  pack: "tone",
  check: (context) => checkPhraseRule(context),
});
