/**
 * `unkind-preface`: "no offence, but", "I know this doesn't sound very nice, but" — the writer
 * announcing that what follows is unkind. It needs no target: the preface is the warning sign.
 */
import { defineRule, type RuleContext } from "../../engine/rule.js";
import { analyseMessage } from "../../tone/analysis.js";
import { phraseJudgements } from "../../tone/phraseFindings.js";
import { reportJudgement } from "../../tone/report.js";
import { rulePatterns } from "../../tone/rulePatterns.js";

export default defineRule({
  id: "unkind-preface",
  pack: "tone",
  check(context: RuleContext) {
    const analysis = analyseMessage(context.message, context.config);
    const { phrases } = rulePatterns(context.data, ["phrases"] as const);
    for (const judgement of phraseJudgements(analysis, phrases)) reportJudgement(context, analysis, judgement);
  },
});
