/**
 * The metaphor construction: a customer said to be a thing that has taken on a person's part
 * ("she's a damp dishcloth in a cardigan", "the man is a lamp that learned to type", "he's a
 * walking HR complaint", "she's a podcast nobody subscribed to").
 */
import type { Sentence, ToneAnalysis } from "../../../tone/analysis.js";
import type { Token } from "../../../text/tokens.js";
import type { Mention } from "../../../tone/targets.js";
import { clauseStart, complementOf, isNegated } from "../../../tone/clauses.js";
import { FUNCTION_WORDS, SENTENCE_ADVERBS } from "../../../tone/grammar.js";
import { isGarmentNoun, isLikenessNoun, isPersonWord, type ToneLexicon } from "../../../tone/lexicon.js";
import { wordsOfMatch } from "../../../tone/report.js";
import { wordValence } from "../../../tone/model/modelJudgements.js";
import type { Found, Patterns } from "./wordLists.js";

/** Words of the likened thing at most, modifiers and noun: "a walking participation trophy". */
const LIKENESS_WORDS = 5;
/** Words that may come between the copula and the "a": "is basically a …", "is just a …". */
const HEDGES = new Set(["basically", "just", "literally", "essentially", "effectively", "such", "quite", "truly", "actually", "really", "like"]);

/**
 * A person subject whose complement is "a" or "an" and a thing (WordNet's nouns for artifacts,
 * food, plants, objects and animals) that acts or is treated as a person: a modifier that makes it
 * one (`personifiers`: "walking", "sentient", "human"), clothes ("… in a cardigan", "in
 * polyester"), a person's doing (`personDoings`: "that learned to type"), or nobody's wanting it
 * (`unwanted`: "… nobody subscribed to"). Not a thing admired ("a walking encyclopedia",
 * `admiredLikenesses`), nor a person noun ("a spaniel in a raincoat" is still said of a dog only
 * when the subject is one, and pets are no customer).
 */
export function* metaphors(analysis: ToneAnalysis, p: Patterns, sentence: Sentence): Generator<Found> {
  const { tokens } = sentence;
  const lex = analysis.lexicon;
  for (const mention of sentence.mentions()) {
    // (A place or slot standing for its people, "table 9", is likened only by a personifier: "table
    // 9 is a walking migraine", not "Room 4 is a fridge".)
    if (mention.possessor) continue;
    const complement = complementOf(sentence, mention);
    if (!complement) continue;
    let a = complement.first;
    while (a <= complement.last && HEDGES.has(tokens[a].norm)) a++;
    if (tokens[a]?.norm !== "a" && tokens[a]?.norm !== "an") continue;
    const thing = likenedPhrase(tokens, a + 1);
    if (!thing) continue;
    const head = tokens[thing.last];
    const modifiers = tokens.slice(thing.first, thing.last);
    if (head.text[0] !== head.norm[0] || isPersonWord(lex, head.norm)) continue;
    if (p.admiredLikenesses.test(head.norm) || modifiers.some((t) => isPersonWord(lex, t.norm) || /\d/.test(t.text))) continue;
    // ("a human migraine", "a human spreadsheet error"; not "a human being" or "human resources".)
    const personified = modifiers.some((t, k) => p.personifiers.test(t.norm) && !(k === modifiers.length - 1 && p.humanCompounds.test(head.norm)));
    if (!mention.personal && !personified) continue;
    const individual = isIndividual(lex, tokens, mention);
    // Dressed or embodied, anything but a thing of praise stands for a person: "a bin fire in a
    // golf polo", "a wet weekend in human form", "a foghorn wrapped in a pashmina".
    const worn = wornSign(lex, p, sentence, thing.last);
    const praised = wordValence(head.norm) > 0 || p.praise.test(head.norm);
    const sign = personified ? thing.last : worn >= 0 && !praised ? worn : isLikenessNoun(head.norm) ? Math.max(personSign(lex, p, sentence, thing.last, individual), individual ? badThing(p, tokens, thing) : -1) : unwantedSign(p, sentence, thing.last);
    if (sign < 0) continue;
    if (isNegated(sentence, lex, a, clauseStart(tokens, mention.first))) continue;
    // "a golden retriever in a suit, in the best way; he got every guest dancing": praise after it
    // makes the likeness fond.
    // (In what follows the likeness, after a comma: "with a loyalty card" is part of it.)
    const after = tokens.findIndex((t, j) => j > sign && (t.text === "," || t.text === ";"));
    if (after >= 0 && tokens.slice(after + 1, after + 7).some((t) => t.kind === "word" && !t.quoted && (wordValence(t.norm) >= 3 || p.praise.test(t.norm)))) continue;
    yield { messageId: "insult", target: { sentence, mention }, evidence: [wordsOfMatch(sentence, { first: a, last: sign })] };
    return;
  }
}

