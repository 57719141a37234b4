/**
 * Insult words as the constructions read them: not inside an idiom ("guinea pig"), not the
 * writer's judgement of themselves, not an intensifier of praise ("crazy generous"); and swear words
 * used as adjectives on a person noun ("a shit client").
 */
import type { Sentence, ToneAnalysis } from "../../../tone/analysis.js";
import { wordsAboutTheWriter } from "../../../tone/clauses.js";
import { PREPOSITIONS, isProgressiveVerb } from "../../../tone/grammar.js";
import type { PatternMatch } from "../../../tone/patterns.js";
import { wordValence } from "../../../tone/model/modelJudgements.js";
import type { Key, Patterns } from "./wordLists.js";
import { isInsultNoun, isPersonWord, isThingNoun, singularsOf, type ToneLexicon } from "../../../tone/lexicon.js";

export function overlaps(a: PatternMatch, b: { first: number; last: number }): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/**
 * Insult matches that are not part of an idiom ("guinea pig", "in pain"). The insult nouns are the
 * pack's and, written in lower case, WordNet's (`derivedInsults`).
 */
export function insults(analysis: ToneAnalysis, p: Patterns, sentence: Sentence, key: Key): PatternMatch[] {
  const idioms = p.idioms.matches(sentence.words);
  let self: Set<number> | undefined;
  const listed = p[key].matches(sentence.words);
  const derived = key === "insultNouns" ? lexicalInsults(analysis.lexicon, p, sentence) : key === "insultAdjectives" ? derivedAdjectives(analysis.lexicon, sentence) : [];
  const found = derived.length ? [...listed, ...derived.filter((d) => !listed.some((m) => overlaps(m, d)))].sort((a, b) => a.first - b.first) : listed;
  return found.filter((m) => {
    if (idioms.some((i) => overlaps(i, m))) return false;
    // "Fred Fielding and Dick Wiley": a given name before a surname is a name, not an insult.
    if (m.first === m.last && isGivenNameOf(analysis, sentence, m.first)) return false;
    // Words that are also pronouns or negators ("nobody told her") insult only as nouns: "a nobody".
    const word = sentence.tokens[m.first];
    if (m.first === m.last && NEGATING_NOUNS.has(word.norm)) return ["a", "little", "total", "complete", "absolute", "jumped-up", "utter"].includes(sentence.tokens[m.first - 1]?.norm ?? "");
    // The writer's judgement of themselves: "i'm such a muppet, i booked Mrs Aziz into …",
    // "what an idiot I am".
    self ??= wordsAboutTheWriter(sentence.tokens);
    if (self.has(m.first) && self.has(m.last) && !aimedPastTheWriter(sentence, self, m.first)) return false;
    // An insult word before a word of praise only intensifies it: "crazy generous", "wicked smart".
    // (Not a plural noun, which is the subject of what follows: "these idiots want …".)
    const next = sentence.tokens[m.last + 1];
    const plural = word.norm.endsWith("s") && singularsOf(word.norm).some((w) => analysis.lexicon.insultNouns.has(w) || p.insultNouns.test(w));
    if (m.first === m.last && !plural && next?.kind === "word" && wordValence(next.norm) >= 1) return false;
    return true;
  });
}

/**
 * Inside the words after "I'm", an insult may still be aimed at someone else: after a preposition
 * ("I'm done with this bastard") or as the object of a verb in -ing ("I'm telling the greedy
 * bastard where to go"). (The model's token signal keeps the plain span it was trained on.)
 */
function aimedPastTheWriter(sentence: Sentence, self: Set<number>, at: number): boolean {
  const { tokens } = sentence;
  let first = at;
  while (self.has(first - 1)) first--;
  if (isProgressiveVerb(tokens[first]?.norm ?? "")) return true;
  for (let j = first + 1; j < at; j++) if (PREPOSITIONS.has(tokens[j].norm) && tokens[j].norm !== "of") return true;
  return false;
}

/**
 * Words WordNet files as contemptible kinds of person ("ignoramus", "freeloaders"), written in
 * lower case and not quoted: a capitalised one may be a name ("Mick", "Dolt & Sons").
 */
export function derivedInsults(lexicon: ToneLexicon, sentence: Sentence): PatternMatch[] {
  const out: PatternMatch[] = [];
  sentence.tokens.forEach((t, i) => {
    if (t.kind === "word" && !t.quoted && !t.capitalised && isInsultNoun(lexicon, t.norm)) {
      const m = { first: i, last: i };
      DERIVED.add(m);
      out.push(m);
    }
  });
  return out;
}

/**
 * Adjectives of bad character, wits or manners no list of the pack holds (WordNet's: "gormless",
 * "slovenly", "two-faced"), written in lower case and not quoted.
 */
function derivedAdjectives(lexicon: ToneLexicon, sentence: Sentence): PatternMatch[] {
  const out: PatternMatch[] = [];
  sentence.tokens.forEach((t, i) => {
    if (t.kind === "word" && !t.quoted && !t.capitalised && lexicon.insultAdjectives.has(t.norm)) {
      const m = { first: i, last: i };
      DERIVED_ADJECTIVES.add(m);
      out.push(m);
    }
  });
  return out;
}

/**
 * Whether an adjective match is WordNet's only. Such a word may also describe a thing ("sloppy
 * work", "an ugly building"), so it judges only someone surely a person.
 */
