/**
 * The object-of-contempt construction: a verb of contempt with the customer as its object ("I can't
 * stand the Renfrews"; not "I hate that the guest had to wait").
 */
import type { Sentence, ToneAnalysis } from "../../../tone/analysis.js";
import { isNegated } from "../../../tone/clauses.js";
import { DETERMINERS } from "../../../tone/grammar.js";
import type { Found, Patterns } from "./wordLists.js";
import { wordsOfMatch } from "../../../tone/report.js";
import { insults, overlaps } from "./insults.js";
import { NOTE_OPENERS } from "./epithets.js";

/** What of someone may be unbearable: "the sight of them", "the sound of her" (not "the thought of them waiting", an event). */
const SENSES = new Set(["sight", "sound", "smell", "voice"]);
const COMPLEMENTISERS = new Set(["to", "for", "if", "when", "how", "it", "this", "myself", "having", "being", "the way", "what"]);

export function* objectsOfContempt(analysis: ToneAnalysis, p: Patterns, sentence: Sentence): Generator<Found> {
  const { tokens } = sentence;
  for (const verb of p.contemptVerbs.matches(sentence.words)) {
    const before = tokens[verb.first - 1]?.norm ?? "";
    // "It's a pity the client …", "what a hate": nouns, not verbs.
    if (verb.first === verb.last && ["a", "an", "the", "what", "such", "no"].includes(before)) continue;
    const next = tokens[verb.last + 1];
    if (!next || COMPLEMENTISERS.has(next.norm) || /ing$/.test(next.norm)) continue;
    // "I hate that the guest had to wait": "that" + a clause is a complementiser, not "that man".
    if (next.norm === "that" && ["the", "a", "our", "we", "he", "she", "they", "it", "you", "i", "there"].includes(tokens[verb.last + 2]?.norm ?? "")) continue;
    // "I can't stand the sight of them": the one seen, heard or thought of is the object.
    const at = tokens[verb.last + 1]?.norm === "the" && SENSES.has(tokens[verb.last + 2]?.norm ?? "") && tokens[verb.last + 3]?.norm === "of" ? verb.last + 3 : verb.last;
    const object = sentence.mentions().find((m) => m.first > at && !m.possessor && (m.first <= at + 2 || onlyModifiers(analysis, p, sentence, at + 1, m.first)));
    if (!object) continue;
    // "I hate the sight of them waiting in the rain": what is hated is what happens to them.
    if (at !== verb.last && /ing$/.test(tokens[object.last + 1]?.norm ?? "")) continue;
    const inherentlyNegative = analysis.lexicon.negators.matches(sentence.words).some((n) => overlaps(n, verb));
    if (!inherentlyNegative && isNegated(sentence, analysis.lexicon, verb.first)) continue;
    yield { messageId: "contempt", target: { sentence, mention: object }, evidence: [wordsOfMatch(sentence, verb)] };
  }
}

/** Whether tokens [from, to) are only determiners and insulting or swearing adjectives: "this bloody". */
function onlyModifiers(analysis: ToneAnalysis, p: Patterns, sentence: Sentence, from: number, to: number): boolean {
  if (to - from > 4) return false;
  const adjectives = insults(analysis, p, sentence, "insultAdjectives");
  for (let j = from; j < to; j++) {
    const t = sentence.tokens[j];
    if (t.kind !== "word") return false;
    if (DETERMINERS.has(t.norm) || analysis.lexicon.swearWords.has(t.norm) || NOTE_OPENERS.has(t.norm) || adjectives.some((a) => a.first <= j && j <= a.last)) continue;
    return false;
  }
  return true;
}
