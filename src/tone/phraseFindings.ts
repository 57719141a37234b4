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

/**
 * Every sentence holding one of `phrases`, except where the phrase lies inside one of `exceptions`
 * ("between us" is secrecy; "the link between us and EES" is a relation between two parties).
 */
export function phraseJudgements(analysis: ToneAnalysis, phrases: PatternList, exceptions?: PatternList): ToneJudgement[] {
  const out: ToneJudgement[] = [];
  for (const text of analysis.texts) {
    for (const sentence of text.sentences) {
      // Most sentences hold no phrase: test() stops at the first hit and builds no match list.
      if (!phrases.test(sentence.words)) continue;
      const excepted = exceptions?.test(sentence.words) ? exceptions.matches(sentence.words) : [];
      const match = phrases.matches(sentence.words).find((m) => !excepted.some((e) => e.first <= m.first && m.last <= e.last));
      if (!match) continue;
      const phrase = sentence.text.slice(sentence.tokens[match.first].start - sentence.start, sentence.tokens[match.last].end - sentence.start);
      out.push({ text, sentence, messageId: "default", target: null, targetWords: "", phrase });
    }
  }
  return out;
}

/** The `patterns` a phrase rule reads. */
export const PHRASE_RULE_KEYS = ["phrases", "exceptions"] as const;

/**
 * The whole check of a phrase rule (`secrecy`, `unkind-preface`): every sentence holding one of
 * its `phrases` and outside its `exceptions`, reported as it is.
 */
export function checkPhraseRule(context: RuleContext): void {
  const analysis = analyseMessage(context.message, context.config);
  const { phrases, exceptions } = rulePatterns(context.data, PHRASE_RULE_KEYS, { prefilter: ["phrases"] });
  for (const judgement of phraseJudgements(analysis, phrases, exceptions)) reportJudgement(context, analysis, judgement);
}