/** The modifiers and noun of a likened thing, from `first` to the end of its phrase. */
function likenedPhrase(tokens: Token[], first: number): { first: number; last: number } | null {
  let i = first;
  while (i < tokens.length && i - first < LIKENESS_WORDS) {
    const t = tokens[i];
    if (t.kind !== "word" || t.quoted || (FUNCTION_WORDS.has(t.norm) && !SENTENCE_ADVERBS.has(t.norm)) || t.norm === "and" || t.norm === "or") break;
    i++;
  }
  // ("a traffic jam squeezed into a blazer": the participle is what was done to the thing.)
  if (i - 1 > first && /ed$/.test(tokens[i - 1].norm) && ["in", "into"].includes(tokens[i]?.norm ?? "")) i--;
  return i > first ? { first, last: i - 1 } : null;
}

/**
 * Where a sign that the thing is standing in for a person ends, after its noun at `head`: clothes
 * ("in a cardigan", "in polyester"), a person's doing ("that learned to type"), or nobody
 * wanting it; -1 if none follows.
 */
function personSign(lex: ToneLexicon, p: Patterns, sentence: Sentence, head: number, individual: boolean): number {
  const { tokens } = sentence;
  const worn = wornSign(lex, p, sentence, head);
  if (worn >= 0) return worn;
  // ("with a headset" only of one person: "the client is a hotel with a spa" is a business.)
  const doing = p.personDoings.matches(sentence.words).find((m) => m.first === head + 1 && (individual || tokens[m.first].norm !== "with"));
  if (doing) return doing.last;
  return unwantedSign(p, sentence, head);
}

/**
 * Said of one person, a thing with a bad word on it (AFINN, or an insulting adjective) or a dim
 * object, ending its clause: "a pompous windsock", "a fossilised turnip". Not "a poor fit for the
 * role", where the phrase goes on.
 */
function badThing(p: Patterns, tokens: Token[], thing: { first: number; last: number }): number {
  const next = tokens[thing.last + 1];
  if (next && next.kind === "word" && !["and", "who", "whose", "that", "honestly", "tbh", "frankly"].includes(next.norm)) return -1;
  const modifiers = tokens.slice(thing.first, thing.last);
  const bad = modifiers.some((t) => wordValence(t.norm) < 0 || p.insultAdjectives.test(t.norm)) || p.dimObjects.test(tokens[thing.last].norm);
  return bad ? thing.last : -1;
}

/**
 * Where clothes or a body put on the thing after its noun at `head` end: "in a cardigan", "wrapped
 * in a pashmina", "in human form", "on legs"; -1 if none follows.
 */
function wornSign(lex: ToneLexicon, p: Patterns, sentence: Sentence, head: number): number {
  const { tokens } = sentence;
  const embodied = p.embodiments.matches(sentence.words).find((m) => m.first === head + 1);
  if (embodied) return embodied.last;
  // (A participle may come first: "stuffed into a gilet", "wrapped in a pashmina".)
  const at = /ed$/.test(tokens[head + 1]?.norm ?? "") ? head + 2 : head + 1;
  if (tokens[at]?.norm !== "in" && tokens[at]?.norm !== "into") return -1;
  for (let j = at + 1; j < tokens.length && j <= at + 3; j++) {
    if (tokens[j].kind !== "word") break;
    if (isGarmentNoun(lex, tokens[j].norm)) return j;
  }
  return -1;
}

/**
 * Whether the mention is one person: a name, a person noun ("the man", "Poppy's dad"), "he" or
 * "she"; not a role that may be a business ("the client", "the buyer").
 */
function isIndividual(lex: ToneLexicon, tokens: Token[], mention: Mention): boolean {
  if (mention.kind === "name" || mention.kind === "person") return true;
  const head = tokens[mention.head].norm;
  if (mention.kind === "role") return isPersonWord(lex, head) && !lex.roleNouns.has(head);
  return mention.kind === "pronoun" && ["he", "she", "him", "her"].includes(head);
}

/** "… nobody subscribed to", "… no one asked for": a thing nobody wanted, whatever the thing. */
function unwantedSign(p: Patterns, sentence: Sentence, head: number): number {
  const unwanted = p.unwanted.matches(sentence.words).find((m) => m.first === head + 1);
  return unwanted ? unwanted.last : -1;
}

/**
 * Whether something in the sentence is worn ("in a cardigan", "into a gilet"): such a sentence is
 * let through to the constructions though no word of theirs is in it.
 */
export function wearsClothes(lex: ToneLexicon, sentence: Sentence): boolean {
  const { tokens } = sentence;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].norm !== "in" && tokens[i].norm !== "into") continue;
    for (let j = i + 1; j < tokens.length && j <= i + 3 && tokens[j].kind === "word"; j++) if (isGarmentNoun(lex, tokens[j].norm)) return true;
  }
  return false;
}
