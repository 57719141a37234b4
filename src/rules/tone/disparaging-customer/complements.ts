/**
 * The complement construction: the customer is the subject and the insult what they are said to be
 * ("the couple are a pair of clowns"; not "the server is a nightmare", not "they're not difficult").
 */
import type { Sentence, ToneAnalysis } from "../../../tone/analysis.js";
import { clauseStart, complementOf, isNegated, isPredicative } from "../../../tone/clauses.js";
import { DETERMINERS } from "../../../tone/grammar.js";
import type { PatternMatch } from "../../../tone/patterns.js";
import type { Found, Patterns } from "./wordLists.js";
import { insults, isProfane, overlaps, profaneAttributives } from "./insults.js";

const OBJECT_PRONOUNS = new Set(["me", "us", "him", "her", "them", "everyone", "everybody", "people", "staff"]);
const PLACE_VERBS = new Set(["insure", "run", "feed", "house", "host", "cover", "heat", "maintain", "reach", "find", "get", "park", "access", "locate", "visit", "navigate", "book", "contact", "load", "install", "use", "read", "open"]);

export function* complements(analysis: ToneAnalysis, p: Patterns, sentence: Sentence): Generator<Found> {
  const { tokens } = sentence;
  // "a bit special", "a bit slow": only at the end of the clause ("a bit slow to reply" is a fact).
  const euphemisms = insults(p, sentence, "euphemisms").filter((m) => {
    const n = tokens[m.last + 1];
    return !n || (n.kind === "punct" && n.text !== "-" && n.text !== "'") || ["if", "bless", "lol", "tbh", "honestly", "shall"].includes(n.norm);
  });
  const personOnly = [...insults(p, sentence, "insultNouns"), ...insults(p, sentence, "insultAdjectives"), ...profaneAttributives(analysis, sentence), ...euphemisms];
  const harsh = insults(p, sentence, "harshJudgements");
  const alsoThings = p.alsoThings.matches(sentence.words);
  for (const mention of sentence.mentions()) {
    const complement = complementOf(sentence, mention, analysis.lexicon);
    if (!complement) continue;
    const inWindow = (m: PatternMatch) => m.first >= complement.first && m.first <= complement.last && isPredicative(tokens, complement, m.first);
    const personHit = personOnly.find(inWindow);
    // Words that also describe things ("useless", "a nightmare") judge only a subject that is surely
    // a person: "she", "the client", a name — not "they", which may be the new printers.
    const hit = personHit ?? (mention.personal ? harsh.find(inWindow) : undefined);
    if (!hit) continue;
    // "is annoying the neighbours": a verb with an object, not a judgement of the subject.
    const after = tokens[hit.last + 1];
    if (hit.first === hit.last && /ing$/.test(tokens[hit.first].norm) && after && (DETERMINERS.has(after.norm) || OBJECT_PRONOUNS.has(after.norm))) continue;
    // "is a nightmare to reach by bus", "impossible to park at": the place, not the person.
    if (hit !== personHit && after?.norm === "to" && PLACE_VERBS.has(tokens[hit.last + 2]?.norm ?? "")) continue;
    // "A handful but great fun": the concession takes the sting out.
    if (hit !== personHit && p.concessions.matches(sentence.words).some((c) => c.first > hit.last)) continue;
    // "They're not difficult at all", "Nobody here thinks the client is stupid".
    if (isNegated(sentence, analysis.lexicon, hit.first, clauseStart(tokens, mention.first))) continue;
    // "Kyle is clueless" needs no tagger; "Parking is a total shitshow" does ("shitshow" also describes things).
    const personOnlyWord = hit === personHit && !alsoThings.some((t) => overlaps(t, hit)) && !euphemisms.includes(hit);
    yield { messageId: isProfane(sentence, hit) ? "profanity" : "insult", target: { sentence, mention }, personOnly: personOnlyWord };
  }
}
