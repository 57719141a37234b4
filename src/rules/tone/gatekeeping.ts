/**
 * `gatekeeping`: a customer judged "not our type", or a plan to price them out or put them off.
 *
 * Two ways in:
 * - a judgement of the customer as not our kind (`cues`: "not the kind of people we want", "not
 *   really our clientele"; `unsuitable`: "he isn't premium-card material"), with a customer target
 *   in its sentence or the one before it;
 * - a structure: an actor that is us (we, I, let's, an imperative, the venue or its management) +
 *   an intent to exclude, deter or steer away + a customer as its object. Intents that deter by
 *   themselves (`deterrents`: "price them out", "put the couple off", and `consequences`: "… so
 *   they go elsewhere") need a plan by us and no reason about capacity, policy or safety
 *   (`neutralReasons`). The weaker ones (`exclusions`: "steer them towards", "keep them away",
 *   "we'd rather not take them on") need a reason about who the customer is (`reasons`: "they'd
 *   stick out", "bad for the brand") in the sentence or the one next to it.
 *
 * "We had to turn guests away because of the fire limit" is compelled, not planned; "steer them to
 * the sister hotel, we're fully booked" gives no reason about them.
 */
import { defineRule, type RuleContext } from "../../engine/rule.js";
import { analyseMessage, type Sentence, type ToneAnalysis, type ToneText } from "../../tone/analysis.js";
import { clauseStart, complementOf, isNegated, negations } from "../../tone/clauses.js";
import { cueTarget } from "../../tone/cueTarget.js";
import { DETERMINERS, FIRST_PERSON, PREPOSITIONS, RELATIVE_PRONOUNS, SUBJECT_PRONOUNS } from "../../tone/grammar.js";
import { isPersonOrOrganisation } from "../../tone/nlp.js";
import type { PatternMatch } from "../../tone/patterns.js";
import { reportJudgement, type ToneJudgement } from "../../tone/report.js";
import { rulePatterns, type CompiledPatterns } from "../../tone/rulePatterns.js";
import type { Mention } from "../../tone/targets.js";
import { withModel } from "../../tone/model/modelJudgements.js";

const KEYS = ["cues", "negatedCues", "unsuitable", "deterrents", "exclusions", "consequences", "reasons", "negatedReasons", "framingReasons", "neutralReasons", "groups"] as const;
type Patterns = CompiledPatterns<(typeof KEYS)[number]>;
/** Reasons alone never start the work: a sentence needs a cue or an intent. */
const PREFILTER = ["cues", "negatedCues", "unsuitable", "deterrents", "exclusions", "consequences"] as const;

type Target = { sentence: Sentence; mention: Mention };

export default defineRule({
  id: "gatekeeping",
  pack: "tone",
  async check(context: RuleContext) {
    const analysis = analyseMessage(context.message, context.config);
    const patterns = rulePatterns(context.data, KEYS, { prefilter: PREFILTER });
    const own: ToneJudgement[] = [];
    for (const text of analysis.texts) {
      for (let index = 0; index < text.sentences.length; index++) {
        const sentence = text.sentences[index];
        // (The word line, not its string: the string form is split into words again on every call.)
        if (!patterns.prefilter.test(sentence.words)) continue;
        const target = (await judgedNotOurKind(analysis, patterns, text, index)) ?? structural(analysis, patterns, text, index);
        if (!target) continue;
        own.push({ text, sentence, messageId: "default", target });
      }
    }
    for (const judgement of withModel(analysis, "gatekeeping", own)) reportJudgement(context, analysis, judgement);
  },
});

/** Verbs of meeting and words of frequency: "we don't get that kind of guest very often". */
const ENCOUNTERS = new Set(["get", "gets", "see", "sees", "meet", "meets", "have", "has", "receive", "receives", "come", "hear", "deal", "handle", "host", "usually"]);
const FREQUENCY = new Set(["often", "much", "usually", "every", "many", "anymore", "regularly", "normally", "round", "around"]);

/**
 * A negated "that kind of guest" judges the guest only when what is negated is wanting or
 * welcoming; with a verb of meeting or a word of frequency it says how rare they are.
 */
function saysHowOften(sentence: Sentence, first: number, last: number): boolean {
  const words = sentence.tokens.map((t) => t.norm);
  return words.slice(Math.max(0, first - 3), first).some((w) => ENCOUNTERS.has(w)) || words.slice(last + 1, last + 5).some((w) => FREQUENCY.has(w));
}

