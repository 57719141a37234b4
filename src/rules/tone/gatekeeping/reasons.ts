/**
 * The reasons next to an intent: about who the customer is (which makes it gatekeeping), or about
 * the booking (capacity, policy, safety), which makes a deterrent no more than a kind refusal.
 */
import type { ToneAnalysis, ToneText } from "../../../tone/analysis.js";
import { clauseStart, isNegated, negations } from "../../../tone/clauses.js";
import type { PatternMatch } from "../../../tone/patterns.js";
import type { Patterns } from "./wordLists.js";
import { isPersonWord, type ToneLexicon } from "../../../tone/lexicon.js";

/**
 * A reason about who the customer is, in the sentence or the one next to it in its paragraph. In
 * the intent's own sentence a negation inside the intent ("we'd rather not have …") is the
 * intent's, not the reason's.
 */
export function hasIdentityReason(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number, intent: PatternMatch): boolean {
  const here = text.sentences[index];
  const lex = analysis.lexicon;
  for (const k of [index, index - 1, index + 1]) {
    const s = text.sentences[k];
    if (!s || s.paragraph !== here.paragraph) continue;
    const from = (m: PatternMatch, base: number) => (k === index && m.first > intent.last ? Math.max(base, intent.last + 1) : base);
    // Its own negation is part of it ("don't belong", "not the clientele"); else nothing may negate
    // it ("wouldn't stick out").
    const holds = (m: PatternMatch) => negations(s, lex).some((n) => n.first >= m.first && n.first <= m.last) || !isNegated(s, lex, m.first, from(m, clauseStart(s.tokens, m.first)));
    if (p.reasons.matches(s.words).some(holds)) return true;
    if (p.framingReasons.test(s.words)) return true;
    // (A kind of something is no kind of people: "that kind of money"; but "that sort of area",
    // "the kind of shipper we want" are.)
    if (p.kindReasons.matches(s.words).some((m) => (s.tokens[m.last + 1]?.norm !== "of" || ofPeopleOrPlace(lex, s.tokens[m.last + 2]?.norm ?? "")) && holds(m))) return true;
    // "they're not exactly country-club people": these hold only when negated.
    if (p.negatedReasons.matches(s.words).some((m) => isNegated(s, lex, m.first, from(m, 0)))) return true;
  }
  return false;
}

export function hasNeutralReason(p: Patterns, text: ToneText, index: number): boolean {
  const here = text.sentences[index];
  for (const k of [index, index - 1, index + 1]) {
    const s = text.sentences[k];
    if (s && s.paragraph === here.paragraph && p.neutralReasons.test(s.words)) return true;
  }
  return false;
}

/** Places that stand for who lives there: "that sort of area", "that kind of postcode". */
const PLACES_OF_PEOPLE = new Set(["area", "areas", "estate", "estates", "postcode", "postcodes", "neighbourhood", "neighborhood", "street", "school", "background", "crowd", "clientele"]);

function ofPeopleOrPlace(lex: ToneLexicon, word: string): boolean {
  return PLACES_OF_PEOPLE.has(word) || isPersonWord(lex, word);
}
