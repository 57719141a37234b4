/**
 * The extent of a noun phrase that may name a customer: where a name run ends ("Hollis &
 * Grant"), how far a phrase reaches left over its modifiers ("our new client") and right over a
 * locating phrase ("the guest in room 4"), whether a person noun heads its phrase or only
 * modifies another ("user story"), where a pointed-at compound starts ("that tattoo studio") and
 * whether a name is a possessor. targets.ts decides which phrases are mentions; this file only
 * measures them.
 */
import type { Token } from "../text/tokens.js";
import { isTradeNoun, type ToneLexicon } from "./lexicon.js";
import { ATTACHING_PREPOSITIONS, DEMONSTRATIVES, DETERMINERS, FOLLOWS_HEAD, FUNCTION_WORDS, LEFT_MODIFIERS, LOCATOR_NOUNS, POSSESSIVE_PRONOUNS } from "./grammar.js";

export const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind !== "punct" && !t.quoted;
/** Capitalised, and not a word that is capitalised only for opening a sentence ("Those", "Honestly"). */
export const isNameWord = (t: Token | undefined, lex: ToneLexicon): boolean =>
  isWord(t) &&
  t.kind === "word" &&
  t.capitalised &&
  !t.allCaps &&
  /\p{L}/u.test(t.text) &&
  !lex.notNames.has(t.norm) &&
  (!lex.swearWords.has(t.norm) || lex.givenNames.has(t.norm)) &&
  !lex.titles.has(t.norm.replace(/\.$/, "")) &&
  !FUNCTION_WORDS.has(t.norm) &&
  !/^\p{L}+ly$/u.test(t.text);

/** Titles that are never ordinary words in lower case ("miss" and "sir" are). */
export const UNAMBIGUOUS_TITLES = new Set(["mr", "mrs", "ms", "mx"]);

export function isLowerCaseSurname(t: Token | undefined, lex: ToneLexicon): boolean {
  return isWord(t) && t.kind === "word" && /^\p{L}[\p{L}'-]+$/u.test(t.text) && !FUNCTION_WORDS.has(t.norm) && !lex.notNames.has(t.norm) && !lex.titles.has(t.norm);
}

export function firstWordIndex(tokens: Token[]): number {
  return tokens.findIndex((t) => t.kind !== "punct");
}

/** Extends a noun phrase to the left over determiners and modifiers ("Our new client"). */
export function extendLeft(tokens: Token[], head: number, lex: ToneLexicon): number {
  let first = head;
  for (let j = head - 1; j >= 0 && head - j <= 4; j--) {
    const t = tokens[j];
    if (!isWord(t)) break;
    // "the vendor's son", "the tutor's wife": any possessor, with its article, goes along.
    if ((t.norm === "'s" || t.norm === "'") && isWord(tokens[j - 1]) && !isNameWord(tokens[j - 1], lex) && !LEFT_MODIFIERS.has(tokens[j - 1].norm)) {
      first = DETERMINERS.has(tokens[j - 2]?.norm ?? "") ? j - 2 : j - 1;
      break;
    }
    if (LEFT_MODIFIERS.has(t.norm) || isNameWord(t, lex) || t.norm === "'s" || t.norm === "'" || /^\d/.test(t.norm) || /-/.test(t.norm)) first = j;
    else break;
    if (DETERMINERS.has(t.norm)) break;
  }
  // "Dr Pereira's office manager": take the possessor's title and name along.
  return first;
}

/** Extends to the right over a locating phrase: "the guest in room 4", "the couple on Maple Row". */
export function extendRight(tokens: Token[], head: number, lex: ToneLexicon): number {
  const prep = tokens[head + 1];
  if (!isWord(prep) || !ATTACHING_PREPOSITIONS.has(prep.norm) || prep.norm === "of") return head;
  let last = head;
  for (let j = head + 2; j < tokens.length && j <= head + 5; j++) {
    const t = tokens[j];
    if (t.text === "&" && isNameWord(tokens[j + 1], lex)) continue;
    // ("at no. 9": the abbreviation's stop.)
    if (t.text === "." && tokens[j - 1]?.norm === "no" && /^\d/.test(tokens[j + 1]?.norm ?? "")) continue;
    if (!isWord(t)) break;
    if (j === head + 2 && (t.norm === "the" || t.norm === "a")) continue;
    if (isNameWord(t, lex) || /\d/.test(t.norm) || LOCATOR_NOUNS.has(t.norm) || t.text === "&") last = j;
    else break;
  }
  return last;
}

/** A capitalised run: "Hollis & Grant", "Orbital Freight", "Mr and Mrs Quigley". */
export function nameRun(tokens: Token[], i: number, lex: ToneLexicon): number {
  let last = i;
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j];
    if (isNameWord(t, lex) || (t.kind === "template" && !t.quoted)) last = j;
    else if ((t.text === "&" || t.norm === "of") && isNameWord(tokens[j + 1], lex)) continue;
    else if (t.text === "&" && tokens[j + 1]?.norm === "co") {
      last = j + 1;
      j++;
    } else break;
  }
  return last;
}

