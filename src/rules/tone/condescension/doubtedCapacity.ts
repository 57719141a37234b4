/**
 * The reader's capacity doubted: a plain thing said to have got the better of them ("since the
 * online form seems to have defeated you", "reading the invoice appears to be beyond you"), or
 * an explanation counted out ("happy to explain it a fifth time", "so there's no chance of
 * missing it a fourth time"). Saying it for the third time is not the condescension; saying so is.
 */
import type { Sentence, ToneAnalysis } from "../../../tone/analysis.js";
import type { PatternList, PatternMatch } from "../../../tone/patterns.js";
import { isNegated } from "../../../tone/clauses.js";
import { CLAUSE_BREAKERS, FIRST_PERSON } from "../../../tone/grammar.js";
import type { ToneJudgement } from "../../../tone/report.js";
import { wordsOfMatch } from "../../../tone/report.js";

export interface CapacityWords {
  /** What a plain thing does to the reader: "defeated", "baffled", "beyond". */
  defeats: PatternList;
  /** "seems to have", "appears to be": the writer's show of inferring it. */
  evidentials: PatternList;
  /** Ordinals from the third on, and "umpteenth": "a fifth time". */
  repeatCounts: PatternList;
  /** Saying, sending or missing it again: "explain", "attach", "missing". */
  repeatVerbs: PatternList;
  /** Sorry: an apology counts its own failures ("sorry to write for the third time"). */
  apologies: PatternList;
}

export function doubtedCapacity(analysis: ToneAnalysis, w: CapacityWords): ToneJudgement[] {
  const out: ToneJudgement[] = [];
  for (const text of analysis.texts) {
    for (const sentence of text.sentences) {
      if (w.apologies.test(sentence.words)) continue;
      const span = defeatedReader(analysis, sentence, w) ?? countedRepeat(sentence, w);
      if (span) out.push({ text, sentence, messageId: "default", target: null, targetWords: "the reader", phrase: wordsOfMatch(sentence, span) });
    }
  }
  return out;
}

/**
 * "[a thing] seems to have defeated you", "[a thing] appears to be beyond you": an evidential,
 * then a word of defeat whose object is "you", said of a thing that is not ours ("my last email
 * seems to have confused you" owns the failure) and not negated.
 */
function defeatedReader(analysis: ToneAnalysis, sentence: Sentence, w: CapacityWords): PatternMatch | null {
  const { tokens } = sentence;
  for (const e of w.evidentials.matches(sentence.words)) {
    const defeat = w.defeats.matches(sentence.words).find((d) => d.first > e.last && d.first <= e.last + 3);
    if (!defeat || tokens[defeat.last + 1]?.norm !== "you") continue;
    // Whose thing it was: the words of the clause before the evidential.
    const start = wordsBackTo(tokens, e.first);
    if (tokens.slice(start, e.first).some((t) => FIRST_PERSON.has(t.norm))) continue;
    if (isNegated(sentence, analysis.lexicon, defeat.first, start)) continue;
    return { first: start, last: defeat.last + 1 };
  }
  return null;
}

/**
 * "explain it a fifth time", "attached again for the fourth time", "no chance of missing it a
 * fourth time": a count of three or more on a verb of saying, sending or missing in the same
 * clause, at most six words before it.
 */
function countedRepeat(sentence: Sentence, w: CapacityWords): PatternMatch | null {
  const { tokens } = sentence;
  for (const count of w.repeatCounts.matches(sentence.words)) {
    if (tokens[count.last + 1]?.norm !== "time") continue;
    for (let j = count.first - 1; j >= 0 && count.first - j <= 6; j--) {
      const t = tokens[j];
      if (t.kind === "punct" || CLAUSE_BREAKERS.has(t.norm)) break;
      if (w.repeatVerbs.test(t.norm)) return saidByUsOrToYou(tokens, j) ? { first: j, last: count.last + 1 } : null;
    }
  }
  return null;
}

/** Openings of a clause whose speaker is the writer: "Happy to explain …", "there's no chance of …". */
const WRITER_OPENINGS = new Set(["let", "happy", "glad", "pleased", "delighted", "here", "again", "once", "there", "attaching", "resending", "sending", "explaining", "repeating"]);

const SPEAKERS = new Set(["i", "we", "you"]);

/**
 * Whether the clause of the verb at `verb` is the writer's or the reader's: it says "I", "we" or
 * "you", or opens as the writer speaks. A count in someone else's clause is a report: "Gladstone
 * have sent their artwork late for the third time", "she said it's the third time this year".
 */
function saidByUsOrToYou(tokens: Sentence["tokens"], verb: number): boolean {
  const start = wordsBackTo(tokens, verb);
  const clause = tokens.slice(start, verb);
  // (A subject, not a possessive: "our supplier has sent the wrong parts for the third time" is theirs.)
  if (clause.some((t) => SPEAKERS.has(t.norm))) return true;
  return WRITER_OPENINGS.has(tokens[start].norm);
}

/**
 * Where the run of words before token `i` starts: back to punctuation or a word that opens a
 * clause ("since", "and", "so"). Narrower than clauseStart, which reads over "and" and "since".
 */
function wordsBackTo(tokens: Sentence["tokens"], i: number): number {
  let start = i;
  while (start > 0 && tokens[start - 1].kind === "word" && !CLAUSE_BREAKERS.has(tokens[start - 1].norm)) start--;
  return start;
}
