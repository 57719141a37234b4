/**
 * Sentence-level phrase rules (unkind-preface, secrecy, condescension): a phrase from the rule's
 * pack entry in a sentence the customer reads. No clause analysis is needed, so the pre-filter
 * is the whole check.
 */
import type { RuleContext } from "../engine/rule.js";
import type { PatternList } from "./patterns.js";
import { analyseMessage, type ToneAnalysis } from "./analysis.js";
import { reportJudgement, type ToneJudgement } from "./report.js";
import { rulePatterns } from "./rulePatterns.js";

export function phraseJudgements(analysis: ToneAnalysis, phrases: PatternList, messageId = "default"): ToneJudgement[] {
  const out: ToneJudgement[] = [];
  for (const text of analysis.texts) {
    for (const sentence of text.sentences) {
      // Most sentences hold no phrase: test() stops at the first hit and builds no match list.
      if (!phrases.test(sentence.words)) continue;
      const match = phrases.matches(sentence.words)[0];
      if (!match) continue;
      const phrase = sentence.text.slice(sentence.tokens[match.first].start - sentence.start, sentence.tokens[match.last].end - sentence.start);
      out.push({ text, sentence, messageId, target: null, targetWords: "", phrase });
    }
  }
  return out;
}

/**
 * The whole check of a phrase rule: every sentence holding one of its `phrases`, reported as it
 * is (`secrecy`, `unkind-preface`) or after `adjust` names a target (`condescension`).
 */
export function checkPhraseRule(context: RuleContext, adjust: (judgement: ToneJudgement) => ToneJudgement = (j) => j): void {
  const analysis = analyseMessage(context.message, context.config);
  const { phrases } = rulePatterns(context.data, ["phrases"] as const);
  for (const judgement of phraseJudgements(analysis, phrases)) reportJudgement(context, analysis, adjust(judgement));
}
