/**
 * The structural way in: an actor that is us + an intent to exclude, deter or steer away + a
 * customer as its object (`deterrents`, `consequences`, `exclusions` in rules/tone.yaml).
 */
import type { Sentence, ToneAnalysis, ToneText } from "../../../tone/analysis.js";
import { isCertainThirdParty, type Mention } from "../../../tone/targets.js";
import { isGarmentNoun } from "../../../tone/lexicon.js";
import { antecedent, contextTarget, isNegated, negations } from "../../../tone/clauses.js";
import { inTextOrder, type PatternMatch } from "../../../tone/patterns.js";
import type { Exclusion, Patterns } from "./wordLists.js";
import { actorOf, actorWishes, plannedBefore } from "./actor.js";
import { groupMentions, objectOf } from "./objects.js";
import { hasIdentityReason, hasNeutralReason } from "./reasons.js";
import { ownedUp, pretexts } from "./pretexts.js";

/** Connectors that make what follows the hoped-for result of our plan: "… so they go elsewhere". */
const RESULT_CONNECTORS = new Set(["so", "until", "till", "and", "that", "maybe", "perhaps", "hope", "hoping", "hopefully", "luck", "lucky", "prefer", "rather", "sooner", "if"]);
/** Connectors that wish the result ourselves, with no plan needed before them: "hopefully they'll give up", "we'd prefer they went elsewhere". */
const HOPE_CONNECTORS = new Set(["hope", "hoping", "hopefully", "luck", "prefer", "rather", "sooner"]);
/** "if" wishes the result only after these: "I'd be happy if they went elsewhere". */
const WISHING_IF = new Set(["happy", "happier", "glad", "relieved", "prefer", "rather", "better", "fine"]);
/** Words between a subject and its verb that keep it a hoped-for result ("so they'll eventually give up"). */
const RESULT_AUX = new Set(["'ll", "will", "would", "'d", "might", "eventually", "just", "finally", "soon", "quietly", "simply", "hopefully", "probably", "then", "all"]);

