/**
 * Mock compliance: a customer's request or belief reported, then answered in the note as if to
 * their face ("Room 15 has requested an en-suite for his en-suite, we're on it sir", "the fella
 * wants to know if the hybrid runs on the sun, sure mate, and the wipers run on rain") or with a
 * stock sneer of agreement ("we'll get right on that", "filed under miracles").
 */
import type { Sentence, ToneText } from "../../../tone/analysis.js";
import type { PatternMatch } from "../../../tone/patterns.js";
import type { Mention } from "../../../tone/targets.js";
import { DETERMINERS, PREPOSITIONS } from "../../../tone/grammar.js";
import { wordsOfMatch } from "../../../tone/report.js";
import type { Found, Patterns } from "./wordLists.js";

/** Words after which a vocative answers what was asked: "sure mate", "yes sir", "congratulations sir". */
const ANSWERS = new Set(["sure", "yes", "yeah", "yep", "ok", "okay", "right", "congratulations", "congrats", "cheers", "certainly", "absolutely", "course", "no", "nope", "it"]);

/**
 * A customer spoken of (not "you") with what they asked for, want or believe right after them,
 * in this sentence before `before`, or in the sentence before it in the paragraph.
 */
function reported(p: Patterns, text: ToneText, index: number, before: number): { sentence: Sentence; mention: Mention; report: PatternMatch } | null {
  const find = (s: Sentence, limit: number) => {
    const reports = [...p.beliefs.matches(s.words), ...p.reportedWants.matches(s.words), ...p.reportedRequests.matches(s.words)];
    for (const mention of s.mentions()) {
      if (mention.possessor || mention.kind === "you" || mention.last >= limit) continue;
      const report = reports.find((r) => r.first > mention.last && r.first - mention.last <= 3 && r.last < limit && s.tokens.slice(mention.last + 1, r.first).every((t) => t.kind === "word"));
      if (report) return { sentence: s, mention, report };
    }
    return null;
  };
  const sentence = text.sentences[index];
  const here = find(sentence, before);
  if (here) return here;
  const prev = text.sentences[index - 1];
  return prev && prev.paragraph === sentence.paragraph ? find(prev, prev.tokens.length) : null;
}

/** A word of address used as a vocative: after a boundary or an answer, or closing its clause. */
function vocatives(p: Patterns, sentence: Sentence): PatternMatch[] {
  const { tokens } = sentence;
  return p.mockVocatives.matches(sentence.words).filter((v) => {
    const prev = tokens[v.first - 1];
    const next = tokens[v.last + 1];
    if (prev && prev.kind === "word" && (DETERMINERS.has(prev.norm) || PREPOSITIONS.has(prev.norm) || prev.norm === "dear")) return false;
    return !prev || prev.kind === "punct" || ANSWERS.has(prev.norm) || !next || next.kind === "punct";
  });
}

export function* mockCompliance(p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const cue = [...vocatives(p, sentence), ...p.mockAgreements.matches(sentence.words)].sort((a, b) => a.first - b.first)[0];
  if (!cue) return;
  if (p.praise.test(sentence.words) || p.warmth.test(sentence.words)) return;
  const report = reported(p, text, index, cue.first);
  // The answer comes after what was reported, in a clause of its own.
  if (!report || (report.sentence === sentence && !sentence.tokens.slice(report.report.last + 1, cue.first).some((t) => t.kind === "punct"))) return;
  yield { messageId: "mockery", target: { sentence: report.sentence, mention: report.mention }, evidence: [wordsOfMatch(report.sentence, report.report), wordsOfMatch(sentence, cue)] };
}
