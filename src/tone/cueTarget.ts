/**
 * The target of a sentence-level cue ("bless him", "grab the popcorn", "not our kind of
 * people"): a pronoun inside the cue itself, else the customer the sentence names, else the one
 * the paragraph was about. "You" inside a cue is usually generic ("you couldn't make it up"),
 * so it counts only where the caller allows it.
 */
import type { Sentence, ToneText } from "./analysis.js";
import type { PatternMatch } from "./patterns.js";
import type { Mention } from "./targets.js";
import { contextTarget } from "./clauses.js";

export function cueTarget(
  text: ToneText,
  index: number,
  cue: PatternMatch,
  options: { allowYou: boolean },
): { sentence: Sentence; mention: Mention } | null {
  const sentence = text.sentences[index];
  const accept = (m: Mention) => options.allowYou || m.kind !== "you";
  const mentions = sentence.mentions().filter(accept);
  const inside = (m: Mention) => m.first >= cue.first && m.last <= cue.last;
  const pronounInCue = mentions.find((m) => inside(m) && m.kind === "pronoun");
  if (pronounInCue) return { sentence, mention: pronounInCue };
  // The nearest certain mention outside the cue ("Brace yourselves, the Pembertons …"), then one
  // the cue itself names ("our favourite client"), then a capitalised first word that may be a name.
  const outside = mentions.filter((m) => !inside(m) && !(m.first <= cue.last && cue.first <= m.last));
  const nearest = (list: Mention[]) => list.reduce<Mention | null>((best, m) => (best === null || distance(m, cue) < distance(best, cue) ? m : best), null);
  const chosen =
    nearest(outside.filter((m) => !m.uncertain)) ??
    mentions.find((m) => !m.uncertain && m.first <= cue.last && cue.first <= m.last) ??
    nearest(outside);
  if (chosen) return { sentence, mention: chosen };
  return contextTarget(text, index, accept);
}

function distance(m: Mention, cue: PatternMatch): number {
  return m.last < cue.first ? cue.first - m.last : m.first - cue.last;
}
