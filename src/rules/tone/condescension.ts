/**
 * `condescension`: talking down to the reader — "as I already explained", "per my last email",
 * "my nine-year-old manages it". The target is "you" when the sentence says it, else the customer
 * it names ("keep it simple for the Marsh Lane lot"), else the reader.
 */
import { defineRule, type RuleContext } from "../../engine/rule.js";
import { analyseMessage } from "../../tone/analysis.js";
import { phraseJudgements } from "../../tone/phraseFindings.js";
import { reportJudgement } from "../../tone/report.js";
import { rulePatterns } from "../../tone/rulePatterns.js";

export default defineRule({
  id: "condescension",
  pack: "tone",
  check(context: RuleContext) {
    const analysis = analyseMessage(context.message, context.config);
    const { phrases } = rulePatterns(context.data, ["phrases"] as const);
    for (const judgement of phraseJudgements(analysis, phrases)) {
      const mentions = judgement.sentence.mentions().filter((m) => !m.possessor || m.kind === "you");
      const mention = mentions.find((m) => m.kind === "you") ?? mentions[0];
      reportJudgement(context, analysis, {
        ...judgement,
        target: mention ? { sentence: judgement.sentence, mention } : null,
        targetWords: "the reader",
      });
    }
  },
});
