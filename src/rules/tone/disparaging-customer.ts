/**
 * `disparaging-customer`: a judgement aimed at a customer target. The judgement must be about the
 * target, not merely near it, so each way of judging someone is its own construction:
 *
 * - complement: the target is the subject and the insult what it is said to be
 *   ("the couple are a pair of clowns"; not "the server is a nightmare", not "they're not difficult");
 * - epithet: an insult used to point at them ("that idiot at Brightwater", "what a pair of halfwits");
 * - object of contempt ("I can't stand the Renfrews"; not "I hate that the guest had to wait");
 * - dismissal ("Mr X can piss off", "screw these people");
 * - stereotype (a group generalised: "students never pay", "they're lawyers, so expect …"; a kind
 *   of people said to misbehave by habit, "Iranians will haggle every invoice");
 * - contempt and mockery cues, which carry the judgement without a harsh word ("bless them",
 *   "hide the good biscuits") and need a target in the sentence or the one before it.
 *
 * The words live in `rules/tone.yaml`; each construction is a file of its own in
 * `disparaging-customer/`; this file runs them in order.
 */
import { defineRule, type RuleContext } from "../../engine/rule.js";
import type { PackRule } from "../../packs/schema.js";
import { analyseMessage, type Sentence, type ToneAnalysis, type ToneText } from "../../tone/analysis.js";
import { statesAPolicy } from "./modelVetoes.js";
import { isPersonOrOrganisation } from "../../tone/nlp.js";
import { hasAntecedent } from "../../tone/clauses.js";
import { reportJudgement, type ToneJudgement } from "../../tone/report.js";
import { withModel } from "../../tone/model/modelJudgements.js";
import { disparagingPatterns, KEYS, type Found, type Patterns } from "./disparaging-customer/wordLists.js";
import { complements } from "./disparaging-customer/complements.js";
import { epithets } from "./disparaging-customer/epithets.js";
import { objectsOfContempt } from "./disparaging-customer/objectsOfContempt.js";
import { dismissals } from "./disparaging-customer/dismissals.js";
import { profaneNames } from "./disparaging-customer/profaneNames.js";
import { swearingAt } from "./disparaging-customer/swearingAt.js";
import { DEMONSTRATIVES } from "../../tone/grammar.js";
import { stereotypes } from "./disparaging-customer/stereotypes.js";
import { outdone } from "./disparaging-customer/outdone.js";
import { nicknames } from "./disparaging-customer/nicknames.js";
import { namesAGroup } from "./disparaging-customer/groupWords.js";
import { comparisons, likensAFaculty, metBetter } from "./disparaging-customer/comparisons.js";
import { displays, staffAmusement } from "./disparaging-customer/displays.js";
import { metaphors, wearsClothes } from "./disparaging-customer/metaphors.js";
import { laughter } from "./disparaging-customer/laughter.js";
import { rhetorical } from "./disparaging-customer/rhetoricalQuestions.js";
import { contemptCues, mockeryCues, sarcasm, subjectCues } from "./disparaging-customer/mockeryCues.js";
import { dreadOpening, exasperatedAt, gossip } from "./disparaging-customer/gossip.js";
import { punchlines } from "./disparaging-customer/punchlines.js";
import { lexicalInsults, valenceAttributives } from "./disparaging-customer/insults.js";
import { mockCompliance } from "./disparaging-customer/mockCompliance.js";
import { knowingSneers } from "./disparaging-customer/knowingSneers.js";
import { ordeals } from "./disparaging-customer/ordeals.js";
import { stereotypeTags } from "./disparaging-customer/stereotypeTags.js";
import { opensAPrediction, stereotypePredictions } from "./disparaging-customer/stereotypePredictions.js";
import { kindFromOne } from "./disparaging-customer/kindFromOne.js";
import { groupClaims, mayClaimOfAKind } from "./disparaging-customer/groupClaims.js";

export const RULE_ID = "disparaging-customer";

/** The findings of this rule for a message, computed once (the profanity rule reads them too). */
export async function findDisparagement(analysis: ToneAnalysis, data: PackRule): Promise<ToneJudgement[]> {
  const memoKey = `${RULE_ID}:judgements`;
  // (Keyed by the pack entry too: the words are those of the pack being linted.)
  const memo = analysis.memo.get(memoKey) as { data: PackRule; result: Promise<ToneJudgement[]> } | undefined;
  if (memo?.data === data) return memo.result;
  const result = (async () => {
    const patterns = disparagingPatterns(data);
    const out: ToneJudgement[] = [];
    for (const text of analysis.texts) {
      for (let index = 0; index < text.sentences.length; index++) {
        const sentence = text.sentences[index];
        if (!mayDisparage(analysis, patterns, sentence)) continue;
        for (const found of judgeSentence(analysis, patterns, text, index)) {
          // A capitalised first word is a target only if it is a name: "Kyle is …", not "Parking is …".
          if (found.target && !found.personOnly && !(await isPersonOrOrganisation(found.target.sentence, found.target.mention))) continue;
          if (found.target?.mention.anaphor && !hasAntecedent(text, text.sentences.indexOf(found.target.sentence))) continue;
          const { personOnly: _, ...judgement } = found;
          out.push({ ...judgement, text, sentence });
          break;
        }
      }
    }
    return out;
  })();
  analysis.memo.set(memoKey, { data, result });
  return result;
}

