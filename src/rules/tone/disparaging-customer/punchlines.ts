/**
 * Punchlines: a short sentence or tag that turns a report about a customer into a joke.
 */
import type { Sentence, ToneText } from "../../../tone/analysis.js";
import type { Found, Patterns } from "./wordLists.js";
import { wordsOfMatch } from "../../../tone/report.js";

/** The most words of a sentence of ironic praise: "Truly a titan of network engineering." */
const IRONY_WORDS = 8;

/**
 * A sentence of up to five words (or a tag after the last comma) that turns the one before it into a joke: "… turn the sea down.
 * Genuinely.", "… goes for 200k. Adorable.", "Lucky us." It mocks whoever the sentence before was
 * about, when that was a customer named as a subject (not "the client's parcel").
 */
export function* punchlines(p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const { tokens } = sentence;
  const wordIdx = tokens.flatMap((t, i) => (t.kind !== "punct" ? [i] : []));
  if (wordIdx.length === 0) return;
  const cues = p.punchlines.matches(sentence.words);
  const covers = (from: number, to: number) => cues.some((m) => m.first <= from && m.last >= to);
  const lastWord = wordIdx[wordIdx.length - 1];
  const wantedBy = (s: Sentence, before = s.tokens.length, requests = true) => {
    const wants = [...p.reportedWants.matches(s.words), ...(requests ? p.reportedRequests.matches(s.words) : [])];
    return s.mentions().find((m) => !m.possessor && m.kind !== "you" && m.last < before && wants.some((w) => w.first > m.last && w.first < before));
  };
  // "… on a village-hall budget, how sweet.": a tag after the last comma of the sentence.
  if (wordIdx.length > 3) {
    const comma = tokens.reduce((at, t, i) => (t.kind === "punct" && t.text === "," ? i : at), -1);
    const tagWords = wordIdx.filter((i) => i > comma);
    if (comma > 0 && tagWords.length > 0 && tagWords.length <= 3 && covers(tagWords[0], lastWord)) {
      // Only what they want or believe, not what they asked ("asked for a cake for their daughter, how sweet").
      const mention = wantedBy(sentence, comma, false);
      if (mention) {
        yield { messageId: "mockery", target: { sentence, mention } };
        return;
      }
    }
  }
  // "… asked if Wi-Fi works better with the windows open. Truly a titan of network engineering.":
  // an honour in a short sentence after a customer's belief or request, in their own words or
  // asked "if", is irony (not "The IT guy rebuilt the network. Truly a titan.").
  // (The belief may sit two sentences back, behind the writer's answer: "… rang to ask if her mum
  // had gone off to sleep yet. Yes, madam, that's what happens at night. Genius.")
  const honour = p.ironicHonours.matches(sentence.words)[0];
  if (honour && wordIdx.length <= IRONY_WORDS && !p.praise.test(sentence.words) && !p.warmth.test(sentence.words)) {
    for (let k = index - 1; k >= 0 && index - k <= 2; k--) {
      const before = text.sentences[k];
      if (before.paragraph !== sentence.paragraph || p.warmth.test(before.words)) break;
      const mention = wantedBy(before);
      if (mention && (before.tokens.some((t) => t.quoted && t.kind === "word") || p.beliefs.test(before.words))) {
        yield { messageId: "mockery", target: { sentence: before, mention }, evidence: [wordsOfMatch(sentence, honour)] };
        return;
      }
    }
  }
  if (wordIdx.length > 5) return;
  if (!covers(wordIdx[0], lastWord) || index === 0) return;
  // The sentence mocked may sit behind a fragment: "… because it rained in Cornwall. In October. Who could have predicted it."
  for (let k = index - 1; k >= 0 && index - k <= 2; k--) {
    const before = text.sentences[k];
    if (before.paragraph !== sentence.paragraph) return;
    const mention = wantedBy(before);
    if (mention) {
      yield { messageId: "mockery", target: { sentence: before, mention } };
      return;
    }
    if (before.tokens.filter((t) => t.kind !== "punct").length > 4) return;
  }
}
