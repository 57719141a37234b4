/**
 * A grown customer treated as a child: "Next time I'll bring crayons", "gave her a sticker",
 * "explain everything as if to a golden retriever", "in words of one syllable". Said of a child
 * it is kindness ("gave the Okoro twins extra stickers"), so a passage about children is let be.
 */
import type { Sentence, ToneAnalysis, ToneText } from "../../../tone/analysis.js";
import type { PatternList } from "../../../tone/patterns.js";
import { cueTarget } from "../../../tone/cueTarget.js";
import { contextTarget } from "../../../tone/clauses.js";
import { FIRST_PERSON } from "../../../tone/grammar.js";
import type { ToneJudgement } from "../../../tone/report.js";
import { wordsOfMatch } from "../../../tone/report.js";

/**
 * Sentences holding a childish aid (`aids`) that the writer uses or offers (a first-person
 * sentence, or a likeness: "like she was four", "as if to a toddler"), about a customer named in
 * it or just before, with no child (`children`) spoken of in the sentence or the one before.
 */
export function childishTreatment(analysis: ToneAnalysis, aids: PatternList, children: PatternList): ToneJudgement[] {
  const out: ToneJudgement[] = [];
  for (const text of analysis.texts) {
    text.sentences.forEach((sentence, index) => {
      if (!aids.test(sentence.words)) return;
      const cue = aids.matches(sentence.words)[0];
      const { tokens } = sentence;
      const likeness = ["like", "if"].includes(tokens[cue.first - 1]?.norm ?? "") || tokens[cue.first].norm === "like" || tokens[cue.first].norm === "as";
      if (!likeness && !tokens.some((t) => FIRST_PERSON.has(t.norm)) && !startsWithVerb(sentence)) return;
      if (aboutChildren(text, index, children, cue)) return;
      // (Not a capitalised first word that may be no name: "Next time I'll bring crayons".)
      const found = cueTarget(text, index, cue, { allowYou: true });
      const target = found && !found.mention.uncertain ? found : contextTarget(text, index, (m) => !m.uncertain);
      out.push({ text, sentence, messageId: "default", target, targetWords: "the reader", phrase: wordsOfMatch(sentence, cue) });
    });
  }
  return out;
}

/** An instruction to a colleague: "explain everything as if to …", "use pictures". */
function startsWithVerb(sentence: Sentence): boolean {
  const first = sentence.tokens.find((t) => t.kind === "word");
  return first !== undefined && ["explain", "use", "send", "give", "draw", "bring", "try", "laminate", "print", "write", "put", "talk"].includes(first.norm);
}

/**
 * A passage about children, to whom stickers, pictures and big letters are simply right. The
 * aid's own words do not count ("gave him the toddler version" is about no toddler).
 */
export function aboutChildren(text: ToneText, index: number, children: PatternList, aid?: { first: number; last: number }): boolean {
  const sentence = text.sentences[index];
  const before = text.sentences[index - 1];
  const here = children.test(sentence.words) && children.matches(sentence.words).some((m) => !aid || m.last < aid.first || m.first > aid.last);
  return here || (before !== undefined && before.paragraph === sentence.paragraph && children.test(before.words));
}
