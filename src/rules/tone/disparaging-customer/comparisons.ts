/**
 * The comparison construction: a customer likened to something dim or useless.
 */
import type { Sentence, ToneAnalysis } from "../../../tone/analysis.js";
import { clauseStart, isNegated } from "../../../tone/clauses.js";
import { FUNCTION_WORDS, PREPOSITIONS, SENTENCE_ADVERBS } from "../../../tone/grammar.js";
import type { Found, Patterns } from "./wordLists.js";
import { wordsOfMatch } from "../../../tone/report.js";

/** The dim object ends its noun phrase: "of a brick", not "of the brick shed". */
function endsPhrase(tokens: Sentence["tokens"], last: number): boolean {
  const next = tokens[last + 1];
  return !next || next.kind === "punct" || FUNCTION_WORDS.has(next.norm) || next.norm === "and" || next.norm === "or";
}

/** Words that may sit between a comparison's frame and its object: "of a wet sponge", "as two short planks". */
const OBJECT_LEAD = new Set(["a", "an", "the", "two", "some", "your", "my", "average", "old", "small", "dead", "damp", "stale", "soggy", "broken", "used", "wet", "leaky", "half-eaten"]);
/** Words that may sit between a subject and a comparison frame: "the Hallorans honestly have the brains of …". */
const FRAME_LINK = new Set(["is", "are", "was", "were", "'s", "'re", "has", "have", "had", "'ve", "got", "about", "roughly", "just", "like", "combined", "together", "being", "be", "seems", "seem", ...SENTENCE_ADVERBS]);

/**
 * A comparison that likens a customer to something dim or useless: "Mr Bexley has the IQ of a
 * houseplant", "the Fenwicks are about as much use as a chocolate teapot". The customer must be
 * the subject right before the frame (not "the app … the user sent screenshots"), and the frame
 * must be completed by a dim object (not "the energy of a teenager").
 */
export function* comparisons(analysis: ToneAnalysis, p: Patterns, sentence: Sentence): Generator<Found> {
  const { tokens } = sentence;
  const frames = p.comparisonFrames.matches(sentence.words);
  if (frames.length === 0) return;
  const objects = p.dimObjects.matches(sentence.words);
  for (const f of frames) {
    const object = objects.find((o) => o.first > f.last && o.first - f.last <= 4 && tokens.slice(f.last + 1, o.first).every((t) => OBJECT_LEAD.has(t.norm)) && endsPhrase(tokens, o.last));
    if (!object) continue;
    const start = clauseStart(tokens, f.first);
    const subject = sentence
      .mentions()
      .filter((m) => m.last < f.first && m.first >= start && !m.possessor)
      .pop();
    if (!subject) continue;
    if (!tokens.slice(subject.last + 1, f.first).every((t) => FRAME_LINK.has(t.norm))) continue;
    const before = tokens[subject.first - 1];
    if (before && before.kind === "word" && PREPOSITIONS.has(before.norm) && before.norm !== "between") continue;
    if (isNegated(sentence, analysis.lexicon, f.first, start)) continue;
    yield { messageId: "insult", target: { sentence, mention: subject }, evidence: [wordsOfMatch(sentence, { first: f.first, last: object.last })] };
    return;
  }
}
