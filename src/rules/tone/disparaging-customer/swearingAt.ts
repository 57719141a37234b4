/**
 * Swearing aimed at a customer by the grammar of its clause, whatever the swear word (SPEC §3: aimed
 * at a customer it is disparaging-customer, not profanity):
 * - said of them: the customer is the subject and the swear word is in what they are said to be
 *   ("Mr Kaye is a miserable shit", "14D is a total fucking menace", "The charterers are such a load
 *   of wankers");
 * - wished on them: the subject and a modal before it ("Hawthorn can go fuck themselves", "The
 *   client can take his facts and fuck off");
 * - sworn at them: the swear word straight before them ("fuck Bexley Dental", "fuck off Gary").
 * Not swearing that intensifies praise or a state ("is fucking brilliant", "was bloody furious"),
 * not their words reported ("the client said the service was shit"), and not a swear word on a
 * thing after it ("is a bloody nightmare to reach" is read elsewhere; "sent the bloody form").
 */
import type { Sentence, ToneAnalysis } from "../../../tone/analysis.js";
import { clauseStart, isNegated } from "../../../tone/clauses.js";
import { isThingNoun } from "../../../tone/lexicon.js";
import { INTENSIFIERS, PREPOSITIONS } from "../../../tone/grammar.js";
import { wordValence } from "../../../tone/model/modelJudgements.js";
import { wordsOfMatch } from "../../../tone/report.js";
import type { Found, Patterns } from "./wordLists.js";

const MODALS = new Set(["can", "could", "should", "may", "might"]);
const COPULAS = new Set(["is", "are", "'s", "'re", "was", "were", "being", "been", "be"]);
/** Verbs that make what follows someone's words, not a judgement of them. */
const REPORTING = new Set(["said", "says", "say", "told", "tells", "thinks", "think", "thought", "reckons", "reckoned", "called", "calls", "asked", "asks", "wrote", "writes", "emailed", "claims", "claimed", "complained", "feels", "felt", "found", "finds"]);
/** Swear words that are verbs of dismissal when they come straight before someone. */
const SWEAR_VERBS = new Set(["fuck", "f***", "f*ck", "screw", "sod", "bugger"]);
/** Words after a swear word that leave it the head of its phrase: "a prick about the fee", "fuck off". */
const TAILS = new Set(["about", "to", "and", "again", "tbh", "honestly", "frankly", "mate", "off", "himself", "herself", "themselves", "itself", "right", "with", "of"]);
/** Words that make the complement a thing they are: "a", "such", "an absolute". */
const ARTICLES = new Set(["a", "an", "such", ...INTENSIFIERS]);
/** How far into the complement the swear word may sit: "is [a total fucking] menace". */
const REACH = 5;

export function* swearingAt(analysis: ToneAnalysis, p: Patterns, sentence: Sentence): Generator<Found> {
  if (!sentence.profane()) return;
  const { tokens } = sentence;
  const mentions = sentence.mentions().filter((m) => m.kind !== "you" && !m.possessor);
  for (const swear of sentence.swears()) {
    const word = tokens[swear.first];
    if (word.quoted) continue;
    // "fuck Bexley Dental and their printer": sworn at them.
    // ("fuck off Gary", "sod off, Mr Pike": told where to go, by name.)
    const off = tokens[swear.last + 1]?.norm === "off" ? (tokens[swear.last + 2]?.text === "," ? swear.last + 3 : swear.last + 2) : -1;
    const object = mentions.find((m) => (m.first === swear.last + 1 || (m.first === off && m.kind !== "pronoun")) && !m.uncertain);
    if (object && SWEAR_VERBS.has(word.norm)) {
      yield { messageId: "profanity", target: { sentence, mention: object }, evidence: [wordsOfMatch(sentence, swear)] };
      return;
    }
    const start = clauseStart(tokens, swear.first);
    // (Not a name inside a phrase of place: "ATC in Marseille is a bloody shambles".)
    const subject = mentions.filter((m) => m.first >= start && m.last < swear.first && !PREPOSITIONS.has(tokens[m.first - 1]?.norm ?? "")).pop();
    if (!subject || isNegated(sentence, analysis.lexicon, swear.first, start)) continue;
    const between = tokens.slice(subject.last + 1, swear.first);
    if (between.some((t) => REPORTING.has(t.norm))) continue;
    const verb = tokens[subject.last + 1];
    // (A capitalised first word is their name only with a verb after it: "Hawthorn can …", "Coldharbour are …".)
    if (subject.uncertain && !(verb && (MODALS.has(verb.norm) || COPULAS.has(verb.norm)))) continue;
    const wished = between.some((t) => MODALS.has(t.norm));
    const said = verb !== undefined && COPULAS.has(verb.norm) && swear.first - subject.last <= REACH + 1;
    if (!wished && !said) continue;
    // What the swear word leans on: "fucking brilliant" is praise, "bloody furious" a state,
    // "the bloody form" a thing.
    const next = tokens[swear.last + 1];
    const leansOn = next !== undefined && next.kind === "word" && !TAILS.has(next.norm);
    if (leansOn) {
      if (wordValence(next.norm) > 0 || p.stateAdjectives.test(next.norm) || p.figureExceptions.test(next.norm) || p.praise.test(next.norm)) continue;
      // "ATC in Marseille is a bloody shambles": a word that also judges things, of a subject that may be one.
      if (said && (!subject.personal || isThingNoun(next.norm))) continue;
      // A harsh word that also judges things ("a bloody shambles") needs a subject that is surely a person, not a name that may be an organisation.
      if ((p.alsoThings.test(next.norm) || p.harshJudgements.test(next.norm)) && !["role", "person", "pronoun", "recipient"].includes(subject.kind)) continue;
    } else if (said && !between.some((t) => ARTICLES.has(t.norm))) {
      // "she was pissed": a state; "he's a miserable shit" names what they are.
      continue;
    }
    yield { messageId: "profanity", target: { sentence, mention: subject }, evidence: [wordsOfMatch(sentence, swear)] };
    return;
  }
}
