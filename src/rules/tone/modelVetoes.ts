/**
 * What a rule knows that the tone model does not: sentences on which a model verdict of the
 * rule's class is dropped, because the rule's own data says what the sentence is. Read at lint time
 * by the rules and by `npm run train`, so that a pack's pass example the rule vetoes does not hold
 * the class's threshold up.
 */
import type { Sentence, ToneAnalysis } from "../../tone/analysis.js";
import { negations } from "../../tone/clauses.js";
import type { ModelClass } from "../../tone/model/classify.js";
import type { PackRule } from "../../packs/schema.js";
import { disparagingPatterns, type Patterns as DisparagingPatterns } from "./disparaging-customer/wordLists.js";
import { gatekeepingPatterns, type Patterns as GatekeepingPatterns } from "./gatekeeping/wordLists.js";

/** "Pensioners never pay for the minibus; it's free for over-65s": a price or eligibility rule with no insult in it judges no one. */
export function statesAPolicy(p: DisparagingPatterns, sentence: Sentence): boolean {
  return p.policyWords.test(sentence.words) && !p.insultNouns.test(sentence.words) && !p.insultAdjectives.test(sentence.words) && !sentence.profane();
}

/** "Let's quote the Morrows a fair price so they don't go elsewhere": a plan to keep them, not to turn them away. */
export function keepsThem(analysis: ToneAnalysis, p: GatekeepingPatterns, sentence: Sentence): boolean {
  const negators = negations(sentence, analysis.lexicon);
  return p.consequences.matches(sentence.words).some((c) => negators.some((n) => n.last < c.first && c.first - n.last <= 2));
}

/** The classes whose rule (its pack entry given) drops a model verdict on this sentence. */
export function vetoedClasses(analysis: ToneAnalysis, rules: { disparaging?: PackRule; gatekeeping?: PackRule }, sentence: Sentence): ModelClass[] {
  const out: ModelClass[] = [];
  if (rules.disparaging && statesAPolicy(disparagingPatterns(rules.disparaging), sentence)) out.push("disparaging");
  if (rules.gatekeeping && keepsThem(analysis, gatekeepingPatterns(rules.gatekeeping), sentence)) out.push("gatekeeping");
  return out;
}
