/**
 * Mock compliance: a customer's request or belief reported, then answered in the note as if to
 * their face ("Room 15 has requested an en-suite for his en-suite, we're on it sir", "the fella
 * wants to know if the hybrid runs on the sun, sure mate, and the wipers run on rain") or with a
 * stock sneer of agreement ("we'll get right on that", "filed under miracles").
 */
import type { Sentence, ToneAnalysis, ToneText } from "../../../tone/analysis.js";
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

/** What promises the absurd thing after a sarcastic "sure": "I'll just print it on a cardigan", "let me just move the sun". */
const PROMISES = new Set(["i'll", "we'll", "i", "we", "let", "let's"]);

/**
 * A sarcastic yes at the start of a clause (`mockAnswers`: "sure", "right you are"), then either a
 * vocative that names the customer spoken of a moment ago ("Sure, Derek.", "ok Karen") or, when
 * their words were quoted, a promise of ours ("sure, and I'll teach it to whistle").
 */
function sarcasticAnswers(analysis: ToneAnalysis, p: Patterns, sentence: Sentence): { cue: PatternMatch; named: boolean }[] {
  const { tokens } = sentence;
  const lex = analysis.lexicon;
  const found: { cue: PatternMatch; named: boolean }[] = [];
  for (const answer of p.mockAnswers.matches(sentence.words)) {
    const prev = tokens[answer.first - 1];
    if (prev && prev.kind !== "punct" && prev.norm !== "oh") continue;
    let j = answer.last + 1;
    while (tokens[j]?.text === ",") j++;
    const word = tokens[j];
    if (!word || word.kind !== "word") continue;
    const next = tokens[j + 1];
    const vocative = (word.capitalised && lex.givenNames.has(word.norm)) || p.mockVocatives.test(word.norm) || p.answerVocatives.test(word.norm);
    if (vocative && (!next || next.kind === "punct")) {
      found.push({ cue: { ...answer, last: j }, named: true });
      continue;
    }
    // The promise is sarcastic when it is "just" done or thrown in: not "Sure, I'll book it".
    const joined = word.norm === "and";
    const at = joined ? j + 1 : j;
    if (!PROMISES.has(tokens[at]?.norm ?? "")) continue;
    const promise = tokens.slice(at + 1, at + 4).map((t) => t.norm);
    if (joined || promise.includes("just")) found.push({ cue: answer, named: false });
  }
  return found;
}

export function* mockCompliance(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const answers = sarcasticAnswers(analysis, p, sentence);
  const cue = [...vocatives(p, sentence), ...p.mockAgreements.matches(sentence.words), ...answers.map((a) => a.cue)].sort((a, b) => a.first - b.first)[0];
  if (!cue) return;
  // (Praise or warmth beside it is sincere; "love" as the vocative itself is not warmth.)
  if ([...p.praise.matches(sentence.words), ...p.warmth.matches(sentence.words)].some((m) => m.first > cue.last || m.last < cue.first)) return;
  const report = reported(p, text, index, cue.first);
  // The answer comes after what was reported, in a clause of its own.
  if (!report || (report.sentence === sentence && !sentence.tokens.slice(report.report.last + 1, cue.first).some((t) => t.kind === "punct"))) return;
  // A promise after "sure" mocks only a request quoted in their own words ("wants it 'more cloud'").
  const answer = answers.find((a) => a.cue === cue);
  if (answer && !answer.named && !report.sentence.tokens.some((t, i) => t.quoted && i > report.mention.last)) return;
  yield { messageId: "mockery", target: { sentence: report.sentence, mention: report.mention }, evidence: [wordsOfMatch(report.sentence, report.report), wordsOfMatch(sentence, cue)] };
}
