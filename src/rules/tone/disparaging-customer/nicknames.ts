/**
 * A nickname the staff have given a customer: "The waiters call them the Lounge Lizards", "We've
 * renamed him Treebeard in the tracker", "Reception calls her the Duchess of Room 12". A name
 * for them that is not theirs, given by us, is a joke at their expense; their own name or a title
 * is not ("everyone calls him Bob", "we call her Dr Shah").
 */
import type { Sentence, ToneAnalysis, ToneText } from "../../../tone/analysis.js";
import { isNegated, mentionBefore } from "../../../tone/clauses.js";
import { FIRST_PERSON } from "../../../tone/grammar.js";
import { isCertainThirdParty, type Mention } from "../../../tone/targets.js";
import { wordsOfMatch } from "../../../tone/report.js";
import type { Found, Patterns } from "./wordLists.js";

/** Who may give the name: the staff, by their place or their trade. */
const NAMERS = new Set(["everyone", "everybody", "reception", "housekeeping", "staff", "waiters", "waitresses", "nurses", "drivers", "crew", "lads", "girls", "team", "kitchen", "desk", "office", "porters", "chefs", "guys"]);
const OBJECTS = new Set(["him", "her", "them"]);

export function* nicknames(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const { tokens } = sentence;
  const lex = analysis.lexicon;
  for (const verb of p.namingVerbs.matches(sentence.words)) {
    // The namers: us, or the staff, before the verb in its clause.
    const before = tokens.slice(Math.max(0, verb.first - 4), verb.first);
    if (!before.some((t) => FIRST_PERSON.has(t.norm) || NAMERS.has(t.norm) || /^(we|i)'/.test(t.norm))) continue;
    // Who is named: "him", "her", "them", or a customer named right after the verb.
    let at = verb.last + 1;
    const object = tokens[at];
    if (!object) continue;
    let named: { sentence: Sentence; mention: Mention } | null = null;
    const mention = sentence.mentions().find((m) => m.first === at && !m.possessor && m.kind !== "you");
    if (mention && mention.kind !== "pronoun") {
      named = { sentence, mention };
      at = mention.last + 1;
    } else if (OBJECTS.has(object.norm)) {
      named = mention ? { sentence, mention } : null;
      at += 1;
    } else continue;
    // The nickname: capitalised words, perhaps after "the" ("the Lounge Lizards"), not a given
    // name or a title.
    if (tokens[at]?.norm === "the") at++;
    const first = tokens[at];
    // (Nor a day or a month: "I'll call him Monday" rings him.)
    if (!first || first.kind !== "word" || !first.capitalised || first.allCaps || lex.givenNames.has(first.norm) || lex.titles.has(first.norm) || lex.notNames.has(first.norm)) continue;
    if (isNegated(sentence, lex, verb.first)) continue;
    if (p.praise.test(sentence.words) || p.warmth.test(sentence.words)) continue;
    const target = named && named.mention.kind !== "pronoun" ? named : (mentionBefore(text, index, isCertainThirdParty) ?? named);
    if (target) yield { messageId: "mockery", target, evidence: [wordsOfMatch(sentence, { first: verb.first, last: at })] };
    return;
  }
}
