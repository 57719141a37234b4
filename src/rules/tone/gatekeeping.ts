/**
 * `gatekeeping`: a customer judged "not our type", or a plan to price them out or put them off.
 * A cue ("not the kind of people we want", "price them out", "hope they go elsewhere") counts only
 * with a customer target in its sentence or the one before it — "we had to turn guests away
 * because of the fire limit" names no plan against anyone and has no cue at all.
 */
import { defineRule, type RuleContext } from "../../engine/rule.js";
import { analyseMessage } from "../../tone/analysis.js";
import { complementOf, isNegated } from "../../tone/clauses.js";
import { cueTarget } from "../../tone/cueTarget.js";
import { isPersonOrOrganisation } from "../../tone/nlp.js";
import { reportJudgement, type ToneJudgement } from "../../tone/report.js";
import { rulePatterns } from "../../tone/rulePatterns.js";

export default defineRule({
  id: "gatekeeping",
  pack: "tone",
  async check(context: RuleContext) {
    const analysis = analyseMessage(context.message, context.config);
    const patterns = rulePatterns(context.data, ["cues", "negatedCues", "unsuitable"] as const);
    for (const text of analysis.texts) {
      for (let index = 0; index < text.sentences.length; index++) {
        const sentence = text.sentences[index];
        if (!patterns.prefilter.test(sentence.words)) continue;
        const cues = [
          ...patterns.cues.matches(sentence.words),
          // "I don't think they are the type of people we would want": the negation may open the sentence.
          ...patterns.negatedCues.matches(sentence.words).filter((cue) => isNegated(sentence, analysis.lexicon, cue.first, 0)),
        ];
        // "He isn't premium-card material", "I don't think they're right for the building": a
        // customer, as the subject, said not to be suitable.
        for (const mention of sentence.mentions()) {
          if (mention.possessor || mention.kind === "you") continue;
          const complement = complementOf(sentence, mention, analysis.lexicon);
          if (!complement) continue;
          const hit = patterns.unsuitable.matches(sentence.words).find((m) => m.first >= complement.first && m.first <= complement.last);
          if (hit && isNegated(sentence, analysis.lexicon, hit.last, 0)) cues.push({ ...hit, first: mention.first });
        }
        for (const cue of cues) {
          const target = cueTarget(text, index, cue, { allowYou: true });
          if (!target || !(await isPersonOrOrganisation(target.sentence, target.mention))) continue;
          const judgement: ToneJudgement = { text, sentence, messageId: "default", target };
          reportJudgement(context, analysis, judgement);
          break;
        }
      }
    }
  },
});
