/**
 * Who a note says the customer is, as a fragment at its head: a group ("Geordies, so …"), a nation on
 * a person noun ("Polish landlord on Cecil Street, so …"), a place on a plural person noun ("Essex
 * girls"), or a group counted ("Large group of Yanks on 14, they'll …"). The stereotype
 * constructions read what it predicts of them.
 */
import type { Sentence, ToneAnalysis } from "../../../tone/analysis.js";
import { FUNCTION_WORDS } from "../../../tone/grammar.js";
import type { PatternMatch } from "../../../tone/patterns.js";

/** Nouns that count people at the head of a note: "group of Yanks", "coachload of pensioners". */
const GATHERINGS = new Set(["group", "party", "bunch", "load", "lot", "coachload", "busload", "coach", "table", "crowd", "gang", "couple", "pair", "family", "booking"]);

/**
 * Who they are, said as a fragment: a group, or a nation or faith on a person noun ("Polish
 * landlord"), that opens the sentence or follows a comma or dash and is followed by one.
 */
export function identityFragments(analysis: ToneAnalysis, groups: PatternMatch[], tokens: Sentence["tokens"], firstWord: number): PatternMatch[] {
  const out: PatternMatch[] = [];
  const lex = analysis.lexicon;
  // (After an article too: "the Romanian lads asking about the van, …".)
  const at = ["the", "a", "an", "two", "some"].includes(tokens[firstWord]?.norm ?? "") ? firstWord + 1 : firstWord;
  const t = tokens[at];
  const noun = tokens[at + 1];
  if (t?.kind === "word" && lex.nationalityAdjectives.has(t.norm) && noun?.kind === "word" && (lex.personNouns.has(noun.norm) || lex.roleNouns.has(noun.norm) || lex.relativeNouns.has(noun.norm))) out.push({ first: firstWord, last: at + 1 });
  const opensAfterBreak = (g: PatternMatch) => g.first === firstWord || /^[,\u2014\u2013-]$/.test(tokens[g.first - 1]?.text ?? "");
  const closedByBreak = (g: PatternMatch) => /^[,\u2014\u2013-]$/.test(tokens[g.last + 1]?.text ?? "");
  for (const g of groups) if (opensAfterBreak(g) && (g.first === firstWord || closedByBreak(g))) out.push(g);
  // "Large group of Yanks on 14, …", "coachload of pensioners, so …": a group counted at the head of the note.
  for (const g of groups) {
    const of = g.first - 1;
    if (tokens[of]?.norm === "of" && of - 1 >= firstWord && of - 1 <= firstWord + 2 && GATHERINGS.has(tokens[of - 1].norm)) out.push(g);
  }
  return out.sort((a, b) => a.first - b.first);
}

/**
 * "Essex girls", "Delhi guys", "Texas buyers": a capitalised place (not a given name or a word
 * that is no name) on a plural person noun. Read only as a fragment saying who they are.
 */
export function placeGroups(analysis: ToneAnalysis, sentence: Sentence): PatternMatch[] {
  const lex = analysis.lexicon;
  const { tokens } = sentence;
  const out: PatternMatch[] = [];
  tokens.forEach((t, i) => {
    const noun = tokens[i + 1];
    if (!noun || t.kind !== "word" || !t.capitalised || t.allCaps || lex.notNames.has(t.norm) || lex.titles.has(t.norm) || lex.givenNames.has(t.norm) || FUNCTION_WORDS.has(t.norm)) return;
    if (noun.kind !== "word" || !(/s$/.test(noun.norm) || ["people", "men", "women", "folk"].includes(noun.norm))) return;
    if (!(lex.personNouns.has(noun.norm) || lex.roleNouns.has(noun.norm) || lex.relativeNouns.has(noun.norm))) return;
    out.push({ first: i, last: i + 1 });
  });
  return out;
}
