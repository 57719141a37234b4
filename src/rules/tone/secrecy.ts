/**
 * `secrecy`: "between you and me", "don't tell the client", "delete this after reading". Email is
 * kept and disclosed; asking for secrecy about a customer is itself the problem, whoever it names.
 */
import { defineRule, type RuleContext } from "../../engine/rule.js";
import { analyseMessage } from "../../tone/analysis.js";
import { phraseJudgements } from "../../tone/phraseFindings.js";
import { reportJudgement } from "../../tone/report.js";
import { rulePatterns } from "../../tone/rulePatterns.js";

export default defineRule({
  id: "secrecy",
  pack: "tone",
  check(context: RuleContext) {
    const analysis = analyseMessage(context.message, context.config);
    const { phrases } = rulePatterns(context.data, ["phrases"] as const);
    for (const judgement of phraseJudgements(analysis, phrases)) reportJudgement(context, analysis, judgement);
  },
});
