/**
 * Just enough clause structure to tie a judgement to its target: is this mention the subject of
 * a copula, which words form its complement, is the judgement negated, and — for a sentence that
 * names no one ("What a pair of halfwits.") — who the paragraph was about.
 */
import type { Token } from "../text/tokens.js";
import type { ToneLexicon } from "./lexicon.js";
import type { Mention } from "./targets.js";
import type { Sentence, ToneText } from "./analysis.js";
import type { PatternMatch } from "./patterns.js";
import { CLAUSE_BREAKERS, FUNCTION_WORDS, PREPOSITIONS, RELATIVE_PRONOUNS, SENTENCE_ADVERBS, SUBJECT_PRONOUNS, isProgressiveVerb } from "./grammar.js";

// An emoji mid-sentence closes a thought as a dash does: "… as 'brand new' 🙃 absolute grifter".
const isBoundary = (t: Token) => t.kind === "punct" && (/^[,;:.!?()\u2014\u2013]$/.test(t.text) || /^\p{Extended_Pictographic}/u.test(t.text));
const isHardBoundary = (t: Token) => t.kind === "punct" && /^[;:.!?()\u2014\u2013]$/.test(t.text);

/** Where the clause holding token `i` starts: after the last comma, colon or "but" before it. */
export function clauseStart(tokens: Token[], i: number): number {
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j];
    if (isBoundary(t) || (t.kind === "word" && ["but", "so", "because", "although", "though", "whereas"].includes(t.norm))) return j + 1;
  }
  return 0;
}

/**
 * The start of the clause holding token `i`, reaching back over one aside set off by commas
 * ("Their head of events, on the other hand, can …", "Mr Pike, frankly, is …"): an aside of at
 * most four words, when nothing of the clause comes before `i`. Else `clauseStart`.
 */
export function clauseStartOverAside(tokens: Token[], i: number): number {
  const start = clauseStart(tokens, i);
  // (Only when the clause opens with `i`: "this port and its weather can go to hell" has its own subject.)
  if (start !== i || start < 2 || tokens[start - 1].text !== ",") return start;
  for (let j = start - 2; j >= 0 && start - 1 - j <= 5; j--) {
    if (tokens[j].text === ",") return j > 0 && tokens.slice(j + 1, start - 1).every((t) => t.kind === "word") ? clauseStart(tokens, j) : start;
    if (tokens[j].kind === "punct") return start;
  }
  return start;
}

/** Verbs that link the writer to what they say they are: "I'm", "I was", "I felt", "I've been". */
const SELF_LINKS = new Set(["'m", "am", "was", "feel", "felt", "'ve", "look", "looked", "sound", "sounded"]);
/** How far a judgement of the writer reaches from "I'm" ("I'm such a complete and utter muppet"). */
const SELF_REACH = 6;
const REPORTING = /^(?:told|said|asked|sent|given|shown|informed|advised|to|going|hoping|thinking|wondering|saying|trying|about)$/;
const NEW_CLAUSE = new Set(["is", "are", "was", "were", "who", "which", "to"]);

/**
 * The tokens that judge the writer, not anyone else: the complement of "I'm", "I was", "I felt"
 * ("He must think I'm the biggest idiot"), up to the end of its clause, and the exclamation
 * before a closing "I am" ("what an idiot I am", "what a fool I was to book it"). The constructions
 * and the model both read it, so a writer's joke about themselves is one thing to both.
 */
export function wordsAboutTheWriter(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const linked = t.norm === "i" && SELF_LINKS.has(tokens[i + 1]?.norm ?? "");
    if (!linked && t.norm !== "im" && t.norm !== "i'm") continue;
    const from = linked ? i + 2 : i + 1;
    // "I was told the buyer is …", "I'm hoping they …": a verb after the link reports something
    // else; the writer is judged only by what they are said to be.
    if (!REPORTING.test(tokens[from]?.norm ?? "")) {
      for (let j = from; j < tokens.length && j < from + SELF_REACH; j++) {
        if (tokens[j].kind === "punct" || CLAUSE_BREAKERS.has(tokens[j].norm) || NEW_CLAUSE.has(tokens[j].norm)) break;
        out.add(j);
      }
    }
    // "What an idiot I am", "what a fool I was to book it": the judgement came first.
    const after = tokens[i + 2];
    const closes = after === undefined || after.kind === "punct" || after.norm === "to" || after.norm === "for";
    if (!linked || !["am", "was"].includes(tokens[i + 1].norm) || !closes) continue;
    for (let j = i - 1; j >= 0 && j >= i - SELF_REACH; j--) {
      if (tokens[j].kind === "punct" || CLAUSE_BREAKERS.has(tokens[j].norm)) break;
      out.add(j);
    }
  }
  return out;
}

