/**
 * Sentence-level phrase rules (unkind-preface, secrecy, condescension): a phrase from the rule's
 * pack entry in a sentence the customer reads. No clause analysis is needed, so the pre-filter
 * is the whole check.
 */
import type { PatternList } from "./patterns.js";
import type { ToneAnalysis } from "./analysis.js";
import type { ToneJudgement } from "./report.js";

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