/** After a name or a possessive pronoun: "'s" + a person noun makes the person the head. */
export function possessedPerson(tokens: Token[], after: number, lex: ToneLexicon): number {
  let j = after + 1;
  if (tokens[j]?.norm === "'s" || tokens[j]?.norm === "'") j++;
  else if (!POSSESSIVE_PRONOUNS.has(tokens[after]?.norm ?? "")) return -1;
  // The last of a compound: "their office manager", "Acme's finance director".
  let head = -1;
  for (let k = j; k < tokens.length && k <= j + 2; k++) {
    const t = tokens[k];
    // "their IT director": an acronym in capitals is a modifier, not the pronoun "it".
    if (!isWord(t) || (FUNCTION_WORDS.has(t.norm) && !(t.allCaps && t.text.length > 1))) break;
    if (isPersonHead(t, lex)) head = k;
    else if (head >= 0) break;
  }
  return head;
}

export function isPersonNoun(t: Token, lex: ToneLexicon): boolean {
  return lex.personNouns.has(t.norm) || (!t.capitalised && isTradeNoun(lex, t.norm));
}

export function isPersonHead(t: Token, lex: ToneLexicon): boolean {
  return lex.roleNouns.has(t.norm) || lex.relativeNouns.has(t.norm) || isPersonNoun(t, lex);
}

/** A role noun used as a modifier ("user story", "guest Wi-Fi", "tenant table") is not a person. */
export function isModifier(tokens: Token[], i: number, lex: ToneLexicon): boolean {
  const next = tokens[i + 1];
  if (!next || next.kind === "punct" || next.quoted) return false;
  if (lex.nonPersonHeads.has(next.norm)) return true;
  return false;
}

/** A name followed by the animal it names: "Bramble the spaniel", "Mr Tumnus, the schnauzer". */
export function namesAnAnimal(tokens: Token[], last: number, lex: ToneLexicon): boolean {
  let j = last + 1;
  if (tokens[j]?.text === ",") j++;
  if (tokens[j]?.norm !== "the" && tokens[j]?.norm !== "our") return false;
  let k = j + 1;
  // "the old spaniel", "the new Labrador puppy": a modifier or two before the animal.
  while (k < tokens.length && k <= j + 3 && isWord(tokens[k])) {
    if (lex.animalNouns.has(tokens[k].norm)) return true;
    k++;
  }
  return false;
}

/** Collective nouns that, with a modifier after "the", name a kind of people: "the benefits crowd". */
export const COLLECTIVE_NOUNS = new Set(["crowd", "crowds", "brigade", "brigades", "mob", "tribe", "types"]);
/** Our own units: "that support team" is more likely colleagues than customers. */
const OWN_UNITS = new Set(["team", "teams", "staff", "office", "board", "committee", "crew", "group", "groups", "department", "shift", "desk", "lead", "manager", "managers", "head", "rep", "reps", "officer", "assistant", "coordinator", "administrator", "clerk", "controller", "one", "ones"]);

/**
 * A person noun with one or two modifier nouns between it and a pointing determiner: "that
 * tattoo studio", "those stag crowds"; after "the" only a collective noun ("the benefits crowd").
 * Returns the determiner's index, or -1.
 */
export function compoundStart(tokens: Token[], head: number, lex: ToneLexicon): number {
  const noun = tokens[head].norm;
  if (OWN_UNITS.has(noun) || lex.roleNouns.has(noun) || lex.relativeNouns.has(noun)) return -1;
  for (let j = head - 1; j >= 0 && head - j <= 3; j--) {
    const t = tokens[j];
    if (!isWord(t) || t.kind !== "word") return -1;
    // ("the mondeo guy", "the lost luggage lady": staff name a customer by what they came about.)
    if (DEMONSTRATIVES.has(t.norm) || (t.norm === "the" && (COLLECTIVE_NOUNS.has(noun) || SHORTHAND_HEADS.has(noun)))) return j < head - 1 ? j : -1;
    if (t.capitalised || FUNCTION_WORDS.has(t.norm) || /ly$/.test(t.norm) || /^\d/.test(t.norm) || lex.swearWords.has(t.norm)) return -1;
  }
  return -1;
}

/** Person nouns a note hangs a customer's business on: "the mondeo guy", "the parrot lady". */
const SHORTHAND_HEADS = new Set(["guy", "lady", "man", "woman", "bloke", "fella", "chap", "dude", "gent", "kid", "lad"]);

/** Whether the phrase ending at token `i` is a possessor: "Mr Kaplan's invoice", not "Mr Kaplan's late". */
export function isPossessive(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next || (next.norm !== "'s" && next.norm !== "'")) return false;
  // "'s" is also "is": "Mr Kaplan's late" vs "Mr Kaplan's invoice". A following determiner,
  // adverb or known judgement reads as "is"; a plain word reads as a possessive noun.
  const after = tokens[i + 2];
  if (!after || after.kind === "punct") return false;
  return !DETERMINERS.has(after.norm) && !FOLLOWS_HEAD.has(after.norm) && !/ly$/.test(after.norm) && !/ing$/.test(after.norm);
}