/** Token ranges of the negators in a sentence ("not", "n't", "never", "far from", …). */
export function negations(sentence: Sentence, lexicon: ToneLexicon): PatternMatch[] {
  return lexicon.negators.matches(sentence.words).filter((m) => {
    const word = sentence.tokens[m.first];
    // "a little nobody", "a nobody": the noun, not the negator.
    if (word.norm === "nobody" && ["a", "little", "total", "complete"].includes(sentence.tokens[m.first - 1]?.norm ?? "")) return false;
    // "no one" in "no one but" is still a negator; "No." alone answers a question and negates nothing after it.
    return !(word.norm === "no" && sentence.tokens[m.first + 1]?.kind === "punct");
  });
}

/** A negator in the clause before `at` (from the clause start, or from `from` when given). */
export function isNegated(sentence: Sentence, lexicon: ToneLexicon, at: number, from?: number): boolean {
  const start = from ?? clauseStart(sentence.tokens, at);
  return negations(sentence, lexicon).some((n) => n.first >= start && n.first < at);
}

export interface Complement {
  copula: PatternMatch;
  /** Tokens [first, last] where a judgement of the subject may sit. */
  first: number;
  last: number;
}

/**
 * When `mention` is the subject of a copula — "the guest in 214 is …", "the man who booked the
 * suite was …", "she's being …" — the window of words after it that can judge it. A mention that
 * is an object ("we emailed the client, the portal is …") is cut off by the comma; one that is a
 * possessor ("the client's portal is …") is not a subject at all.
 */
const OBJECT_CASE = new Set(["him", "her", "them", "me", "us", "whom"]);
/** Words before "of them" that make "them" the subject: "the pair of them are …". */
const QUANTITIES_OF = new Set(["pair", "two", "three", "four", "both", "all", "lot", "couple", "rest", "each", "either", "neither"]);

export function complementOf(sentence: Sentence, mention: Mention): Complement | null {
  if (mention.possessor) return null;
  const tokens = sentence.tokens;
  // Inside another phrase: in "the letter from the client is rude" the letter is rude, not the client.
  // (But "the pair of them are …", "both of them were …": they are the subject.)
  const before = tokens[mention.first - 1];
  const ofThem = before?.norm === "of" && QUANTITIES_OF.has(tokens[mention.first - 2]?.norm ?? "") && ["them", "us"].includes(tokens[mention.first].norm);
  if (before && before.kind === "word" && PREPOSITIONS.has(before.norm) && !ofThem) return null;
  // An object pronoun is no subject: in "which I told him was impossible" the "which" is
  // impossible, and in "… allowed to interview her has to be a joke" the request is the joke.
  if (mention.first === mention.last && OBJECT_CASE.has(tokens[mention.first].norm) && !ofThem) return null;
  const copulas = sentence.copulas();
  // "Kyle, the new lead, is …", "Mr Hale the builder is …": a name, then who they are.
  const copulaAt = (j: number) => copulas.some((c) => c.first === j);
  const afterApposition = mention.kind === "name" || mention.kind === "recipient" ? appositionEnd(tokens, mention.last, copulaAt) : -1;
  if (afterApposition >= 0) {
    const copula = copulas.find((c) => c.first === afterApposition + 1);
    if (copula) return { copula, first: copula.last + 1, last: windowEnd(tokens, copula.last + 1) };
  }
  const j = predicateAfter(sentence, mention, (k) => copulas.some((c) => c.first === k));
  const copula = j >= 0 ? copulas.find((c) => c.first === j) : undefined;
  return copula ? { copula, first: copula.last + 1, last: windowEnd(tokens, copula.last + 1) } : null;
}

/**
 * Where the predicate of `mention` starts (the first token for which `isPredicate` holds), when
 * the mention is its subject: right after it, or over a relative clause ("the man who booked the
 * suite was …"), an adverb or auxiliary, or a short attached phrase ("the guest in 214 is …",
 * "the guy at the desk has the manners of …"); -1 when another verb or a boundary comes first.
 */