export function intentToExclude(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Exclusion | null {
  const sentence = text.sentences[index];
  const lex = analysis.lexicon;
  const { tokens } = sentence;
  const identityReason = (intent: PatternMatch) => hasIdentityReason(analysis, p, text, index, intent);

  // Deterrents: a plan of ours to put a customer off, unless the reason is capacity or policy.
  const separableDeterrents = p.separableDeterrents.matches(sentence.words);
  for (const match of inTextOrder(p.deterrents.matches(sentence.words), separableDeterrents)) {
    const object = objectOf(sentence, match, separableDeterrents.includes(match), p);
    if (!object) continue;
    // "put the Pikes off until Friday" postpones; "price them out" of a quote may mean costing it.
    const after = tokens[match.last + 1]?.norm ?? "";
    const verb = tokens[match.first].norm;
    if (p.postponingVerbs.test(verb) && ["until", "till", "to", "for", "by", "again", "another"].includes(after)) continue;
    if (p.costingVerbs.test(verb) && !object.personal && after !== "of" && !identityReason(match)) continue;
    const actor = actorOf(sentence, match.first);
    if (!actor?.us || !actor.plan) continue;
    if (isNegated(sentence, lex, match.first)) continue;
    if (!identityReason(match) && hasNeutralReason(p, text, index)) continue;
    return { target: { sentence, mention: object }, cue: match };
  }

  // Consequences: "… so they go elsewhere", "until they lose interest", after a plan of ours.
  for (const match of p.consequences.matches(sentence.words)) {
    const subject = [...sentence.mentions(), ...groupMentions(sentence, p)]
      .filter((m) => !m.possessor && !m.uncertain && m.last < match.first && match.first - m.last <= 3)
      .sort((a, b) => a.last - b.last)
      .pop();
    if (!subject) continue;
    if (tokens.slice(subject.last + 1, match.first).some((t) => !RESULT_AUX.has(t.norm))) continue;
    let connector = -1;
    for (let j = subject.first - 1; j >= 0 && subject.first - j <= 3; j--) {
      if (RESULT_CONNECTORS.has(tokens[j].norm)) {
        connector = j;
        break;
      }
    }
    if (connector < 0) continue;
    // "and" joins only when right before the subject: "quote them high and they'll go elsewhere".
    const word = tokens[connector].norm;
    if (word === "and" && connector !== subject.first - 1) continue;
    if (word === "if" && !WISHING_IF.has(tokens[connector - 1]?.norm ?? "")) continue;
    // "so they don't go elsewhere" undoes it; "hopefully they won't come back" is the wish itself.
    const own = negations(sentence, lex).some((n) => n.first >= match.first && n.first <= match.last);
    if (!own && isNegated(sentence, lex, match.first, subject.first)) continue;
    // A wish of ours ("hopefully", "we'd prefer", "if we're lucky", "I'd be glad if") or a plan of ours before the connector.
    const wished = HOPE_CONNECTORS.has(word) || ((word === "if" || word === "lucky") && actorWishes(sentence, connector));
    if (!wished && !plannedBefore(sentence, connector)) continue;
    if (!identityReason(match) && hasNeutralReason(p, text, index)) continue;
    return { target: { sentence, mention: subject }, cue: match };
  }

  // Exclusions: steering away, keeping out, not taking on — gatekeeping only for who they are.
  const separableExclusions = p.separableExclusions.matches(sentence.words);
  for (const match of inTextOrder(p.exclusions.matches(sentence.words), separableExclusions)) {
    const object = objectOf(sentence, match, separableExclusions.includes(match), p);
    if (!object) continue;
    const own = negations(sentence, lex).some((n) => n.first >= match.first && n.first <= match.last);
    if (!own && isNegated(sentence, lex, match.first)) continue;
    const actor = actorOf(sentence, match.first);
    if (!actor?.us) continue;
    if (!identityReason(match)) continue;
    // ("let their emails sit": about their things, it is about whoever the note is about.)
    const target = object.possessor ? (contextTarget(text, index, isCertainThirdParty) ?? { sentence, mention: object }) : { sentence, mention: object };
    return { target, cue: match };
  }

  // Covert stalls: a customer's application quietly lost or left to die ("I'd lose the form at the
  // bottom of the pile", "let their application quietly lapse", "let's slow-walk the paperwork").
  // Planned by us, it is exclusion by itself, as no one loses paperwork on purpose for a reason
  // they could give; about their paperwork, it is about whoever the note is about.
  for (const match of p.covertStalls.matches(sentence.words)) {
    const actor = actorOf(sentence, match.first);
    if (!actor?.us || !actor.plan || isNegated(sentence, lex, match.first)) continue;
    const object = objectOf(sentence, match, false, p);
    const target = object && !object.possessor ? { sentence, mention: object } : contextTarget(text, index, (m) => m.kind !== "you" && m.personal && !m.uncertain);
    if (!target) continue;
    if (!identityReason(match) && hasNeutralReason(p, text, index)) continue;
    return { target, cue: match };
  }

  // Pretexts: "say we're fully booked", gatekeeping only for who they are: a reason beside it, the
  // writer owning up that it is not so (not to "you": "we told you the class was full, but it
  // wasn't" owns up to a mistake), or the words that pick them out ("the lady with the oxygen
  // tank", "the family from the hostel").
  const pretext = pretexts(lex, p, text, index).find((found) => identityReason(found.cue) || (found.target.mention.kind !== "you" && ownedUp(text, index, found.cue.last, claimIsNegated(sentence, found.cue))) || describedByWhoTheyAre(analysis, p, found.target) || describedBefore(analysis, p, text, index, found.target.mention));
  return pretext ? { target: pretext.target, cue: pretext.cue } : null;
}

/** Whether what the pretext tells is a negation: "say we're [not] taking NHS patients", "say we don't offer it". */
function claimIsNegated(sentence: Sentence, cue: PatternMatch): boolean {
  return sentence.tokens.slice(cue.first, cue.last + 1).some((t) => t.norm === "not" || t.norm === "n't" || /n't$/.test(t.norm));
}

/** "the lad with the tattoos asked about the Rolex. Just tell him it's sold.": "him" is the one described before. */
function describedBefore(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number, mention: Mention): boolean {
  if (mention.kind !== "pronoun") return false;
  const before = antecedent(text, index);
  return before !== null && describedByWhoTheyAre(analysis, p, before);
}

/** How far after the mention's head a describing phrase may run: "the lad [with the tattoos]". */
const DESCRIPTION_WORDS = 6;

/**
 * Whether the customer is picked out by who they are: a nation, region or faith on them ("the
 * Syrian family"), or a phrase right after them that names an aid, a look or where they live
 * (`identityDescriptors`: "with the walker", "in the hi-vis", "from the council estate").
 */
function describedByWhoTheyAre(analysis: ToneAnalysis, p: Patterns, target: { sentence: Sentence; mention: Mention }): boolean {
  const { sentence, mention } = target;
  const { tokens } = sentence;
  const lex = analysis.lexicon;
  if (tokens.slice(mention.first, mention.head + 1).some((t) => t.capitalised && lex.nationalityAdjectives.has(t.norm))) return true;
  // Picked out by their clothes (WordNet's garments): "the tracksuit lot", "the couple in the matching hoodies".
  if (tokens.slice(mention.first, mention.head).some((t) => t.kind === "word" && isGarmentNoun(lex, t.norm))) return true;
  if (tokens[mention.head + 1]?.norm === "in" && tokens.slice(mention.head + 2, mention.head + 5).some((t) => t.kind === "word" && isGarmentNoun(lex, t.norm))) return true;
  return p.identityDescriptors.matches(sentence.words).some((m) => m.first > mention.head && m.first <= mention.head + 2 && m.last <= mention.head + DESCRIPTION_WORDS);
}
