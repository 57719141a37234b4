/**
 * `condescension`: talking down to the reader — "as I already explained", "per my last email",
 * "my nine-year-old manages it" (the pack's phrases), and what the tone model judges so. The
 * target is "you" when the sentence says it, else the customer it names ("keep it simple for the
 * Marsh Lane lot"), else the reader.
 */
import { defineRule } from "../../engine/rule.js";
import { analyseMessage } from "../../tone/analysis.js";
import { phraseJudgements } from "../../tone/phraseFindings.js";
import { reportJudgement, type ToneJudgement } from "../../tone/report.js";
import { rulePatterns } from "../../tone/rulePatterns.js";
import { withModel } from "../../tone/model/modelJudgements.js";

function aimed(judgement: ToneJudgement): ToneJudgement {
  const mentions = judgement.sentence.mentions().filter((m) => !m.possessor || m.kind === "you");
  const mention = mentions.find((m) => m.kind === "you") ?? mentions[0];
  return { ...judgement, target: mention ? { sentence: judgement.sentence, mention } : null, targetWords: "the reader" };
}

export default defineRule({
  id: "condescension",
  pack: "tone",
  check(context) {
    const analysis = analyseMessage(context.message, context.config);
    const { phrases } = rulePatterns(context.data, ["phrases"] as const);
    const own = phraseJudgements(analysis, phrases).map(aimed);
    for (const judgement of withModel(analysis, "condescension", own)) reportJudgement(context, analysis, aimed(judgement));
  },
});
