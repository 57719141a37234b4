/**
 * `condescension`: talking down to the reader — "as I already explained", "per my last email",
 * "my nine-year-old manages it". The target is "you" when the sentence says it, else the customer
 * it names ("keep it simple for the Marsh Lane lot"), else the reader.
 */
import { defineRule } from "../../engine/rule.js";
import { checkPhraseRule } from "../../tone/phraseFindings.js";

export default defineRule({
  id: "condescension",
  pack: "tone",
  check: (context) =>
    checkPhraseRule(context, (judgement) => {
      const mentions = judgement.sentence.mentions().filter((m) => !m.possessor || m.kind === "you");
      const mention = mentions.find((m) => m.kind === "you") ?? mentions[0];
      return { ...judgement, target: mention ? { sentence: judgement.sentence, mention } : null, targetWords: "the reader" };
    }),
});
