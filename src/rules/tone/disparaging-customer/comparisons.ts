/**
 * The comparison construction: a customer likened to something dim or useless.
 */
import type { Sentence, ToneAnalysis } from "../../../tone/analysis.js";
import { clauseStart, isNegated, predicateAfter } from "../../../tone/clauses.js";
import { FUNCTION_WORDS, PREPOSITIONS, SENTENCE_ADVERBS } from "../../../tone/grammar.js";
import { isCognitionNoun, isLikenessNoun, isThingNoun, isTradeNoun, type ToneLexicon } from "../../../tone/lexicon.js";
import type { Found, Patterns } from "./wordLists.js";
import { wordsOfMatch } from "../../../tone/report.js";
import { cueTarget } from "../../../tone/cueTarget.js";
import type { ToneText } from "../../../tone/analysis.js";

/** The dim object ends its noun phrase: "of a brick", not "of the brick shed". */
function endsPhrase(tokens: Sentence["tokens"], last: number): boolean {
  const next = tokens[last + 1];
  return !next || next.kind === "punct" || FUNCTION_WORDS.has(next.norm) || next.norm === "and" || next.norm === "or";
}

/** What may open the thing a faculty is likened to: "of a wet seagull", "of two planks". */
const LIKENESS_DETERMINERS = new Set(["a", "an", "the", "some", "two", "one"]);
/** Words of a likened thing at most: "a golden retriever watching a ceiling fan" is a retriever. */
const LIKENESS_WORDS = 4;

interface Span {
  first: number;
  last: number;
}

/**
 * The thing a faculty is likened to, when it is a thing or an animal (WordNet's, any of 18,000:
 * "the manners of a wet seagull", "the problem-solving skills of a microwave burrito", "the
 * survival instincts of a decorative gourd"): a few words after "of" up to the end of their
 * phrase, the last of them the noun. Not a person ("the patience of a saint"), a name ("the
 * charm of a Ferrari"), or a thing admired for the faculty (`admiredLikenesses`: "the memory of an
 * elephant").
 */
function likenedThing(analysis: ToneAnalysis, p: Patterns, sentence: Sentence, of: number): Span | null {
  const { tokens } = sentence;
  let i = of + 1;
  if (tokens[i] && LIKENESS_DETERMINERS.has(tokens[i].norm)) i++;
  const first = i;
  while (i < tokens.length && i - first < LIKENESS_WORDS) {
    const t = tokens[i];
    if (t.kind !== "word" || FUNCTION_WORDS.has(t.norm) || t.norm === "and" || t.norm === "or") break;
    if (i > first && t.norm.endsWith("ing")) break;
    i++;
  }
  const last = i - 1;
  if (last < first) return null;
  const head = tokens[last];
  // (A thing of two words whose last alone names something else: "a parking meter", "a spirit
  // level", "a soap bubble"; WordNet's two-word things, looked up closed.)
  const compound = last > first && isThingNoun(tokens[last - 1].norm + head.norm);
  if (head.text[0] !== head.norm[0] || !(isLikenessNoun(head.norm) || compound)) return null;
  if (tokens.slice(first, last + 1).some((t) => /\d/.test(t.text) || isTradeNoun(analysis.lexicon, t.norm) || analysis.lexicon.personNouns.has(t.norm))) return null;
  if (p.admiredLikenesses.test(tokens.slice(first, last + 1).map((t) => t.norm).join(" "))) return null;
  return { first, last };
}

/**
 * Frames that liken a faculty of mind or manners (`faculties`, and WordNet's of the mind) to something: "has the manners
 * of", "'s got the brains of", "has all the charm of". The frame runs from its "the" (or "all the")
 * to its "of"; a word or two may qualify the faculty ("the combined brains of").
 */
function facultyFrames(lex: ToneLexicon, p: Patterns, sentence: Sentence): Span[] {
  const { tokens } = sentence;
  const frames: Span[] = [];
  // The pack's faculties, and WordNet's of the mind: "the numeracy of", "the survival instincts of".
  const listed = p.faculties.matches(sentence.words);
  const minds = tokens.flatMap((t, i) => (t.kind === "word" && tokens[i + 1]?.norm === "of" && isCognitionNoun(lex, t.norm) && !listed.some((m) => m.first <= i && i <= m.last) ? [{ first: i, last: i }] : []));
  for (const m of [...listed, ...minds]) {
    if (tokens[m.last + 1]?.norm !== "of") continue;
    let the = m.first - 1;
    while (the >= 0 && m.first - the <= 3 && tokens[the].norm !== "the") the--;
    if (the < 0 || tokens[the].norm !== "the") continue;
    if (tokens.slice(the + 1, m.first).some((t) => t.kind !== "word" || FUNCTION_WORDS.has(t.norm))) continue;
    frames.push({ first: tokens[the - 1]?.norm === "all" ? the - 1 : the, last: m.last + 1 });
  }
  // "has all the sweetness of a crab apple": after "all the", any quality is said with a sneer.
  for (let i = 0; i + 3 < tokens.length; i++) {
    if (tokens[i].norm !== "all" || tokens[i + 1].norm !== "the" || tokens[i + 3].norm !== "of") continue;
    const quality = tokens[i + 2];
    if (quality.kind === "word" && !FUNCTION_WORDS.has(quality.norm) && !frames.some((f) => f.first === i)) frames.push({ first: i, last: i + 3 });
  }
  return frames;
}

