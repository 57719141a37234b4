/**
 * A pretext: telling a customer that what they asked for is full, gone or closed ("just say we're
 * fully booked", "tell the Pryces the date's gone", "shall we say the year's full?"). Told truly it
 * is a kind refusal, so it keeps them out only with a reason about who they are beside it (the
 * caller's `reasons`), or the writer owning up that it is not so ("there is no list", and
 * `ownedUp` below: "Told her we were at capacity. We weren't.").
 */
import type { Sentence, ToneText } from "../../../tone/analysis.js";
import { isNegated } from "../../../tone/clauses.js";
import type { ToneLexicon } from "../../../tone/lexicon.js";
import type { PatternMatch } from "../../../tone/patterns.js";
import { cueTarget } from "../../../tone/cueTarget.js";
import { PREPOSITIONS } from "../../../tone/grammar.js";
import { actorOf } from "./actor.js";
import type { Patterns, Target } from "./wordLists.js";

/** How far past the verb (or the one told) the claim may end: "say [the chef's table is] booked". */
const REACH = 9;

/** Words that end the thing told: "say hello, the room is full" tells nothing. */
const BREAKS = new Set([",", ";", ".", "!", "?", ":", "—", "-", "(", ")", "and", "but", "because", "so", "if", "when", "as", "since"]);

export interface Pretext {
  cue: PatternMatch;
  target: Target;
}

/** Pretexts in the sentence, each with the customer told: the object of "tell", else the one spoken of. */
export function pretexts(lex: ToneLexicon, p: Patterns, text: ToneText, index: number): Pretext[] {
  const sentence = text.sentences[index];
  const found: Pretext[] = [];
  for (const verb of p.pretextVerbs.matches(sentence.words)) {
    // "tell [the lads from the stag enquiry] we're booked": the one told, then what they are told.
    const told = sentence.mentions().find((m) => !m.possessor && !m.uncertain && m.first === verb.last + 1);
    const claim = claimAfter(p, sentence, told ? told.last : verb.last);
    if (!claim) continue;
    // Ours, as a plan or an instruction ("say we're full", "let's say it's gone", "I'll tell her
    // it's sold"), and not "don't tell them we're full".
    const actor = actorOf(sentence, verb.first);
    if (!actor?.us || isNegated(sentence, lex, verb.first)) continue;
    // Without one told, the customer is whom the note is about: the last spoken of before the
    // verb ("he's on Universal Credit, so let's say …"), else in the paragraph.
    const cue = { first: verb.first, last: claim.last };
    // (Not what a preposition names about them: "on Universal Credit".)
    // (A person or role noun before a name that may be a thing: "the lad … wants the Rolex, so let's say …".)
    const candidates = sentence.mentions().filter((m) => m.last < verb.first && !m.possessor && !m.uncertain && m.kind !== "you" && !PREPOSITIONS.has(sentence.tokens[m.first - 1]?.norm ?? ""));
    const before = candidates.filter((m) => m.kind === "person" || m.kind === "role").pop() ?? candidates.pop();
    const target = told ? { sentence, mention: told } : before ? { sentence, mention: before } : cueTarget(text, index, cue, { allowYou: false });
    if (target) found.push({ cue, target });
  }
  return found;
}

/** The claim of unavailability told after the verb, in the same clause: "[the date's] gone". */
function claimAfter(p: Patterns, sentence: Sentence, after: number): PatternMatch | null {
  const { tokens } = sentence;
  let end = after + 1;
  while (end < tokens.length && end - after <= REACH && !BREAKS.has(tokens[end].norm)) end++;
  return p.unavailability.matches(sentence.words).find((m) => m.first > after + 1 && m.last < end) ?? null;
}

/** Who may own up in a clause of two words: "it isn't", "we weren't", "she hasn't". */
const OWNERS = new Set(["it", "that", "they", "she", "he", "we", "there", "i"]);
/** A negated auxiliary, with or without its apostrophe: "isn't", "werent". */
const NEGATED_AUXILIARY = /^(is|was|were|are|has|have|had|does|do|did|wo|ca|would|could)n'?t$/;
const BE = new Set(["'s", "is", "was", "'re", "are", "were"]);
/** Words that end a clause of owning up, besides punctuation. */
const CLAUSE_ENDS = new Set(["but", "and", "though"]);

/**
 * Whether the writer owns up, after token `after` or in the next sentence of the paragraph, that
 * what was told is not so, in a clause of nothing but a subject and a negated auxiliary:
 * "Told her we were at capacity. We weren't.", "told her the waitlist is 6 months 🙃 it isn't", "I said
 * it's under offer, it's not",
 * "the flat's gone. It hasn't, but …". (A fuller clause is something else: "it isn't open on Sundays".)
 */
export function ownedUp(text: ToneText, index: number, after: number, claimNegated = false): boolean {
  const here = text.sentences[index];
  const next = text.sentences[index + 1];
  return ellipticalDenial(here, after + 1, claimNegated) || (next !== undefined && next.paragraph === here.paragraph && ellipticalDenial(next, 0, claimNegated));
}

/** An auxiliary that affirms in a clause of two words: "We are.", "we do", "it is". */
const AFFIRMING_AUXILIARY = new Set(["are", "is", "am", "do", "does", "have", "has", "can", "will", "were", "was"]);

/**
 * A clause of a subject and a negated auxiliary ("It isn't."); or, when what was told was itself a
 * negation ("say we're not taking NHS patients"), one that affirms ("We are, just not that lot.").
 */
function ellipticalDenial(sentence: Sentence, from: number, claimNegated: boolean): boolean {
  let clause: string[] = [];
  // (The tokeniser may split "isn't" into "is" and "n't": they are joined again here.)
  const push = (norm: string) => (norm === "n't" && clause.length ? (clause[clause.length - 1] += norm) : clause.push(norm));
  // ("it's not", "it is not": the negation written apart.)
  const apart = () => clause.length === 3 && OWNERS.has(clause[0]) && BE.has(clause[1]) && clause[2] === "not";
  const affirms = () => claimNegated && clause.length === 2 && OWNERS.has(clause[0]) && AFFIRMING_AUXILIARY.has(clause[1]);
  const denies = () => apart() || affirms() || ((clause.length === 2 || (clause.length === 3 && clause[2] === "really")) && OWNERS.has(clause[0]) && NEGATED_AUXILIARY.test(clause[1]));
  for (const t of sentence.tokens.slice(from)) {
    if (t.kind !== "punct" && !CLAUSE_ENDS.has(t.norm)) {
      push(t.norm);
      continue;
    }
    if (denies()) return true;
    clause = [];
  }
  return denies();
}
