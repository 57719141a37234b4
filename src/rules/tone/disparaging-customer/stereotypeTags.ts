/**
 * A prediction about a customer closed by a tag that makes it their kind's habit: "Mrs Zhou will
 * try to haggle the quote down, they always do", "the Polish couple in 17 will moan about the
 * breakfast, they always do", "assume the transcript's dodgy, half of them are".
 */
import type { ToneText } from "../../../tone/analysis.js";
import { antecedent } from "../../../tone/clauses.js";
import { wordValence } from "../../../tone/model/modelJudgements.js";
import { wordsOfMatch } from "../../../tone/report.js";
import type { Found, Patterns } from "./wordLists.js";
import type { ToneLexicon } from "../../../tone/lexicon.js";
import { misconduct, namesAGroup } from "./groupWords.js";

/** Words of a prediction or an assumption in the clause before the tag. */
const PREDICTS = new Set(["will", "'ll", "wo", "won't", "expect", "assume", "probably", "bet", "guarantee", "always", "never"]);

export function* stereotypeTags(lex: ToneLexicon, p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const { tokens } = sentence;
  const tag = p.groupTags.matches(sentence.words).find((t) => tokens[t.first - 1]?.kind === "punct" && t.first > 2);
  if (!tag) return;
  if (p.praise.test(sentence.words) || p.warmth.test(sentence.words)) return;
  const before = tokens.slice(0, tag.first);
  if (!before.some((t) => PREDICTS.has(t.norm))) return;
  // (Not a habit we like: "the Okafors will bring cake for the team, they always do".)
  if (before.some((t) => t.kind === "word" && !t.quoted && wordValence(t.norm) >= 2)) return;
  // A prediction with no subject is about whoever the note was about: "Six o'clock viewing is the
  // woman with the piercings. Won't have the deposit, they never do."
  const here = sentence.mentions().find((m) => m.last < tag.first && m.kind !== "you" && !m.possessor);
  const subjectless = !here && PREDICTS.has(tokens.find((t) => t.kind === "word")?.norm ?? "");
  const target = here ? { sentence, mention: here } : subjectless ? antecedent(text, index) : null;
  if (!target) return;
  const mention = target.mention;
  const mentionTokens = target.sentence.tokens;
  // "they" must be more than the people spoken of: one person ("Mrs Zhou … they always do") or
  // people named by where they are from ("the German couple in 17"). "The Hendersons will
  // complain, they always do" is that family's habit.
  const one = !/s$/.test(mentionTokens[mention.head].norm) || ["he", "she", "him", "her"].includes(mentionTokens[mention.head].norm);
  if (!one && !namesAGroup(lex, sentence)) return;
  // Of one person, a tag that makes anything they are predicted to do their kind's habit is the
  // stereotype itself ("Mr Okafor will want everything in writing, they always do"); of people
  // named by where they are from, what is predicted must be bad: "haggle", "forge", "drunk",
  // "dodgy" (not "pay on the 1st").
  if (!one && misconduct(lex, p, sentence).length === 0 && !before.some((t) => t.kind === "word" && !t.quoted && wordValence(t.norm) <= -1)) return;
  yield { messageId: "stereotype", target, evidence: [wordsOfMatch(sentence, tag)] };
}
