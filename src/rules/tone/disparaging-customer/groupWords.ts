/**
 * What names people as a kind, and what counts as bad conduct, for the stereotype constructions:
 * a group by a modifier of origin, age or class ("young couples", "Nigerian clients", "Geordies",
 * "Essex lot"), and misconduct or a bad word said of them ("haggle", "forge", "exaggerate").
 */
import type { Sentence, ToneAnalysis } from "../../../tone/analysis.js";
import { FUNCTION_WORDS } from "../../../tone/grammar.js";
import type { PatternMatch } from "../../../tone/patterns.js";
import type { ToneLexicon } from "../../../tone/lexicon.js";
import { wordValence } from "../../../tone/model/modelJudgements.js";
import type { Patterns } from "./wordLists.js";

/** How bad a word must be (AFINN-165) to be a bad behaviour predicted of a group: "exaggerate", "blame", "cheat". */
const BAD_VALENCE = -2;

/** "young couples", "private-school parents", "rich clients": a modifier that makes a group of a plural person noun. */
export function modifiedGroups(analysis: ToneAnalysis, p: Patterns, sentence: Sentence): PatternMatch[] {
  // (Three constructions ask it of the same sentence: worked out once per sentence and pack entry.)
  const kept = modifiedMemo.get(sentence);
  if (kept?.p === p) return kept.groups;
  const groups = findModifiedGroups(analysis, p, sentence);
  modifiedMemo.set(sentence, { p, groups });
  return groups;
}

const modifiedMemo = new WeakMap<Sentence, { p: Patterns; groups: PatternMatch[] }>();

function findModifiedGroups(analysis: ToneAnalysis, p: Patterns, sentence: Sentence): PatternMatch[] {
  const lex = analysis.lexicon;
  const { tokens } = sentence;
  const out: PatternMatch[] = [];
  // "Nigerian clients", "Polish landlords": a nation, region or faith (WordNet's) on a person noun.
  const nationalities = tokens.flatMap((t, i) => (t.kind === "word" && t.capitalised && !t.allCaps && lex.nationalityAdjectives.has(t.norm) ? [{ first: i, last: i }] : []));
  for (const m of [...p.groupModifiers.matches(sentence.words), ...nationalities]) {
    const noun = tokens[m.last + 1];
    if (!noun || noun.kind !== "word" || !/s$/.test(noun.norm) && !["people", "men", "women", "folk"].includes(noun.norm)) continue;
    if (!(lex.roleNouns.has(noun.norm) || lex.relativeNouns.has(noun.norm) || lex.personNouns.has(noun.norm))) continue;
    if (lex.nonPersonHeads.has(tokens[m.last + 2]?.norm ?? "")) continue;
    out.push({ first: m.first, last: m.last + 1 });
  }
  // "Geordies", "Londoners", "Italians": what people from a place are called, in the plural.
  tokens.forEach((t, i) => {
    if (t.kind !== "word" || !t.capitalised || t.allCaps || !t.norm.endsWith("s")) return;
    const one = t.norm.slice(0, -1);
    if (lex.demonymNouns.has(one) || lex.nationalityAdjectives.has(one)) out.push({ first: i, last: i });
  });
  // "Essex lot", "Surrey types": a place or name that makes a kind of person.
  tokens.forEach((t, i) => {
    const noun = tokens[i + 1];
    if (!noun || t.kind !== "word" || !t.capitalised || t.allCaps || lex.notNames.has(t.norm) || FUNCTION_WORDS.has(t.norm)) return;
    if (noun.norm !== "lot" && !p.kindNouns.test(noun.norm)) return;
    out.push({ first: i, last: i + 1 });
  });
  return out;
}

/**
 * Whether the sentence names a group by nation, region or faith (WordNet's): "Nigerian clients",
 * "Londoners". Such a sentence is let through to the constructions though no listed word is in it.
 */
export function namesAGroup(lex: ToneLexicon, sentence: Sentence): boolean {
  return sentence.tokens.some((t) => t.kind === "word" && t.capitalised && (lex.nationalityAdjectives.has(t.norm) || (t.norm.endsWith("s") && (lex.demonymNouns.has(t.norm.slice(0, -1)) || lex.nationalityAdjectives.has(t.norm.slice(0, -1))))));
}

/** Whether the sentence names someone by kind: an origin or faith ("Romanian"), or a modifier of age or station ("young", "single"). */
export function namesAKind(lex: ToneLexicon, p: Patterns, sentence: Sentence): boolean {
  return namesAGroup(lex, sentence) || p.groupModifiers.test(sentence.words);
}

/**
 * Bad behaviours in the sentence: the pack's (`stereotypeBehaviours`: "haggle", "won't pay",
 * "cheapest") and WordNet's verbs of misconduct ("forge", "pilfer", "grumble"), in text order.
 */
export function misconduct(lex: ToneLexicon, p: Patterns, sentence: Sentence): PatternMatch[] {
  const listed = p.stereotypeBehaviours.matches(sentence.words);
  const derived = sentence.tokens.flatMap((t, i) => (t.kind === "word" && !t.quoted && lex.conductVerbs.has(t.norm) && !listed.some((m) => m.first <= i && i <= m.last) ? [{ first: i, last: i }] : []));
  return [...listed, ...derived].sort((a, b) => a.first - b.first);
}

/** A word from `first` to `last` bad enough to be a bad behaviour (AFINN-165), as a match. */
export function badWord(sentence: Sentence, first: number, last: number): PatternMatch | undefined {
  for (let j = first; j <= last && j < sentence.tokens.length; j++) {
    const t = sentence.tokens[j];
    if (t.kind === "word" && !t.quoted && wordValence(t.norm) <= BAD_VALENCE) return { first: j, last: j };
  }
  return undefined;
}
