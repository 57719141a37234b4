/**
 * Laughter after a report of what a customer wants or thinks ("lol the Harringtons think …").
 */
import type { Sentence, ToneText } from "../../../tone/analysis.js";
import type { Found, Patterns } from "./wordLists.js";
import { wordsOfMatch } from "../../../tone/report.js";

/**
 * "lol", "😂", "smh" after a report of what a customer wants, thinks or asked: "lol the Harringtons
 * think 'business casual' means flip-flops", "he asked if we could stop the rain 😂". Not when the
 * sentence is warm ("lol, the client loved the cake").
 */
export function* laughter(p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  if (p.laughCues.matches(sentence.words).length === 0) return;
  const warm = (s: Sentence) => p.praise.test(s.words) || p.warmth.test(s.words);
  const { tokens } = sentence;
  // The laugh closes or opens the sentence: "… means flip-flops lol", "lol the Harringtons think …"
  // (not "asked if it would hurt 😂 no, and we reassured him").
  const words = tokens.flatMap((t, i) => (t.kind !== "punct" || /\p{Extended_Pictographic}/u.test(t.text) ? [i] : []));
  const cues = p.laughCues.matches(sentence.words);
  const edge = cues.some((c) => c.first <= words[0] || c.last >= words[words.length - 1] || tokens.slice(c.last + 1).every((t) => t.kind === "punct" || p.laughCues.test(t.norm)));
  const reporter = (s: Sentence) => {
    const wants = p.beliefs.matches(s.words);
    for (const m of s.mentions()) {
      if (m.possessor || m.kind === "you") continue;
      const want = wants.find((w) => w.first > m.last && w.first - m.last <= 3 && s.tokens.slice(m.last + 1, w.first).every((t) => t.kind === "word"));
      if (want) return { mention: m, want };
    }
    return null;
  };
  if (warm(sentence)) return;
  const here = reporter(sentence);
  // In mid-sentence, a laugh after what was reported closes the report and the rest riffs on it:
  // "acme's admin asked if 'the cloud' is in the sky 😂 screenshotting this for the all-hands"
  // (not "asked if it would hurt 😂 no, and we reassured him": an answer follows).
  const closesReport = here !== null && cues.some((c) => c.first > here.want.last + 1 && !p.reassurances.test(sentence.words.words.slice(sentence.words.tokenIndex.indexOf(c.last) + 1).join(" ")));
  if (!edge && !closesReport) return;
  if (here) {
    yield { messageId: "mockery", target: { sentence, mention: here.mention }, evidence: [wordsOfMatch(sentence, here.want), ...cues.map((c) => wordsOfMatch(sentence, c))] };
    return;
  }
  // A short reaction of its own after the report: "The buyer thinks the sea view includes the sea. lol"
  const prev = text.sentences[index - 1];
  if (!prev || prev.paragraph !== sentence.paragraph || warm(prev)) return;
  if (sentence.tokens.filter((t) => t.kind !== "punct").length > 4) return;
  const before = reporter(prev);
  if (before) yield { messageId: "mockery", target: { sentence: prev, mention: before.mention }, evidence: [wordsOfMatch(prev, before.want), ...cues.map((c) => wordsOfMatch(sentence, c))] };
}