export function predicateAfter(sentence: Sentence, mention: Mention, isPredicate: (j: number) => boolean): number {
  const tokens = sentence.tokens;
  // "Whoever signed off this brief must be …": "whoever" opens its own relative clause.
  let inRelative = tokens[mention.first].norm === "whoever";
  // The mention may end inside its own attached phrase ("Devlin on the Malaga" of "Devlin on
  // the Malaga flight is …"): the phrase goes on after it.
  let phraseStart = -1;
  for (let j = mention.head + 1; j <= mention.last; j++) if (tokens[j].kind === "word" && PREPOSITIONS.has(tokens[j].norm)) phraseStart = j;
  let inPhrase = phraseStart >= 0;
  // Only someone surely a person reaches over a longer phrase ("the lady with the walker is …"):
  // a place or slot may be the place ("room 4 at the back is …").
  const longPhrase = mention.kind !== "person" || mention.personal;
  // A relative clause may run longer than a phrase: "the chap who bought 40 tickets for the
  // Maren Vale show and now wants a refund on 38 of them is …".
  for (let j = mention.last + 1; j < tokens.length && j <= mention.last + (inRelative ? 24 : 14); j++) {
    const t = tokens[j];
    if (isPredicate(j)) return j;
    if (isBoundary(t)) {
      if (inRelative && t.text === ",") continue;
      // "The buyer from Halden, who wanted a discount on everything, is …": a relative clause
      // between commas.
      if (t.text === "," && ["who", "whose"].includes(tokens[j + 1]?.norm ?? "") && mention.personal) {
        inRelative = true;
        j++;
        continue;
      }
      // An apposition: "Our client, Mr Vance, is …" — the name between commas is the subject.
      if (t.text === "," && j === mention.last + 1 && tokens[mention.first - 1]?.text === "," && isPredicate(j + 1)) continue;
      return -1;
    }
    if (t.kind === "punct") continue;
    if (j === mention.last + 1 && RELATIVE_PRONOUNS.has(t.norm)) {
      inRelative = true;
      continue;
    }
    // "the guy spamming our discord about the patch has …": a participle right after a person noun
    // opens a relative clause of its own, with words of its own before the predicate ("Microsoft
    // licensing is …" is a noun), unless it reports words ("the client saying the room is filthy").
    if (j === mention.last + 1 && mention.personal && (mention.kind === "role" || mention.kind === "person") && isProgressiveVerb(t.norm) && !REPORTING_PARTICIPLES.has(t.norm) && !isPredicate(j + 1)) {
      inRelative = true;
      continue;
    }
    // "the man who booked the Garden Suite is …": skip the relative clause, within reason.
    if (inRelative) continue;
    if (SENTENCE_ADVERBS.has(t.norm) || AUXILIARIES.has(t.norm)) continue;
    // A short attached phrase: "the guest in 214 is", "Kyle from Ardent Logistics is".
    if (PREPOSITIONS.has(t.norm) && j - mention.last <= 2) {
      inPhrase = true;
      phraseStart = j;
      continue;
    }
    if (inPhrase && (t.capitalised || /\d/.test(t.norm) || t.norm === "the" || t.text === "&")) continue;
    // "the pair of them are …", "the two of them were …".
    if (inPhrase && tokens[j - 1].norm === "of" && (t.norm === "them" || t.norm === "us")) continue;
    // "Passenger Devlin on the Malaga flight is …": a short noun phrase after the preposition
    // (three words after it at most, so "the client at the meeting said the printer is …" is
    // not read as the client being the printer).
    if (inPhrase && longPhrase && j - phraseStart <= 3 && !VERB_FORM.test(t.norm) && !FUNCTION_WORDS.has(t.norm)) continue;
    // Any other word is a verb or another phrase: the mention is not this predicate's subject.
    return -1;
  }
  return -1;
}

/** Participles that report what someone said or thought, whose clause holds their words. */
const REPORTING_PARTICIPLES = new Set(["saying", "claiming", "complaining", "insisting", "asking", "telling", "thinking", "arguing", "shouting", "moaning", "whinging", "writing", "emailing", "mentioning", "suggesting", "explaining", "noting", "reporting", "demanding", "wondering", "screaming", "yelling", "texting", "calling", "ringing", "posting", "believing", "reckoning", "swearing", "pointing", "threatening", "accusing", "wanting", "hoping", "expecting"]);

const APPOSITION_DETERMINERS = new Set(["the", "our", "their", "his", "her", "a", "an"]);

/**
 * The last token of an apposition right after a name — ", the new lead," or " the builder" —
 * or -1: a determiner and one to three plain words (no verb form, pronoun or preposition), closed by
 * a comma when it was opened by one.
 */
