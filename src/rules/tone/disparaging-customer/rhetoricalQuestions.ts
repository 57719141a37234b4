/**
 * Rhetorical questions of contempt that name their target ("Who raised these people?").
 */
import type { ToneText } from "../../../tone/analysis.js";
import { cueTarget } from "../../../tone/cueTarget.js";
import type { Found, Patterns } from "./wordLists.js";
import { wordsOfMatch } from "../../../tone/report.js";

/** Words after a rhetorical question that keep it whole: "Are they thick or what?" */
const QUESTION_TAILS = new Set(["or", "seriously", "honestly", "lol", "though", "then", "even", "ffs", "smh"]);

/**
 * A rhetorical question of contempt about the person it names: "Who raised these people?", "Who
 * does she think she is?", "Are they thick?". The question must end there ("are they dim about
 * the dates?" is not one), and it names its target itself.
 */
export function* rhetorical(p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const { tokens } = sentence;
  for (const cue of p.rhetoricalQuestions.matches(sentence.words)) {
    const target = cueTarget(text, index, cue, { allowYou: false });
    if (!target || target.sentence !== sentence) continue;
    const m = target.mention;
    if (!(m.first >= cue.first && m.last <= cue.last + 1) || m.possessor) continue;
    const next = tokens[Math.max(cue.last, m.last) + 1];
    if (next && next.kind === "word" && !QUESTION_TAILS.has(next.norm)) continue;
    yield { messageId: "mockery", target, evidence: [wordsOfMatch(sentence, cue)] };
    return;
  }
}