/** Whether a faculty of the mind is likened in the sentence: "the numeracy of …" (a comparison may follow). */
export function likensAFaculty(lex: ToneLexicon, sentence: Sentence): boolean {
  const { tokens } = sentence;
  return tokens.some((t, i) => t.kind === "word" && tokens[i + 1]?.norm === "of" && isCognitionNoun(lex, t.norm));
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
  const faculties = facultyFrames(analysis.lexicon, p, sentence);
  if (frames.length === 0 && faculties.length === 0) return;
  const objects = p.dimObjects.matches(sentence.words);
  const likened: Array<{ frame: Span; object: Span }> = [];
  for (const f of frames) {
    const object = objects.find((o) => o.first > f.last && o.first - f.last <= 4 && tokens.slice(f.last + 1, o.first).every((t) => OBJECT_LEAD.has(t.norm)) && endsPhrase(tokens, o.last));
    if (object) likened.push({ frame: f, object });
    // "about as sharp as a beach ball": a simile of a faculty with any thing (WordNet's) in it,
    // not one of praise ("as sharp as a tack", `admiredLikenesses`).
    else if (tokens[f.first].norm === "as" && tokens[f.last].norm === "as") {
      const thing = likenedThing(analysis, p, sentence, f.last);
      if (thing && endsPhrase(tokens, thing.last)) likened.push({ frame: f, object: thing });
    }
  }
  for (const f of faculties) {
    const object = likenedThing(analysis, p, sentence, f.last);
    if (object) likened.push({ frame: f, object });
  }
  for (const { frame: f, object } of likened) {
    const start = clauseStart(tokens, f.first);
    // The subject is right before the frame's link ("Mr Bexley has the IQ of …") or reaches it
    // over a short attached phrase ("the guy at the desk has the personality of …").
    let link = f.first;
    while (link > start && FRAME_LINK.has(tokens[link - 1].norm)) link--;
    const subject = sentence
      .mentions()
      .filter((m) => m.last < f.first && m.first >= start && !m.possessor && (m.last + 1 >= link || predicateAfter(sentence, m, (j) => j === link) === link))
      .pop();
    if (!subject) continue;
    const before = tokens[subject.first - 1];
    if (before && before.kind === "word" && PREPOSITIONS.has(before.norm) && before.norm !== "between") continue;
    if (isNegated(sentence, analysis.lexicon, f.first, start)) continue;
    yield { messageId: "insult", target: { sentence, mention: subject }, evidence: [wordsOfMatch(sentence, { first: f.first, last: object.last })] };
    return;
  }
}

/** Words between "I've met" and the things met at most: "more self-aware traffic cones". */
const MET_WORDS = 4;

/**
 * The customer found wanting beside things: "I've met more self-aware traffic cones", "I've met
 * turnips with better manners". The writer has met (`metFrames`) things (WordNet's, in the
 * plural) said to be better (`betterThan`, before them or after "with"); the customer is whoever
 * the sentence or the paragraph is about.
 */
export function* metBetter(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const { tokens } = sentence;
  for (const cue of p.metFrames.matches(sentence.words)) {
    const betterBefore = p.betterThan.test(tokens[cue.last + 1]?.norm ?? "");
    let head = -1;
    for (let j = cue.last + 1; j < tokens.length && j <= cue.last + MET_WORDS; j++) {
      const t = tokens[j];
      if (t.kind !== "word" || (FUNCTION_WORDS.has(t.norm) && !p.betterThan.test(t.norm))) break;
      const next = tokens[j + 1];
      if (!next || next.kind === "punct" || next.norm === "with" || next.norm === "than") {
        head = j;
        break;
      }
    }
    if (head < 0 || !tokens[head].norm.endsWith("s") || !isThingNoun(tokens[head].norm) || isTradeNoun(analysis.lexicon, tokens[head].norm) || p.admiredLikenesses.test(tokens[head].norm)) continue;
    const betterAfter = tokens[head + 1]?.norm === "with" && p.betterThan.test(tokens[head + 2]?.norm ?? "");
    if (!betterBefore && !betterAfter) continue;
    // "She loved the tour. I've met more enthusiastic puppies, but not many": praise, teasing.
    const before = text.sentences[index - 1];
    const warm = (x: typeof sentence | undefined) => x !== undefined && x.paragraph === sentence.paragraph && (p.praise.test(x.words) || p.warmth.test(x.words));
    if (warm(sentence) || warm(before) || p.concessions.test(sentence.words)) continue;
    const target = cueTarget(text, index, cue, { allowYou: false });
    if (target) yield { messageId: "insult", target, evidence: [wordsOfMatch(sentence, { first: cue.first, last: betterAfter ? Math.min(head + 3, tokens.length - 1) : head })] };
    return;
  }
}