/**
 * Whether any construction could find something in the sentence: a word of the pack's, or what
 * the lexicons know beyond it (swearing, clothes, a group by origin, WordNet's insults and figures,
 * a bad word on a person, a faculty of mind likened, a prediction about people just named). The
 * cheap tests come first.
 */
function mayDisparage(analysis: ToneAnalysis, patterns: Patterns, sentence: Sentence): boolean {
  const lex = analysis.lexicon;
  return (
    patterns.prefilter.test(sentence.words) ||
    sentence.profane() ||
    wearsClothes(lex, sentence) ||
    namesAGroup(lex, sentence) ||
    lexicalInsults(lex, patterns, sentence).length > 0 ||
    // (WordNet's insulting adjectives; an animal that is or has something, which may outdo its
    // people: outdone.ts.)
    sentence.tokens.some((t, i) => lex.insultAdjectives.has(t.norm) || (lex.animalNouns.has(t.norm) && OUTDOING_VERBS.has(sentence.tokens[i + 1]?.norm ?? ""))) ||
    likensAFaculty(lex, sentence) ||
    opensAPrediction(sentence) ||
    mayClaimOfAKind(sentence) ||
    valenceAttributives(lex, patterns, sentence).length > 0 ||
    // ("Ugh, this lot.": a short exclamation pointing at people, for exasperatedAt.)
    (sentence.tokens.length <= 8 && patterns.interjections.test(sentence.tokens.find((t) => t.kind === "word")?.norm ?? "") && sentence.tokens.some((t) => DEMONSTRATIVES.has(t.norm)))
  );
}

/** What an animal that outdoes its people does next: "the dog is the sensible one", "has more sense". */
const OUTDOING_VERBS = new Set(["is", "'s", "was", "has", "had", "seems", "got"]);

/** Every construction, in the order their findings are preferred: the first about a customer is reported. */
function* judgeSentence(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  yield* complements(analysis, p, sentence);
  yield* epithets(analysis, p, text, index);
  yield* objectsOfContempt(analysis, p, sentence);
  yield* dismissals(p, sentence);
  yield* profaneNames(analysis, sentence);
  yield* swearingAt(analysis, p, sentence);
  yield* stereotypes(analysis, p, text, index);
  yield* stereotypeTags(analysis.lexicon, p, text, index);
  yield* stereotypePredictions(analysis, p, text, index);
  yield* kindFromOne(analysis, p, text, index);
  yield* groupClaims(analysis, p, text, index);
  yield* comparisons(analysis, p, sentence);
  yield* metBetter(analysis, p, text, index);
  yield* outdone(analysis, p, text, index);
  yield* ordeals(p, sentence);
  yield* metaphors(analysis, p, sentence);
  yield* laughter(p, text, index);
  yield* rhetorical(p, text, index);
  yield* subjectCues(p, sentence);
  yield* contemptCues(p, text, index);
  yield* mockeryCues(p, text, index);
  yield* displays(p, text, index);
  yield* staffAmusement(p, text, index);
  yield* nicknames(analysis, p, text, index);
  yield* mockCompliance(analysis, p, text, index);
  yield* gossip(analysis, p, text, index);
  yield* knowingSneers(p, text, index);
  yield* dreadOpening(p, sentence);
  yield* exasperatedAt(p, analysis.lexicon, text, index);
  yield* sarcasm(p, text, index);
  yield* punchlines(p, text, index);
}

export default defineRule({
  id: RULE_ID,
  pack: "tone",
  dataKeys: KEYS,
  async check(context: RuleContext) {
    const analysis = analyseMessage(context.message, context.config);
    const patterns = disparagingPatterns(context.data);
    const own = await findDisparagement(analysis, context.data);
    for (const judgement of withModel(analysis, "disparaging", own)) {
      // A price or eligibility rule judges no one, whatever the model makes of it.
      if (judgement.messageId === "judged" && statesAPolicy(patterns, judgement.sentence)) continue;
      reportJudgement(context, analysis, judgement);
    }
  },
});