async function judgedNotOurKind(analysis: ToneAnalysis, patterns: Patterns, text: ToneText, index: number): Promise<Target | null> {
  const sentence = text.sentences[index];
  const negated = patterns.negatedCues
    .matches(sentence.words)
    .filter((cue) => isNegated(sentence, analysis.lexicon, cue.first, 0) && !saysHowOften(sentence, cue.first, cue.last));
  const cues = [
    ...patterns.cues.matches(sentence.words),
    // "I don't think they are the type of people we would want": the negation may open the sentence.
    ...negated,
  ];
  // "He isn't premium-card material", "I don't think they're right for the building": a
  // customer, as the subject, said not to be suitable.
  for (const mention of sentence.mentions()) {
    if (mention.possessor || mention.kind === "you") continue;
    const complement = complementOf(sentence, mention, analysis.lexicon);
    if (!complement) continue;
    const hit = patterns.unsuitable.matches(sentence.words).find((m) => m.first >= complement.first && m.first <= complement.last);
    if (hit && isNegated(sentence, analysis.lexicon, hit.last, 0)) cues.push({ ...hit, first: mention.first });
  }
  for (const cue of cues) {
    const target = cueTarget(text, index, cue, { allowYou: true });
    if (target && (await isPersonOrOrganisation(target.sentence, target.mention))) return target;
  }
  return null;
}

/** Words that may open an instruction before its verb: "Please just quietly steer them …". */
const LEAD_WORDS = new Set(["please", "just", "honestly", "frankly", "maybe", "perhaps", "then", "and", "or", "politely", "quietly", "simply", "ideally", "also", "so", "ok", "okay", "right", "really", "probably", "definitely", "gently", "kindly", "nicely", "first", "now", "personally", "tbh", "if", "possible", "we", "you", "can", "could", "would", "will", "shall", "should", "let", "'s", "us", "i", "'d", "'ll", "rather", "sooner", "try", "to", "even"]);
/** Words before an intent that make it a plan rather than a report. */
const PLAN_WORDS = new Set(["will", "'ll", "would", "'d", "should", "could", "can", "might", "shall", "going", "gonna", "want", "wants", "try", "trying", "plan", "planning", "aim", "aiming", "hope", "hoping", "rather", "sooner", "prefer", "let", "to", "'s", "must", "need"]);
/** Words that make the act compelled, not chosen: "we had to turn guests away". */
const COMPELLED = new Set(["had", "has", "have", "forced", "obliged", "required", "must", "got"]);
/** Who "we" are when named: "the hotel would rather not …", "management doesn't want …". */
const OUR_SIDE = new Set(["management", "hotel", "venue", "practice", "firm", "club", "salon", "spa", "restaurant", "gallery", "agency", "clinic", "brand", "committee", "board", "owners", "owner", "partners", "bar", "shop", "studio", "school", "hall", "estate", "manor", "house"]);

interface Actor {
  /** The act is ours: our subject, or an instruction to a colleague. */
  us: boolean;
  /** Planned or wished, not reported as done. */
  plan: boolean;
}

/** Who does the act at token `v`, read from its clause: "Let's …", "Could we …", "The hotel would rather …". */
function actorOf(sentence: Sentence, v: number): Actor | null {
  const { tokens } = sentence;
  const start = clauseStart(tokens, v);
  const words = tokens.slice(start, v).filter((t) => t.kind !== "punct");
  // "we had to turn walk-ins away", "we must steer them elsewhere": compelled, not chosen.
  const near = words.slice(-3).map((t) => t.norm);
  if (near.some((w) => COMPELLED.has(w)) && (near.includes("to") || near.includes("must"))) return null;
  if (words.length === 0 || words.every((t) => LEAD_WORDS.has(t.norm))) {
    const hasSubject = words.some((t) => ["we", "i", "you", "us"].includes(t.norm));
    // A bare verb ("Steer them …") or "Let's", "Could we", "I'll": ours, and planned.
    return { us: true, plan: !hasSubject || words.some((t) => PLAN_WORDS.has(t.norm)) };
  }
  // A subject of ours, with nothing else of its own in between: "I'd rather we …", "The hotel doesn't want …".
  let us = false;
  for (let j = 0; j < words.length; j++) {
    const w = words[j].norm;
    if (FIRST_PERSON.has(w) && w !== "me" && w !== "my") us = true;
    else if (OUR_SIDE.has(w) && (j === 0 || ["the", "our"].includes(words[j - 1].norm))) us = true;
    else if (SUBJECT_PRONOUNS.has(w) && !["we", "i"].includes(w) && us === false) return null;
  }
  if (!us) return null;
  return { us, plan: words.some((t) => PLAN_WORDS.has(t.norm)) };
}