export function isDerivedAdjective(m: PatternMatch): boolean {
  return DERIVED_ADJECTIVES.has(m);
}
const DERIVED_ADJECTIVES = new WeakSet<PatternMatch>();

/** Insults no list of the pack holds: WordNet's contemptible kinds, and figures of people. */
export function lexicalInsults(lexicon: ToneLexicon, p: Patterns, sentence: Sentence): PatternMatch[] {
  return [...derivedInsults(lexicon, sentence), ...figuresOfPeople(lexicon, p, sentence)];
}

/**
 * A thing or a bad word made the measure of a person: "an absolute gremlin of a man", "a soggy
 * crouton of a human", "what a mess of a human" (the match runs from the figure to the person
 * noun). Not a likeness of them ("a photo of a man", `figureExceptions`), nor a figure of praise
 * or size ("a giant of a man", "a gem of a client"), nor a relation ("the father of a pupil").
 */
function figuresOfPeople(lex: ToneLexicon, p: Patterns, sentence: Sentence): PatternMatch[] {
  const { tokens } = sentence;
  const out: PatternMatch[] = [];
  tokens.forEach((t, i) => {
    if (t.norm !== "of" || !["a", "an"].includes(tokens[i + 1]?.norm ?? "")) return;
    const figure = tokens[i - 1];
    if (!figure || figure.kind !== "word" || figure.quoted || (figure.capitalised && i - 1 > 0)) return;
    const w = figure.norm;
    if (p.figureExceptions.test(w) || isPersonWord(lex, w) || wordValence(w) > 0) return;
    if (!(isThingNoun(w) || lex.animalNouns.has(w) || wordValence(w) < -0.5 || isInsultNoun(lex, w))) return;
    // The person it measures: "of a [little old] man".
    for (let j = i + 2; j <= i + 4 && j < tokens.length; j++) {
      const n = tokens[j];
      if (n.kind !== "word") return;
      if (isPersonWord(lex, n.norm) || n.norm === "human") {
        out.push({ first: i - 1, last: n.norm === "human" && tokens[j + 1]?.norm === "being" ? j + 1 : j });
        return;
      }
    }
  });
  return out;
}

/** The matches `derivedInsults` made: words no list of the pack holds. */
const DERIVED = new WeakSet<PatternMatch>();

/**
 * Whether an insult match is WordNet's only. Such a word insults as a complement or beside a
 * customer named ("our new dunderhead at table 6"), but does not point at someone on its own:
 * "a group of these weaklings" in talk of a match, "What a dork!" to a friend.
 */
export function isDerivedOnly(m: PatternMatch): boolean {
  return DERIVED.has(m);
}

function isGivenNameOf(analysis: ToneAnalysis, sentence: Sentence, i: number): boolean {
  const t = sentence.tokens[i];
  const next = sentence.tokens[i + 1];
  return t.capitalised && !t.allCaps && analysis.lexicon.givenNames.has(t.norm) && next?.kind === "word" && next.capitalised && !next.allCaps && next.start === t.end + 1;
}

const NEGATING_NOUNS = new Set(["nobody", "nobodies", "none", "nothing"]);

/** Whether the match is (or holds) a swear word: an insult that is also swearing. */
export function isProfane(sentence: Sentence, m: PatternMatch): boolean {
  return sentence.swears().some((w) => overlaps(w, m));
}


/**
 * A swear word used as an adjective on a person: "a shit client", "this bloody couple". The match
 * runs from the swear word to the person noun, and the noun must head its phrase ("the bloody
 * client portal" is about the portal).
 */
export function profaneAttributives(analysis: ToneAnalysis, sentence: Sentence): PatternMatch[] {
  const { tokens } = sentence;
  const lex = analysis.lexicon;
  const out: PatternMatch[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== "word" || t.quoted || !lex.swearWords.has(t.norm)) return;
    for (let j = i + 1; j < tokens.length && j <= i + 2; j++) {
      const n = tokens[j];
      if (n.kind !== "word" || n.quoted) break;
      if (lex.roleNouns.has(n.norm) || lex.relativeNouns.has(n.norm) || lex.personNouns.has(n.norm)) {
        if (!lex.nonPersonHeads.has(tokens[j + 1]?.norm ?? "")) out.push({ first: i, last: j });
        break;
      }
    }
  });
  return out;
}

/**
 * An adjective of bad valence (AFINN-165, -2 or worse; stored rounded, so below -1.5) on a person
 * noun right after it or one word on: "grim woman", "horrible little man". (The person noun is
 * looked for first: a set lookup, where the valence is a search of the word table.)
 */
export function valenceAttributives(lex: ToneLexicon, p: Patterns, sentence: Sentence): PatternMatch[] {
  const { tokens } = sentence;
  const out: PatternMatch[] = [];
  tokens.forEach((n, j) => {
    // (A capitalised person noun is a title: "Complaints Manager" under a signature.)
    if (n.kind !== "word" || n.capitalised || !isPersonWord(lex, n.norm)) return;
    for (let i = j - 1; i >= j - 2 && i >= 0; i--) {
      const t = tokens[i];
      if (t.kind !== "word" || t.quoted) return;
      if (!p.stateAdjectives.test(t.norm) && wordValence(t.norm) < -1.5) {
        out.push({ first: i, last: j });
        return;
      }
    }
  });
  return out;
}
