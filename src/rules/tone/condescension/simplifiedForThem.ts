/**
 * A simplifying aid made for a customer because of their supposed difficulty: "I know spreadsheets
 * aren't everyone's thing, so I've coloured in the bits where you owe money", "I've written it on
 * the box in big letters, maybe that'll get through", "since the written instructions seem to have
 * been a bit much, we've attached a picture guide". The aid alone is a kindness ("a large-print
 * version is attached"); it talks down only beside words that lay the difficulty on the reader.
 */
import type { Sentence, ToneAnalysis } from "../../../tone/analysis.js";
import type { PatternList } from "../../../tone/patterns.js";
import { cueTarget } from "../../../tone/cueTarget.js";
import { isNegated } from "../../../tone/clauses.js";
import { FIRST_PERSON } from "../../../tone/grammar.js";
import { aboutChildren } from "./childishAids.js";
import type { ToneJudgement } from "../../../tone/report.js";
import { wordsOfMatch } from "../../../tone/report.js";

/**
 * Sentences with an aid (`aids`) that is ours (a first-person sentence or an instruction), with a
 * difficulty laid on the customer (`difficulties`) in the sentence or the one next to it in its
 * paragraph, not negated ("it isn't confusing at all").
 */
export function simplifiedForThem(analysis: ToneAnalysis, aids: PatternList, difficulties: PatternList, children: PatternList): ToneJudgement[] {
  const out: ToneJudgement[] = [];
  for (const text of analysis.texts) {
    text.sentences.forEach((sentence, index) => {
      const aid = aids.matches(sentence.words)[0];
      if (!aid || !ours(sentence, aid.first)) return;
      const framed = [index, index - 1, index + 1].some((k) => {
        const s = text.sentences[k];
        return s !== undefined && s.paragraph === sentence.paragraph && difficulties.matches(s.words).some((m) => !isNegated(s, analysis.lexicon, m.first, 0));
      });
      if (!framed || aboutChildren(text, index, children)) return;
      // Made for someone: the customer named or "you" ("a guide with pictures for the team" is for us).
      const target = cueTarget(text, index, aid, { allowYou: true });
      if (!target || target.mention.uncertain) return;
      out.push({ text, sentence, messageId: "default", target, targetWords: "the reader", phrase: wordsOfMatch(sentence, aid) });
    });
  }
  return out;
}

/** The writer made it ("I've coloured …", "we've attached …") or a colleague is told to ("draw him a diagram"). */
function ours(sentence: Sentence, aidAt: number): boolean {
  const { tokens } = sentence;
  if (tokens.some((t) => FIRST_PERSON.has(t.norm) || /^(i|we)'/.test(t.norm))) return true;
  const first = tokens.findIndex((t) => t.kind === "word");
  return first === aidAt || (tokens[first]?.norm === "maybe" && first + 1 === aidAt);
}
