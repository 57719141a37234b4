/**
 * A stereotype drawn from one customer: one person is spoken of as one of a kind ("Another BMW
 * driver disputing a PCN", "Single mum applying for the hardship fund", "the Romanian haulier"),
 * then "they all …" says what the whole kind does or thinks ("They all think double yellows are
 * a lifestyle choice"). "They" cannot be that one person, so it is their kind.
 *
 * Not when "they" may be people just named ("Mr Patel rang; they all want the upgrade" is his
 * party), not a need or a request ("they all want the discount code" is planning), not praise,
 * and not the tag after a prediction, which stereotypeTags.ts reads.
 */
import type { Sentence, ToneAnalysis, ToneText } from "../../../tone/analysis.js";
import { isNegated } from "../../../tone/clauses.js";
import { wordValence } from "../../../tone/model/modelJudgements.js";
import { wordsOfMatch } from "../../../tone/report.js";
import type { Mention } from "../../../tone/targets.js";
import type { Found, Patterns } from "./wordLists.js";
import { namesAKind } from "./groupWords.js";

/** Pronouns that say the one spoken of is one person. */
const ONE_PERSON = new Set(["he", "she", "him", "her", "his"]);

export function* kindFromOne(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const { tokens } = sentence;
  const all = p.kindGeneralisers.matches(sentence.words).find((m) => !tokens[m.first].quoted);
  if (!all || p.groupTags.matches(sentence.words).some((t) => t.first === all.first)) return;
  const rest = tokens.slice(all.last + 1);
  // (What they all want, need or ask for is planning; what they all love is no slur.)
  if (rest.slice(0, 3).some((t) => p.kindNeeds.test(t.norm))) return;
  if (p.praise.test(sentence.words) || p.warmth.test(sentence.words) || rest.some((t) => t.kind === "word" && !t.quoted && wordValence(t.norm) >= 2)) return;
  if (p.policyWords.test(sentence.words) || isNegated(sentence, analysis.lexicon, all.first)) return;
  const one = oneOfAKind(analysis, p, text, index, all.first);
  if (!one) return;
  yield { messageId: "stereotype", target: one, evidence: [wordsOfMatch(one.sentence, one.mention), wordsOfMatch(sentence, all)] };
}

/**
 * The one customer "they" generalises from: the last mention before token `at` in the sentence, or
 * else the last in one of the two sentences before (same paragraph), when it is one person named as one of a
 * kind — after "another", or with their origin, age or station beside them.
 */
function oneOfAKind(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number, at: number): { sentence: Sentence; mention: Mention } | null {
  const here = text.sentences[index];
  let sentence = here;
  let mentions = here.mentions().filter((m) => m.last < at && m.kind !== "you");
  // (Up to two sentences back: "Another BMW driver disputing a PCN. Naturally. They all think …")
  for (let back = index - 1; !mentions.length && back >= index - 2 && back >= 0 && text.sentences[back].paragraph === here.paragraph; back--) {
    sentence = text.sentences[back];
    mentions = sentence.mentions().filter((m) => m.kind !== "you");
  }
  const mention = mentions[mentions.length - 1];
  if (!mention || mention.kind === "organisation" || mention.kind === "recipient") return null;
  const { tokens } = sentence;
  const head = tokens[mention.head].norm;
  const another = tokens[mention.first].norm === "another" || tokens[mention.first - 1]?.norm === "another";
  if (mention.kind === "pronoun") return ONE_PERSON.has(head) && namesAKind(analysis.lexicon, p, sentence) ? { sentence, mention } : null;
  // "the Okafors", "the students": more than one already, so "they" may be just them.
  const plural = /s$/.test(head) && !/ss$/.test(head);
  if (plural || (!another && p.collectiveNouns.test(head))) return null;
  return another || namesAKind(analysis.lexicon, p, sentence) ? { sentence, mention } : null;
}
