/**
 * Where an epithet stands in its sentence: as an aside that ends it ("Tight bastards.", "…,
 * total arsehole to the new girl"), as the subject after a demonstrative ("these idiots want …"),
 * or pointed at just after a party we buy from (which makes it about them, not a customer).
 */
import type { Sentence, ToneText } from "../../../tone/analysis.js";
import type { PatternMatch } from "../../../tone/patterns.js";
import type { Patterns } from "./wordLists.js";
import { isPersonWord, isThingNoun, type ToneLexicon } from "../../../tone/lexicon.js";
import { CLAUSE_BREAKERS, DEMONSTRATIVES, FIRST_PERSON, INTENSIFIERS, PREPOSITIONS, RELATIVE_PRONOUNS, SUBJECT_PRONOUNS, isProgressiveVerb } from "../../../tone/grammar.js";

const NOT_MODIFIERS = new Set([...SUBJECT_PRONOUNS, ...FIRST_PERSON, ...PREPOSITIONS, ...RELATIVE_PRONOUNS, ...CLAUSE_BREAKERS, "and", "or", "is", "are", "was", "were"]);

/** Prepositions that may follow an emphatic aside: "total arsehole to the new girl", "absolute nightmare with the staff". */
const ASIDE_PREPOSITIONS = new Set(["to", "with", "about", "towards"]);

/**
 * Where a phrase of nothing but an epithet and its modifiers starts, when it ends its sentence
 * (bar a tag like "honestly") and is a sentence of its own or follows a comma: "Tight bastards.",
 * "…, silly old bitch." Modifiers are plain lower-case words (no pronoun, preposition, name or
 * verb form but a swear word), at most five ("a proper pack of vultures").
 * Returns -1 when the insult is part of a longer clause.
 */
export function trailingEpithet(p: Patterns, tokens: Sentence["tokens"], hit: PatternMatch, clause: number, lex: ToneLexicon): number {
  for (let j = hit.last + 1; j < tokens.length; j++) {
    const t = tokens[j];
    // "Pathetic has-been, still signing napkins nobody asked for.": opening its sentence, the
    // epithet may be followed by what they are doing.
    // So may any clause after an epithet made emphatic: "absolute galah, charged him the late fee anyway".
    if (clause === 0 && t.text === "," && j === hit.last + 1 && (doingAfter(tokens, j + 1) || tokens.slice(0, hit.first).some((x) => INTENSIFIERS.has(x.norm)))) break;
    // An aside made emphatic may say to whom it was: "…, total arsehole to the new girl on the desk".
    if (j === hit.last + 1 && ASIDE_PREPOSITIONS.has(t.norm) && tokens.slice(clause, hit.first).some((x) => INTENSIFIERS.has(x.norm))) break;
    if (t.kind === "punct" ? !/^[.!,]$/.test(t.text) : !p.closingTags.test(t.norm)) return -1;
  }
  // The aside follows a comma, a dash or an emoji: "…, absolute grifter", "… — absolute creep", "… 🙃 absolute grifter".
  const opener = tokens[clause - 1];
  if (clause > 0 && !(opener && (opener.text === "," || /^[—–-]$/.test(opener.text) || /\p{Extended_Pictographic}/u.test(opener.text)))) return -1;
  if (hit.first - clause > 5) return -1;
  for (let j = clause; j < hit.first; j++) {
    const t = tokens[j];
    // "a proper pack of vultures": "of" after a word for a group of them.
    if (t.norm === "of" && j === hit.first - 1 && p.collectiveNouns.test(tokens[j - 1]?.norm ?? "")) continue;
    if (t.kind !== "word" || t.quoted || (t.capitalised && j > clause) || NOT_MODIFIERS.has(t.norm) || lex.negators.test(t.norm)) return -1;
    // (A compound in -ed is an adjective: "tight-fisted", "beetroot-faced".)
    if (/(?:ed|ing)$/.test(t.norm) && !lex.swearWords.has(t.norm) && !t.norm.includes("-")) return -1;
  }
  return clause;
}

/**
 * After an epithet pointed at by a demonstrative, a lower-case word that names no thing and no
 * person is its verb: "these idiots want a unicorn", "that clown reckons …"; not "that clown
 * costume", "these idiots' invoices".
 */
export function finiteAfterPointed(lex: ToneLexicon, tokens: Sentence["tokens"], det: number, last: number): boolean {
  const next = tokens[last + 1];
  if (!DEMONSTRATIVES.has(tokens[det].norm) || next.capitalised || next.quoted || /['’]/.test(next.text)) return false;
  return !isThingNoun(next.norm) && !isPersonWord(lex, next.norm) && !lex.nonPersonHeads.has(next.norm) && !lex.animalNouns.has(next.norm);
}

/** A verb in -ing, perhaps after "still" or "just", at `at`: what someone is doing. */
function doingAfter(tokens: Sentence["tokens"], at: number): boolean {
  let j = at;
  if (["still", "just", "now", "always", "forever"].includes(tokens[j]?.norm ?? "")) j++;
  const t = tokens[j];
  return t !== undefined && t.kind === "word" && isProgressiveVerb(t.norm);
}

/**
 * Whether the last party spoken of before token `at` (in this sentence or the one before) is one
 * we buy from — a supplier, a courier — with no customer named after it.
 */
export function otherPartyBefore(text: ToneText, index: number, at: number, lex: ToneLexicon): boolean {
  const sentence = text.sentences[index];
  const scan = (s: Sentence, end: number): boolean | null => {
    const mentions = s.mentions();
    for (let j = end - 1; j >= 0; j--) {
      if (lex.otherParties.has(s.tokens[j].norm)) return true;
      if (mentions.some((m) => m.first <= j && j <= m.last && m.personal)) return false;
    }
    return null;
  };
  const here = scan(sentence, at);
  if (here !== null) return here;
  const before = text.sentences[index - 1];
  return before !== undefined && before.paragraph === sentence.paragraph && scan(before, before.tokens.length) === true;
}
