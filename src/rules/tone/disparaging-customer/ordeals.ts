/**
 * Time with the customer likened to an ordeal: "talking to him is like explaining colours to a
 * filing cabinet", "dealing with the Brennans is like arguing with a fence post", "talking to her
 * is like being slowly sanded down".
 */
import type { Sentence } from "../../../tone/analysis.js";
import { isThingNoun } from "../../../tone/lexicon.js";
import { wordValence } from "../../../tone/model/modelJudgements.js";
import { wordsOfMatch } from "../../../tone/report.js";
import type { Found, Patterns } from "./wordLists.js";

/** Words after "is like" that the likeness may run to: "like arguing with a revolving door". */
const LIKENESS_WORDS = 10;

/**
 * An experience of the customer (`ordealFrames`: "talking to", "dealing with") as the subject of
 * "is like", the customer its object, and a likeness that is an ordeal: a thing (WordNet's) or a
 * word AFINN-165 rates negative after a verb in -ing ("arguing with a fence post"), or "being"
 * done to ("being slowly sanded down"); not a likeness with praise in it ("like talking to an old
 * friend", "like a breath of fresh air").
 */
export function* ordeals(p: Patterns, sentence: Sentence): Generator<Found> {
  const { tokens } = sentence;
  for (const frame of p.ordealFrames.matches(sentence.words)) {
    const object = sentence.mentions().find((m) => m.first === frame.last + 1 && m.kind !== "you" && !m.possessor);
    if (!object) continue;
    const link = object.last + 1;
    if (!["is", "was", "'s"].includes(tokens[link]?.norm ?? "") || tokens[link + 1]?.norm !== "like") continue;
    // The likeness opens with a verb in -ing right after "like".
    const first = link + 2;
    const ing = tokens[first];
    if (!ing || ing.kind !== "word" || !/ing$/.test(ing.norm)) continue;
    let last = first;
    let ordeal = ing.norm === "being";
    for (let j = first + 1; j < tokens.length && j - first <= LIKENESS_WORDS; j++) {
      const t = tokens[j];
      if (t.kind === "punct") break;
      if (wordValence(t.norm) > 0) return;
      if (isThingNoun(t.norm) || wordValence(t.norm) < 0) ordeal = true;
      last = j;
    }
    if (!ordeal) continue;
    yield { messageId: "insult", target: { sentence, mention: object }, evidence: [wordsOfMatch(sentence, { first: frame.first, last })] };
    return;
  }
}