/** A customer named as the object of the intent: "steer [the couple from the caravan site] towards …". */
function objectOf(sentence: Sentence, match: PatternMatch, separable: boolean, p: Patterns): Mention | null {
  const { tokens } = sentence;
  const mentions = [...sentence.mentions().filter((m) => !m.uncertain), ...groupMentions(sentence, p)].sort((a, b) => a.first - b.first);
  const inside = mentions.find((m) => m.first > match.first && m.first <= match.first + 4 && (separable ? m.last < match.last : m.last <= match.last));
  if (inside) {
    // "lose their enquiry": what is theirs stands for them; "keep their kids out" does not.
    if (inside.possessor && separable && !["business", "custom", "money"].includes(tokens[inside.last + 1]?.norm ?? "")) return null;
    if (!separable) return inside;
    // What lies between the object and the particle only describes it: "the couple [from the
    // caravan site] towards"; one word may be the particle's own first word ("somewhere else").
    const rest = tokens.slice(inside.last + 1, match.last).filter((t) => t.kind !== "punct");
    if (rest.length <= 1 || PREPOSITIONS.has(rest[0].norm) || RELATIVE_PRONOUNS.has(rest[0].norm) || rest[0].norm === "feel") return inside;
    return null;
  }
  if (separable) return null;
  return mentions.find((m) => !m.possessor && m.first > match.last && m.first <= match.last + 3) ?? null;
}

/** Groups of customers named as such: "the students", "those stag parties". */
function groupMentions(sentence: Sentence, p: Patterns): Mention[] {
  const { tokens } = sentence;
  return p.groups.matches(sentence.words).map((g) => {
    const det = tokens[g.first - 1];
    const first = det && (DETERMINERS.has(det.norm) || det.norm === "all") ? g.first - 1 : g.first;
    return { first, last: g.last, head: g.last, kind: "person" as const, personal: true, possessor: false, uncertain: false };
  });
}

/** A match whose last word is a particle separated from its verb by the object ("price [them] out"). */
function isSeparable(match: PatternMatch): boolean {
  return match.pattern.includes("* *?");
}

/**
 * A reason about who the customer is, in the sentence or the one next to it in its paragraph. In
 * the intent's own sentence a negation inside the intent ("we'd rather not have …") is the
 * intent's, not the reason's.
 */
function hasIdentityReason(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number, intent: PatternMatch): boolean {
  const here = text.sentences[index];
  const lex = analysis.lexicon;
  for (const k of [index, index - 1, index + 1]) {
    const s = text.sentences[k];
    if (!s || s.paragraph !== here.paragraph) continue;
    const from = (m: PatternMatch, base: number) => (k === index && m.first > intent.last ? Math.max(base, intent.last + 1) : base);
    for (const m of p.reasons.matches(s.words)) {
      // Its own negation is part of it ("don't belong"); else nothing may negate it ("wouldn't stick out").
      const own = negations(s, lex).some((n) => n.first >= m.first && n.first <= m.last);
      if (own || !isNegated(s, lex, m.first, from(m, clauseStart(s.tokens, m.first)))) return true;
    }
    if (p.framingReasons.test(s.words.line)) return true;
    // "they're not exactly country-club people": these hold only when negated.
    if (p.negatedReasons.matches(s.words).some((m) => isNegated(s, lex, m.first, from(m, 0)))) return true;
  }
  return false;
}

function hasNeutralReason(p: Patterns, text: ToneText, index: number): boolean {
  const here = text.sentences[index];
  for (const k of [index, index - 1, index + 1]) {
    const s = text.sentences[k];
    if (s && s.paragraph === here.paragraph && p.neutralReasons.test(s.words.line)) return true;
  }
  return false;
}

/** Connectors that make what follows the hoped-for result of our plan: "… so they go elsewhere". */
const RESULT_CONNECTORS = new Set(["so", "until", "till", "and", "that", "maybe", "perhaps", "hope", "hoping", "hopefully", "luck", "lucky", "prefer", "rather", "sooner", "if"]);
/** Connectors that wish the result ourselves, with no plan needed before them: "hopefully they'll give up", "we'd prefer they went elsewhere". */
const HOPE_CONNECTORS = new Set(["hope", "hoping", "hopefully", "luck", "prefer", "rather", "sooner"]);
/** "if" wishes the result only after these: "I'd be happy if they went elsewhere". */
const WISHING_IF = new Set(["happy", "happier", "glad", "relieved", "prefer", "rather", "better", "fine"]);
/** Words between a subject and its verb that keep it a hoped-for result ("so they'll eventually give up"). */
const RESULT_AUX = new Set(["'ll", "will", "would", "'d", "might", "eventually", "just", "finally", "soon", "quietly", "simply", "hopefully", "probably", "then", "all"]);

