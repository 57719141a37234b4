/**
 * How every tone finding is reported: the whole sentence as the excerpt, its exact location, the
 * words naming the target, who will read it, and a kinder wording from the pack when there is one.
 */
import type { RuleContext } from "../engine/rule.js";
import { locateInBody } from "../message/body.js";
import { fillMessage } from "../engine/fillMessage.js";
import type { Location } from "../types.js";
import type { Sentence, ToneAnalysis, ToneText } from "./analysis.js";
import type { Mention } from "./targets.js";
import { describeReaders, speaksAboutRecipient } from "./readers.js";

export interface ToneJudgement {
  text: ToneText;
  sentence: Sentence;
  messageId: string;
  /** The mention judged, and the sentence it is in (a punchline's target may be in the one before). */
  target: { sentence: Sentence; mention: Mention } | null;
  /** Words to show when there is no mention: "the reader". */
  targetWords?: string;
  /** The phrase that matched, for messages that quote it. */
  phrase?: string;
  /** The words the decision rests on (defaults to the phrase). */
  evidence?: string[];
}

/** The words of a match as written: the evidence a construction's finding rests on. */
export function wordsOfMatch(sentence: Sentence, m: { first: number; last: number }): string {
  return sentence.text.slice(sentence.tokens[m.first].start - sentence.start, sentence.tokens[m.last].end - sentence.start);
}

function locate(analysis: ToneAnalysis, text: ToneText, sentence: Sentence): Location {
  if (text.section === "subject") {
    return { section: "subject", column: sentence.start + 1, endColumn: sentence.end + 1 };
  }
  return locateInBody(analysis.message.body, sentence.start, sentence.end);
}

export function targetWords(judgement: ToneJudgement): string {
  if (!judgement.target) return judgement.targetWords ?? "the reader";
  const { sentence, mention } = judgement.target;
  return sentence.text.slice(sentence.tokens[mention.first].start - sentence.start, sentence.tokens[mention.last].end - sentence.start);
}

export function reportJudgement(context: RuleContext, analysis: ToneAnalysis, judgement: ToneJudgement): void {
  const { message } = analysis;
  const target = targetWords(judgement);
  const mention = judgement.target?.mention ?? null;
  // Forwarded internal content about "the couple" is now read by the couple.
  const forwardedAboutThem = judgement.text.asExternal && mention !== null && mention.kind !== "you";
  const readers = describeReaders(message, analysis.lexicon, speaksAboutRecipient(message, mention) || forwardedAboutThem);
  // Each piece once: "Typical Londoners" holds "Londoners".
  const pieces = judgement.evidence ?? (judgement.phrase ? [judgement.phrase] : []);
  const evidence = pieces.filter((e, i) => !pieces.some((o, k) => k !== i && (o.length > e.length || (o === e && k < i)) && o.includes(e)));
  const data = { target, readers: readers.text, phrase: judgement.phrase ?? "", evidence: evidence.join("\", \"") };
  const suggestion = context.data.suggestions[judgement.messageId] ?? context.data.suggestions.default;
  context.report({
    messageId: judgement.messageId,
    data,
    excerpt: judgement.sentence.text,
    target,
    evidence,
    readers: readers.addresses,
    location: locate(analysis, judgement.text, judgement.sentence),
    suggestion: suggestion ? fillMessage(suggestion, data) : null,
    asExternal: judgement.text.asExternal || undefined,
  });
}
