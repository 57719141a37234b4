/**
 * A stereotype told over two sentences: who they are, then what they will do ("Chinese tour group
 * arriving at 7. They'll empty the breakfast buffet into their handbags.", "The new lead is a
 * French company. They always take August off and argue about every clause."). Said of a group
 * named by origin, age, trade or class in the sentence before, the prediction is a stereotype
 * when what is predicted is misconduct (the pack's `stereotypeBehaviours`, WordNet's verbs of
 * misconduct) or a bad word (AFINN), not a state ("Expect them to be tired") nor a need ("They'll
 * want a high chair").
 */
import type { Sentence, ToneAnalysis, ToneText } from "../../../tone/analysis.js";
import { isNegated } from "../../../tone/clauses.js";
import { isPersonWord } from "../../../tone/lexicon.js";
import type { PatternMatch } from "../../../tone/patterns.js";
import { wordsOfMatch } from "../../../tone/report.js";
import { personMention } from "../../../tone/targets.js";
import { badWord, misconduct, modifiedGroups } from "./groupWords.js";
import type { Found, Patterns } from "./wordLists.js";

/** Words that open a prediction about people just spoken of: "They'll …", "Expect them to …". */
const OPENERS = new Set(["they'll", "theyll", "expect", "assume", "watch"]);
/** "They always …", "They never …", "they will …": a prediction or a habit after "they". */
const AFTER_THEY = new Set(["'ll", "will", "always", "never", "won't", "wo"]);
/** Words that may come before the opener: "So they'll …", "And expect …". */
const LEADS = new Set(["so", "and", "just", "honestly", "also", "oh"]);

export function* stereotypePredictions(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const before = text.sentences[index - 1];
  if (!before || before.paragraph !== sentence.paragraph) return;
  const opener = openerAt(sentence);
  if (opener < 0) return;
  const identity = identityIn(analysis, p, before);
  if (!identity || p.policyWords.test(sentence.words) || isNegated(sentence, analysis.lexicon, opener, 0)) return;
  const { tokens } = sentence;
  const bad = misconduct(analysis.lexicon, p, sentence).find((m) => m.first > opener) ?? badWord(sentence, opener + 1, tokens.length - 1);
  if (!bad || p.stateAdjectives.test(tokens[bad.first].norm)) return;
  yield { messageId: "stereotype", target: { sentence: before, mention: personMention(identity.first, identity.last) }, evidence: [wordsOfMatch(before, identity), wordsOfMatch(sentence, bad)] };
}

/** Whether the sentence opens with a prediction about people spoken of ("They'll …", "Expect them to …"). */
export function opensAPrediction(sentence: Sentence): boolean {
  return openerAt(sentence) >= 0;
}

/** Where the sentence opens its prediction (the opener's token), or -1. */
function openerAt(sentence: Sentence): number {
  const { tokens } = sentence;
  let i = tokens.findIndex((t) => t.kind === "word");
  while (i >= 0 && i < tokens.length && LEADS.has(tokens[i].norm)) i++;
  const t = tokens[i];
  if (!t) return -1;
  if (OPENERS.has(t.norm)) return i;
  if (t.norm === "they" && AFTER_THEY.has(tokens[i + 1]?.norm ?? "")) return i + 1;
  return -1;
}

/**
 * Who they are in a sentence: a group ("students", "Americans", "young couples") or a nation,
 * region or faith on a person noun within two words ("Chinese tour group", "a French company").
 */
function identityIn(analysis: ToneAnalysis, p: Patterns, sentence: Sentence): PatternMatch | null {
  const { tokens } = sentence;
  const lex = analysis.lexicon;
  // (The nation and its noun together name them: "a French company", not "French".)
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== "word" || !t.capitalised || !lex.nationalityAdjectives.has(t.norm)) continue;
    for (let j = i + 1; j <= i + 3 && j < tokens.length; j++) {
      if (tokens[j].kind !== "word") break;
      if (isPersonWord(lex, tokens[j].norm)) return { first: i, last: j };
    }
  }
  return [...modifiedGroups(analysis, p, sentence), ...p.groups.matches(sentence.words)][0] ?? null;
}
