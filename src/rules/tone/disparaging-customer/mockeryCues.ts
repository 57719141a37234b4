/**
 * Contempt and mockery cues, which carry the judgement without a harsh word ("bless them", "hide the
 * good biscuits", "our favourite client strikes again") and need a target in the sentence or the one
 * before it.
 */
import type { Sentence, ToneText } from "../../../tone/analysis.js";
import { cueTarget } from "../../../tone/cueTarget.js";
import { CLAUSE_BREAKERS, SENTENCE_ADVERBS, SUBJECT_PRONOUNS } from "../../../tone/grammar.js";
import { inTextOrder, type PatternMatch } from "../../../tone/patterns.js";
import type { Mention } from "../../../tone/targets.js";
import type { Found, Patterns } from "./wordLists.js";
import { wordsOfMatch } from "../../../tone/report.js";

/**
 * A cue that says what it is about with "with" or "about" ("here we go again with the boiler", "the
 * less said about the Quigleys") is about that object and nothing else in the sentence: the
 * customer mention right after it, or `undefined` (no target) when the object is not a customer.
 * `null` when the cue names no object this way.
 */
function aboutSlot(sentence: Sentence, cue: PatternMatch): { sentence: Sentence; mention: Mention } | undefined | null {
  const { tokens } = sentence;
  // A cue that names its target itself ("… so they can complain about something") is about them.
  if (sentence.mentions().some((m) => m.kind === "pronoun" && m.first >= cue.first && m.last <= cue.last)) return null;
  const last = tokens[cue.last]?.norm;
  const at = last === "with" || last === "about" ? cue.last : ["with", "about"].includes(tokens[cue.last + 1]?.norm ?? "") ? cue.last + 1 : -1;
  if (at < 0) return null;
  const mention = sentence.mentions().find((m) => m.first > at && m.first <= at + 2 && m.kind !== "you" && !m.uncertain);
  return mention ? { sentence, mention } : undefined;
}

/** "Our favourite client strikes again": ridicule with the customer as its subject right before it. */
export function* subjectCues(p: Patterns, sentence: Sentence): Generator<Found> {
  for (const cue of p.subjectCues.matches(sentence.words)) {
    const subject = sentence
      .mentions()
      .filter((m) => !m.possessor && m.kind !== "you" && m.last < cue.first && cue.first - m.last <= 3)
      .pop();
    if (p.praise.test(sentence.words) || p.warmth.test(sentence.words)) continue;
    if (subject && sentence.tokens.slice(subject.last + 1, cue.first).every((t) => SENTENCE_ADVERBS.has(t.norm))) yield { messageId: "mockery", target: { sentence, mention: subject }, evidence: [wordsOfMatch(sentence, cue)] };
  }
}

/** "Kill me now", "not the sharpest tool": contempt about whoever the cue or its sentence names. */
export function* contemptCues(p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  for (const cue of p.contemptCues.matches(sentence.words)) {
    const slot = aboutSlot(sentence, cue);
    const target = slot === null ? cueTarget(text, index, cue, { allowYou: false }) : slot;
    if (target) yield { messageId: "contempt", target, evidence: [wordsOfMatch(sentence, cue)] };
  }
}

/** Sarcasm and jokes at the customer's expense, and reports of what they believe said with a sneer. */
export function* mockeryCues(p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const reports = p.reportCues.matches(sentence.words);
  const pity = p.pityCues.matches(sentence.words);
  for (const cue of [...inTextOrder(p.mockeryCues.matches(sentence.words), pity), ...reports]) {
    // "answer the question he actually asked": a pronoun that opens a relative clause after a noun
    // is not the start of a sneer.
    const prev = sentence.tokens[cue.first - 1];
    if (SUBJECT_PRONOUNS.has(sentence.tokens[cue.first].norm) && prev && prev.kind === "word" && !CLAUSE_BREAKERS.has(prev.norm) && !SENTENCE_ADVERBS.has(prev.norm)) continue;
    // "She brought cakes for the team, bless her", "Poor thing, she's been ill all week": fond or
    // sorry, not mocking. Mockery goes on to what they believe or tried ("bless them, they think …").
    if (pity.includes(cue)) {
      if (p.praise.test(sentence.words) || p.warmth.test(sentence.words)) continue;
      const next = text.sentences[index + 1];
      const believes = p.beliefs.test(sentence.words) || (next !== undefined && next.paragraph === sentence.paragraph && p.beliefs.test(next.words));
      if (!believes || p.followUps.matches(sentence.words).some((f) => f.first > cue.last)) continue;
    }
    const slot = aboutSlot(sentence, cue);
    const target = slot === null ? cueTarget(text, index, cue, { allowYou: false }) : slot;
    if (!target) continue;
    // "card terminal is a useless brick again 🙄 had to take Mrs Obi's payment": a reaction in
    // mid-sentence is to the clause before it, which named no one; not to whoever comes after.
    if (reactsToWhatCameBefore(p, sentence, cue) && target.sentence === sentence && target.mention.first > cue.last) continue;
    if (reports.includes(cue)) {
      // "The tenant is convinced the leak is from upstairs; can you check?" is a report, not a sneer.
      const m = target.mention;
      const owner = m.possessor || ["'", "'s"].includes(target.sentence.tokens[m.last + 1]?.norm ?? "");
      if ((owner && !(target.sentence === sentence && m.first >= cue.first && m.last <= cue.last)) || p.warmth.test(sentence.words) || p.praise.test(sentence.words)) continue;
      if (p.followUps.matches(sentence.words).some((f) => f.first > cue.last)) continue;
    }
    yield { messageId: "mockery", target, evidence: [wordsOfMatch(sentence, cue)] };
  }
}

/**
 * A reaction (an eye roll, laughter) that follows a clause with no one in it: three words or more
 * before it in the sentence and no mention among them.
 */
function reactsToWhatCameBefore(p: Patterns, sentence: Sentence, cue: { first: number; last: number }): boolean {
  const before = sentence.tokens.slice(0, cue.first).filter((t) => t.kind !== "punct");
  if (before.length < 3) return false;
  const named = sentence.mentions().some((m) => m.first < cue.first);
  const token = sentence.tokens[cue.first];
  return !named && cue.first === cue.last && (/\p{Extended_Pictographic}/u.test(token.text) || p.laughCues.test(token.norm));
}

/**
 * "Oh brilliant, the Marchetti lot want a refund": sarcastic only when what follows reports what
 * the customer wants or believes ("Oh great, the Hendersons signed!" is good news).
 */
export function* sarcasm(p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  for (const cue of p.sarcasmOpeners.matches(sentence.words)) {
    const wants = [...p.reportedWants.matches(sentence.words), ...p.reportedRequests.matches(sentence.words)];
    if (!wants.some((w) => w.first > cue.last)) continue;
    const target = cueTarget(text, index, cue, { allowYou: false });
    if (target && target.sentence === sentence && target.mention.first > cue.last) yield { messageId: "mockery", target, evidence: [wordsOfMatch(sentence, cue)] };
  }
}
