/**
 * A customer's words or likeness put on show for the staff: "I've printed his email and stuck it
 * on the fridge", "their photo's on the wall of shame", "voice note saved for the Christmas do";
 * or the customer made the staff's entertainment: a nickname, an impression, a bet, laughter.
 */
import type { Sentence, ToneText } from "../../../tone/analysis.js";
import { cueTarget } from "../../../tone/cueTarget.js";
import type { PatternMatch } from "../../../tone/patterns.js";
import { wordsOfMatch } from "../../../tone/report.js";
import type { Found, Patterns } from "./wordLists.js";
import { FIRST_PERSON } from "../../../tone/grammar.js";

/** How many sentences back a card or a compliment can be what is pinned up, or a blunder what is laughed at. */
const LOOKBACK = 2;
/** The most words of a quotation that reads as a scare quote or a customer's odd phrase: "'set to summer'". */
const SCARE_QUOTE_WORDS = 4;

/**
 * Mockery by display. A shrine of ridicule (`ridiculeShrines`: "the wall of shame") says it on
 * its own; a staff audience (`staffAudiences`: the staff room, the crew group chat, the Christmas
 * party, a wall of fame, which may be sincere) says it when something is put before it (`displayActs`: printed,
 * framed, pinned, saved for), as a keepsake does with no audience (`keepsakeActs`: "framing it",
 * "printed on a mug"), and the passage has something to laugh at: a scare quote, a laugh, a
 * belief or a question reported (`beliefs`), or a sign of ridicule (`ridiculeSigns`: "under the
 * heading", "so we can all enjoy it"). Not "the client sent the signed contract, please print it
 * for the noticeboard". Either is praise on show when the sentence or the two before it are warm:
 * "The Haddows sent a lovely card. I've pinned it up in the staff room."
 */
export function* displays(p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const shrine = p.ridiculeShrines.matches(sentence.words)[0];
  // (A keepsake made of their words needs no audience named: "printing this and framing it".)
  const cue = shrine ?? shownToStaff(p, sentence) ?? p.keepsakeActs.matches(sentence.words)[0];
  if (!cue) return;
  const before = window(text, index);
  if (before.some((s) => p.praise.test(s.words) || p.warmth.test(s.words))) return;
  if (!shrine && !before.some((s) => somethingToLaughAt(p, s))) return;
  const target = cueTarget(text, index, cue, { allowYou: false });
  if (target) yield { messageId: "mockery", target, evidence: [wordsOfMatch(sentence, cue)] };
}

/**
 * Mockery by amusement: the staff entertained by a customer. Some acts are ridicule whatever
 * the passage (`staffAmusements`: "we've started calling him Half-Canal Hank", "doing his voice
 * in the galley", "a sweepstake on how long the next letter will be", "put him on speaker so the
 * whole depot could enjoy it"); laughter described (`laughDescriptions`: "crying with laughter",
 * "in stitches") is ridicule when the passage has something to laugh at (a scare quote, a belief
 * reported). The laughers are us: the sentence speaks in the first person or of the staff ("the
 * whole office"). Not laughing with them ("we were in stitches with the Hendersons"), nor when
 * the passage is warm ("the Lyles were a joy, we were in stitches all night, thank you").
 */
export function* staffAmusement(p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const act = p.staffAmusements.matches(sentence.words)[0];
  const laugh = act ? undefined : p.laughDescriptions.matches(sentence.words)[0];
  const cue = act ?? laugh;
  if (!cue) return;
  const { tokens } = sentence;
  if (!tokens.some((t) => FIRST_PERSON.has(t.norm)) && !p.staffAudiences.test(sentence.words) && !p.staffCrowds.test(sentence.words)) return;
  if (tokens[cue.last + 1]?.norm === "with") return;
  // Laughter is ours unless a customer is who laughs: "The Chen family were in stitches at the quiz".
  if (laugh && laughedByThem(sentence, cue)) return;
  const before = window(text, index);
  if (before.some((s) => p.praise.test(s.words) || p.warmth.test(s.words))) return;
  if (laugh && !before.some((s) => somethingToLaughAt(p, s))) return;
  const target = cueTarget(text, index, cue, { allowYou: false });
  if (target) yield { messageId: "mockery", target, evidence: [wordsOfMatch(sentence, cue)] };
}

/** Whether the nearest subject before the laugh is someone spoken of, not the writer or us. */
function laughedByThem(sentence: Sentence, cue: PatternMatch): boolean {
  const mentions = sentence.mentions();
  for (let j = cue.first - 1; j >= 0; j--) {
    if (FIRST_PERSON.has(sentence.tokens[j].norm)) return false;
    if (mentions.some((m) => m.first <= j && j <= m.last && !m.possessor)) return true;
  }
  return false;
}

/** The sentence and the LOOKBACK sentences before it in its paragraph. */
function window(text: ToneText, index: number): Sentence[] {
  const sentence = text.sentences[index];
  const out: Sentence[] = [];
  for (let k = index; k >= 0 && index - k <= LOOKBACK && (k === index || text.sentences[k].paragraph === sentence.paragraph); k--) out.push(text.sentences[k]);
  return out;
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
