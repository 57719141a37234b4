/**
 * A customer's words or likeness put on show for the staff: "I've printed his email and stuck it
 * on the fridge", "their photo's on the wall of shame", "voice note saved for the Christmas do".
 */
import type { Sentence, ToneText } from "../../../tone/analysis.js";
import { cueTarget } from "../../../tone/cueTarget.js";
import type { PatternMatch } from "../../../tone/patterns.js";
import { wordsOfMatch } from "../../../tone/report.js";
import type { Found, Patterns } from "./wordLists.js";

/** How many sentences back a card or a compliment can be what is pinned up, or a blunder what is laughed at. */
const LOOKBACK = 2;
/** The most words of a quotation that reads as a scare quote or a customer's odd phrase: "'set to summer'". */
const SCARE_QUOTE_WORDS = 4;

/**
 * Mockery by display. A shrine of ridicule (`ridiculeShrines`: "the wall of shame") says it on
 * its own; a staff audience (`staffAudiences`: the staff room, the crew group chat, the Christmas
 * party, a wall of fame, which may be sincere) says it when something is put before it (`displayActs`: printed,
 * framed, pinned, saved for) and the passage has something to laugh at: a scare quote, a laugh, a
 * belief or a question reported (`beliefs`), or a sign of ridicule (`ridiculeSigns`: "under the
 * heading", "so we can all enjoy it"). Not "the client sent the signed contract, please print it
 * for the noticeboard". Either is praise on show when the sentence or the two before it are warm:
 * "The Haddows sent a lovely card. I've pinned it up in the staff room."
 */
export function* displays(p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const shrine = p.ridiculeShrines.matches(sentence.words)[0];
  const cue = shrine ?? shownToStaff(p, sentence);
  if (!cue) return;
  const before: Sentence[] = [];
  for (let k = index; k >= 0 && index - k <= LOOKBACK && (k === index || text.sentences[k].paragraph === sentence.paragraph); k--) before.push(text.sentences[k]);
  if (before.some((s) => p.praise.test(s.words) || p.warmth.test(s.words))) return;
  if (!shrine && !before.some((s) => somethingToLaughAt(p, s))) return;
  const target = cueTarget(text, index, cue, { allowYou: false });
  if (target) yield { messageId: "mockery", target, evidence: [wordsOfMatch(sentence, cue)] };
}

function somethingToLaughAt(p: Patterns, sentence: Sentence): boolean {
  if (p.laughCues.test(sentence.words) || p.beliefs.test(sentence.words) || p.ridiculeSigns.test(sentence.words)) return true;
  let run = 0;
  for (const t of sentence.tokens) {
    if (t.quoted && t.kind === "word") run++;
    else if (run > 0 && run <= SCARE_QUOTE_WORDS) return true;
    else run = 0;
  }
  return run > 0 && run <= SCARE_QUOTE_WORDS;
}

/** A display act followed, in the same sentence, by the staff audience it plays to. */
function shownToStaff(p: Patterns, sentence: Sentence): PatternMatch | null {
  const audiences = p.staffAudiences.matches(sentence.words);
  if (audiences.length === 0) return null;
  const act = p.displayActs.matches(sentence.words).find((a) => audiences.some((b) => b.first > a.last));
  if (!act) return null;
  const audience = audiences.find((b) => b.first > act.last)!;
  return { first: act.first, last: audience.last };
}