function appositionEnd(tokens: Token[], last: number, copulaAt: (j: number) => boolean): number {
  let j = last + 1;
  const comma = tokens[j]?.text === ",";
  if (comma) j++;
  if (!APPOSITION_DETERMINERS.has(tokens[j]?.norm ?? "")) return -1;
  for (let k = j + 1; k <= j + 3 && k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== "word" || copulaAt(k) || VERB_FORM.test(t.norm) || NOT_IN_APPOSITION.has(t.norm)) return -1;
    const next = tokens[k + 1];
    if (comma ? next?.text === "," : copulaAt(k + 1)) return comma ? k + 1 : k;
  }
  return -1;
}
const NOT_IN_APPOSITION = new Set([...SUBJECT_PRONOUNS, ...PREPOSITIONS, ...RELATIVE_PRONOUNS, ...CLAUSE_BREAKERS, "not", "n't"]);

/** Words that look like a verb: a phrase hanging off the subject holds none. */
const VERB_FORM = /(?:ed|ing|es)$/;

const AUXILIARIES = new Set(["must", "can", "could", "will", "would", "might", "may", "should", "has", "have", "had", "'ve", "'ll", "'d", "n't", "not", "never"]);

/** The complement runs to the next clause boundary, at most eight words. */
export function windowEnd(tokens: Token[], from: number): number {
  let last = from - 1;
  for (let j = from; j < tokens.length && j < from + 8; j++) {
    const t = tokens[j];
    if (isHardBoundary(t)) break;
    if (t.kind === "word" && ["but", "so", "because", "though", "although", "while", "if", "when", "since", "whereas"].includes(t.norm)) break;
    // "is angry that nobody told her", "was upset when …": what follows is another clause, with its own subject.
    if (j > from && t.kind === "word" && ["that", "who", "which", "whether"].includes(t.norm)) break;
    if (t.kind === "word" && ["and", "or"].includes(t.norm) && SUBJECT_PRONOUNS.has(tokens[j + 1]?.norm ?? "")) break;
    last = j;
  }
  return last;
}

/**
 * The judgement word must be what the complement says, not inside a phrase hanging off it:
 * "is in a lot of pain" or "was upset about the mess" do not call anyone a pain or a mess.
 */
export function isPredicative(tokens: Token[], complement: Complement, at: number): boolean {
  for (let j = complement.first; j < at; j++) {
    const t = tokens[j];
    if (t.kind === "word" && PREPOSITIONS.has(t.norm) && !["of", "as", "than", "like"].includes(t.norm)) return false;
  }
  return true;
}

/**
 * The target a sentence speaks about when it names no one itself: the last customer mention in
 * the same paragraph before it (at most two sentences back), then the first in the sentence after.
 * "Just had the Kowalskis on the phone. What a pair of halfwits."
 */
export function contextTarget(text: ToneText, index: number, accept: (m: Mention) => boolean): { sentence: Sentence; mention: Mention } | null {
  const earlier = mentionBefore(text, index, accept);
  if (earlier) return earlier;
  const here = text.sentences[index];
  const next = text.sentences[index + 1];
  if (next && next.paragraph === here.paragraph) {
    const found = next.mentions().filter(accept);
    if (found.length) return { sentence: next, mention: found[0] };
  }
  return null;
}

/**
 * The last mention `accept` takes in the same paragraph, at most two sentences back; in a
 * sentence, the last that is surely someone before a capitalised word that may be a place
 * ("Declan Ruane is posting photos from Marbella. Some people have no shame.").
 */
export function mentionBefore(text: ToneText, index: number, accept: (m: Mention) => boolean): { sentence: Sentence; mention: Mention } | null {
  const here = text.sentences[index];
  for (let k = index - 1; k >= 0 && index - k <= 2; k--) {
    const s = text.sentences[k];
    if (s.paragraph !== here.paragraph) break;
    const found = s.mentions().filter(accept);
    if (found.length) return { sentence: s, mention: found.filter((m) => !m.uncertain).pop() ?? found[found.length - 1] };
  }
  return null;
}

/**
 * Whom a sentence that names no one points back at: the last personal mention in the same
 * paragraph, at most two sentences back (never one after: "Vicious little thugs. Can someone
 * move the bins before Mrs Kaye arrives?" is not about Mrs Kaye).
 */
export function antecedent(text: ToneText, index: number): { sentence: Sentence; mention: Mention } | null {
  return mentionBefore(text, index, (m) => m.personal && !m.anaphor && !m.possessor && m.kind !== "you");
}

/** What a pointing-back mention ("Man is a complete cretin") needs to be anyone ("Man is a social animal" is everyone). */
export function hasAntecedent(text: ToneText, index: number): boolean {
  return antecedent(text, index) !== null;
}