function structural(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Target | null {
  const sentence = text.sentences[index];
  const lex = analysis.lexicon;
  const { tokens } = sentence;
  const identityReason = (intent: PatternMatch) => hasIdentityReason(analysis, p, text, index, intent);

  // Deterrents: a plan of ours to put a customer off, unless the reason is capacity or policy.
  for (const match of p.deterrents.matches(sentence.words)) {
    const object = objectOf(sentence, match, isSeparable(match), p);
    if (!object) continue;
    // "put the Pikes off until Friday" postpones; "price them out" of a quote may mean costing it.
    const after = tokens[match.last + 1]?.norm ?? "";
    if (/^(put|puts|putting)$/.test(tokens[match.first].norm) && ["until", "till", "to", "for", "by", "again", "another"].includes(after)) continue;
    if (/^(price|prices|pricing)$/.test(tokens[match.first].norm) && !object.personal && after !== "of" && !identityReason(match)) continue;
    const actor = actorOf(sentence, match.first);
    if (!actor?.us || !actor.plan) continue;
    if (isNegated(sentence, lex, match.first)) continue;
    if (!identityReason(match) && hasNeutralReason(p, text, index)) continue;
    return { sentence, mention: object };
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
    return { sentence, mention: subject };
  }

  // Exclusions: steering away, keeping out, not taking on — gatekeeping only for who they are.
  for (const match of p.exclusions.matches(sentence.words)) {
    const object = objectOf(sentence, match, isSeparable(match), p);
    if (!object) continue;
    const own = negations(sentence, lex).some((n) => n.first >= match.first && n.first <= match.last);
    if (!own && isNegated(sentence, lex, match.first)) continue;
    const actor = actorOf(sentence, match.first);
    if (!actor?.us) continue;
    if (!identityReason(match)) continue;
    return { sentence, mention: object };
  }
  return null;
}

/** "I'd be happy if …", "if we're lucky …": the one wishing, just before the connector, is us. */
function actorWishes(sentence: Sentence, connector: number): boolean {
  const words = sentence.tokens.slice(Math.max(0, connector - 5), connector).map((t) => t.norm);
  return words.includes("we") || words.includes("i");
}

/**
 * The clause before a result connector is a plan of ours: "Let's make the form so long …", "Give
 * the woman the long list so …", "I'll quote them high and …" (not "The form is so long …").
 */
function plannedBefore(sentence: Sentence, connector: number): boolean {
  const { tokens } = sentence;
  let start = connector;
  while (start > 0 && !(tokens[start - 1].kind === "punct" && /^[;:.!?()\u2014\u2013]$/.test(tokens[start - 1].text))) start--;
  const words = tokens.slice(start, connector).filter((t) => t.kind !== "punct");
  const lead = words.findIndex((t) => !LEAD_WORDS.has(t.norm) || ["we", "i", "you"].includes(t.norm));
  if (lead < 0) return false;
  const norms = words.map((t) => t.norm);
  if (norms.includes("let") && norms[norms.indexOf("let") + 1] === "'s") return true;
  // "we could …", "I'll …", "we're going to …".
  for (let j = 0; j < norms.length - 1; j++) {
    if (["we", "i"].includes(norms[j]) && norms.slice(j + 1, j + 4).some((w) => PLAN_WORDS.has(w) && w !== "to")) return true;
    // "Can we …", "Should we …".
    if (["we", "i"].includes(norms[j + 1]) && ["can", "could", "shall", "should", "will", "might"].includes(norms[j]) && j === lead - 1) return true;
  }
  // An instruction: a bare verb followed by its object ("Give the woman …", "Quote them …").
  const first = words[lead];
  const next = words[lead + 1];
  if (!first || FIRST_PERSON.has(first.norm) || SUBJECT_PRONOUNS.has(first.norm) || DETERMINERS.has(first.norm) || first.norm === "there") return false;
  if (lead > 0 && !words.slice(0, lead).every((t) => LEAD_WORDS.has(t.norm) && !["we", "i", "you"].includes(t.norm))) return false;
  if (first.capitalised && first !== tokens.find((t) => t.kind !== "punct")) return false;
  return !!next && (DETERMINERS.has(next.norm) || ["them", "him", "her", "us"].includes(next.norm) || (next.capitalised && next.kind === "word"));
}
