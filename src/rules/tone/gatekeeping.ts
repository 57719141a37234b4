/**
 * `gatekeeping`: a customer judged "not our type", or a plan to price them out or put them off.
 *
 * Two ways in:
 * - a judgement of the customer as not our kind (`cues`: "not the kind of people we want", "not
 *   really our clientele"; `unsuitable`: "he isn't premium-card material"), with a customer target
 *   in its sentence or the one before it;
 * - a structure: an actor that is us (we, I, let's, an imperative, the venue or its management) +
 *   an intent to exclude, deter or steer away + a customer as its object. Intents that deter by
 *   themselves (`deterrents`: "price them out", "put the couple off", and `consequences`: "… so
 *   they go elsewhere") need a plan by us and no reason about capacity, policy or safety
 *   (`neutralReasons`). The weaker ones (`exclusions`: "steer them towards", "keep them away",
 *   "we'd rather not take them on") need a reason about who the customer is (`reasons`: "they'd
 *   stick out", "bad for the brand") in the sentence or the one next to it.
 *
 * "We had to turn guests away because of the fire limit" is compelled, not planned; "steer them to
 * the sister hotel, we're fully booked" gives no reason about them.
 *
 * The words live in `rules/tone.yaml`; the structure is in `gatekeeping/` (who acts, on whom, for
 * what reason).
 */
import { defineRule, type RuleContext } from "../../engine/rule.js";
import { analyseMessage, type Sentence, type ToneAnalysis, type ToneText } from "../../tone/analysis.js";
import { complementOf, isNegated } from "../../tone/clauses.js";
import { keepsThem } from "./modelVetoes.js";
import { cueTarget } from "../../tone/cueTarget.js";
import { isPersonOrOrganisation } from "../../tone/nlp.js";
import { reportJudgement, wordsOfMatch, type ToneJudgement } from "../../tone/report.js";
import { withModel } from "../../tone/model/modelJudgements.js";
import { gatekeepingPatterns, KEYS, type Exclusion, type Patterns } from "./gatekeeping/wordLists.js";
import { intentToExclude } from "./gatekeeping/intentToExclude.js";

export default defineRule({
  id: "gatekeeping",
  pack: "tone",
  dataKeys: KEYS,
  async check(context: RuleContext) {
    const analysis = analyseMessage(context.message, context.config);
    const patterns = gatekeepingPatterns(context.data);
    const own: ToneJudgement[] = [];
    for (const text of analysis.texts) {
      for (let index = 0; index < text.sentences.length; index++) {
        const sentence = text.sentences[index];
        // (The word line, not its string: the string form is split into words again on every call.)
        if (!patterns.prefilter.test(sentence.words)) continue;
        const found = (await judgedNotOurKind(analysis, patterns, text, index)) ?? intentToExclude(analysis, patterns, text, index);
        if (!found) continue;
        own.push({ text, sentence, messageId: "default", target: found.target, evidence: [wordsOfMatch(sentence, found.cue)] });
      }
    }
    for (const judgement of withModel(analysis, "gatekeeping", own)) {
      // A plan to keep them is no gatekeeping, whatever the model makes of it.
      if (judgement.messageId === "judged" && keepsThem(analysis, patterns, judgement.sentence)) continue;
      reportJudgement(context, analysis, judgement);
    }
  },
});

/** Verbs of meeting and words of frequency: "we don't get that kind of guest very often". */
const ENCOUNTERS = new Set(["get", "gets", "see", "sees", "meet", "meets", "have", "has", "receive", "receives", "come", "hear", "deal", "handle", "host", "usually"]);
const FREQUENCY = new Set(["often", "much", "usually", "every", "many", "anymore", "regularly", "normally", "round", "around"]);

/**
 * A negated "that kind of guest" judges the guest only when what is negated is wanting or
 * welcoming; with a verb of meeting or a word of frequency it says how rare they are.
 */
function saysHowOften(sentence: Sentence, first: number, last: number): boolean {
  const words = sentence.tokens.map((t) => t.norm);
  return words.slice(Math.max(0, first - 3), first).some((w) => ENCOUNTERS.has(w)) || words.slice(last + 1, last + 5).some((w) => FREQUENCY.has(w));
}

async function judgedNotOurKind(analysis: ToneAnalysis, patterns: Patterns, text: ToneText, index: number): Promise<Exclusion | null> {
  const sentence = text.sentences[index];
  const negated = patterns.negatedCues
    .matches(sentence.words)
    .filter((cue) => isNegated(sentence, analysis.lexicon, cue.first, 0) && !saysHowOften(sentence, cue.first, cue.last));
  const cues = [
    ...patterns.cues.matches(sentence.words),
    // "I don't think they are the type of people we would want": the negation may open the sentence.
    ...negated,
  ];
  // "He isn't premium-card material", "I don't think they're right for the building": a
  // customer, as the subject, said not to be suitable.
  for (const mention of sentence.mentions()) {
    if (mention.possessor || mention.kind === "you") continue;
    const complement = complementOf(sentence, mention);
    if (!complement) continue;
    const hit = patterns.unsuitable.matches(sentence.words).find((m) => m.first >= complement.first && m.first <= complement.last);
    if (hit && isNegated(sentence, analysis.lexicon, hit.last, 0)) cues.push({ ...hit, first: mention.first });
  }
  for (const cue of cues) {
    const target = cueTarget(text, index, cue, { allowYou: true });
    if (target && (await isPersonOrOrganisation(target.sentence, target.mention))) return { target, cue };
  }
  return null;
}
