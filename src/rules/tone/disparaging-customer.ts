/**
 * `disparaging-customer`: a judgement aimed at a customer target. The judgement must be about the
 * target, not merely near it, so each way of judging someone is its own construction:
 *
 * - complement: the target is the subject and the insult what it is said to be
 *   ("the couple are a pair of clowns"; not "the server is a nightmare", not "they're not difficult");
 * - epithet: an insult used to point at them ("that idiot at Brightwater", "what a pair of halfwits");
 * - object of contempt ("I can't stand the Renfrews"; not "I hate that the guest had to wait");
 * - dismissal ("Mr X can piss off", "screw these people");
 * - stereotype (a group generalised: "students never pay", "they're lawyers, so expect …");
 * - contempt and mockery cues, which carry the judgement without a harsh word ("bless them",
 *   "hide the good biscuits") and need a target in the sentence or the one before it.
 *
 * The words live in `rules/tone.yaml`; this file is the structure.
 */
import { defineRule, type RuleContext } from "../../engine/rule.js";
import type { PackRule } from "../../packs/schema.js";
import { analyseMessage, type Sentence, type ToneAnalysis, type ToneText } from "../../tone/analysis.js";
import { clauseStart, complementOf, contextTarget, isNegated, isPredicative } from "../../tone/clauses.js";
import { cueTarget } from "../../tone/cueTarget.js";
import { DEMONSTRATIVES, FOLLOWS_HEAD, POSSESSIVE_PRONOUNS } from "../../tone/grammar.js";
import { isPersonOrOrganisation } from "../../tone/nlp.js";
import type { PatternMatch } from "../../tone/patterns.js";
import { reportJudgement, type ToneJudgement } from "../../tone/report.js";
import { rulePatterns, type CompiledPatterns } from "../../tone/rulePatterns.js";
import type { Mention } from "../../tone/targets.js";

export const RULE_ID = "disparaging-customer";

const KEYS = [
  "insultNouns",
  "insultAdjectives",
  "harshJudgements",
  "idioms",
  "contemptVerbs",
  "contemptCues",
  "mockeryCues",
  "groups",
  "generalisers",
  "stereotypeConsequences",
  "stereotypeCues",
  "dismissals",
] as const;
type Key = (typeof KEYS)[number];
type Patterns = CompiledPatterns<Key>;

const PREFILTER_KEYS: readonly Key[] = ["insultNouns", "insultAdjectives", "harshJudgements", "contemptVerbs", "contemptCues", "mockeryCues", "groups", "stereotypeCues", "stereotypeConsequences", "dismissals"];

type Found = Omit<ToneJudgement, "text" | "sentence">;

/** The findings of this rule for a message, computed once (the profanity rule reads them too). */
export async function findDisparagement(analysis: ToneAnalysis, data: PackRule): Promise<ToneJudgement[]> {
  const memoKey = `${RULE_ID}:judgements`;
  const memo = analysis.memo.get(memoKey) as Promise<ToneJudgement[]> | undefined;
  if (memo) return memo;
  const result = (async () => {
    const patterns = rulePatterns(data, KEYS, { prefilter: PREFILTER_KEYS, nouns: ["insultNouns", "harshJudgements", "groups"] });
    const out: ToneJudgement[] = [];
    for (const text of analysis.texts) {
      for (let index = 0; index < text.sentences.length; index++) {
        const sentence = text.sentences[index];
        if (!patterns.prefilter.test(sentence.words.line)) continue;
        for (const found of judgeSentence(analysis, patterns, text, index)) {
          // A capitalised first word is a target only if it is a name: "Kyle is …", not "Parking is …".
          if (found.target && !(await isPersonOrOrganisation(found.target.sentence, found.target.mention))) continue;
          out.push({ ...found, text, sentence });
          break;
        }
      }
    }
    return out;
  })();
  analysis.memo.set(memoKey, result);
  return result;
}

function* judgeSentence(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  yield* complements(analysis, p, sentence);
  yield* epithets(analysis, p, text, index);
  yield* objectsOfContempt(analysis, p, sentence);
  yield* dismissals(p, sentence);
  yield* stereotypes(analysis, p, text, index);
  for (const cue of p.contemptCues.matches(sentence.words)) {
    const target = cueTarget(text, index, cue, { allowYou: false });
    if (target) yield { messageId: "contempt", target };
  }
  for (const cue of p.mockeryCues.matches(sentence.words)) {
    const target = cueTarget(text, index, cue, { allowYou: false });
    if (target) yield { messageId: "mockery", target };
  }
}

function overlaps(a: PatternMatch, b: { first: number; last: number }): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** Insult matches that are not part of an idiom ("guinea pig", "in pain"). */
function insults(p: Patterns, sentence: Sentence, key: Key): PatternMatch[] {
  const idioms = p.idioms.matches(sentence.words);
  return p[key].matches(sentence.words).filter((m) => !idioms.some((i) => overlaps(i, m)));
}

function isProfane(analysis: ToneAnalysis, sentence: Sentence, m: PatternMatch): boolean {
  return analysis.lexicon.profanity.matches(sentence.words).some((w) => overlaps(w, m));
}

/**
 * Words that also describe things ("useless", "a nightmare") judge only a subject that is surely
 * a person: "she", "the client", a name — not "they", which may be the new printers.
 */
function clearlyPersonal(m: Mention): boolean {
  return m.personal;
}

function* complements(analysis: ToneAnalysis, p: Patterns, sentence: Sentence): Generator<Found> {
  const { tokens } = sentence;
  const personOnly = [...insults(p, sentence, "insultNouns"), ...insults(p, sentence, "insultAdjectives")];
  const harsh = insults(p, sentence, "harshJudgements");
  for (const mention of sentence.mentions()) {
    const complement = complementOf(sentence, mention, analysis.lexicon);
    if (!complement) continue;
    const inWindow = (m: PatternMatch) => m.first >= complement.first && m.first <= complement.last && isPredicative(tokens, complement, m.first);
    const hit = personOnly.find(inWindow) ?? (clearlyPersonal(mention) ? harsh.find(inWindow) : undefined);
    if (!hit) continue;
    // "They're not difficult at all", "Nobody here thinks the client is stupid".
    if (isNegated(sentence, analysis.lexicon, hit.first, clauseStart(tokens, mention.first))) continue;
    yield { messageId: isProfane(analysis, sentence, hit) ? "profanity" : "insult", target: { sentence, mention } };
  }
}

/**
 * An insult used as a name for someone. The insult must head its phrase: in "the dummy account"
 * it is a modifier, and after a copula it is a complement (handled, negation and all, above).
 */
function* epithets(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const { tokens } = sentence;
  const lex = analysis.lexicon;
  const copulas = lex.copulas.matches(sentence.words);
  const nouns = insults(p, sentence, "insultNouns");
  // "that clueless man", "the dimmest person": an insulting adjective on a person noun.
  const attributive = insults(p, sentence, "insultAdjectives").flatMap((m) => {
    for (let j = m.last + 1; j < tokens.length && j <= m.last + 3; j++) {
      const t = tokens[j];
      if (lex.personNouns.has(t.norm) || lex.roleNouns.has(t.norm) || lex.relativeNouns.has(t.norm)) return [{ ...m, last: j }];
      if (t.kind === "punct" && t.text !== ",") break;
    }
    return [];
  });
  // "Shrill, whiny, and convinced the world owes her a free night." A verbless sentence that opens
  // with an insult is about whoever the paragraph was about. (Not "Dense fog delayed the coach":
  // there the adjective is attached to a noun.)
  const firstWord = tokens.findIndex((t) => t.kind !== "punct");
  const opening = insults(p, sentence, "insultAdjectives").find((m) => m.first === firstWord);
  if (opening && (tokens[opening.last + 1]?.kind === "punct" || tokens[opening.last + 1]?.norm === "and")) {
    const target = contextTarget(text, index, (m) => m.kind !== "you");
    if (target) yield { messageId: "insult", target };
  }
  for (const hit of [...nouns, ...attributive]) {
    const start = clauseStart(tokens, hit.first);
    if (copulas.some((c) => c.first >= start && c.last < hit.first)) continue;
    const next = tokens[hit.last + 1];
    if (next && next.kind === "word" && !next.quoted && !FOLLOWS_HEAD.has(next.norm) && !next.capitalised) continue;
    let det = -1;
    for (let j = hit.first - 1; j >= start && hit.first - j <= 4; j--) {
      const norm = tokens[j].norm;
      if (DEMONSTRATIVES.has(norm) || POSSESSIVE_PRONOUNS.has(norm) || ["the", "our", "what", "such", "you", "some"].includes(norm)) {
        det = j;
        break;
      }
    }
    const attached = sentence.mentions().find((m) => m.first > hit.last && m.first <= hit.last + 2 && ["at", "from", "in", "on", "with"].includes(tokens[hit.last + 1]?.norm ?? ""));
    if (det < 0 && !attached) continue;
    if (isNegated(sentence, lex, hit.first, start)) continue;
    const messageId = isProfane(analysis, sentence, hit) ? "profanity" : "insult";
    const detWord = det >= 0 ? tokens[det].norm : "";
    if (attached) {
      yield { messageId, target: { sentence, mention: { ...attached, first: det >= 0 ? det : hit.first } } };
    } else if (DEMONSTRATIVES.has(detWord) || POSSESSIVE_PRONOUNS.has(detWord) || detWord === "our" || detWord === "some") {
      // "those tossers", "their idiot of a manager": the insult is how they are pointed at.
      yield { messageId, target: { sentence, mention: { first: det, last: hit.last, head: hit.last, kind: "person", personal: true, possessor: false, uncertain: false } } };
    } else if (detWord === "you") {
      const you = sentence.mentions().find((m) => m.first === det && m.kind === "you");
      if (you) yield { messageId, target: { sentence, mention: you } };
    } else {
      // "What a pair of halfwits." — about whoever was just mentioned.
      const before = sentence.mentions().filter((m) => m.last < hit.first && m.kind !== "you");
      const target = before.length ? { sentence, mention: before[before.length - 1] } : contextTarget(text, index, (m) => m.kind !== "you");
      if (target) yield { messageId, target };
    }
  }
}

const COMPLEMENTISERS = new Set(["to", "for", "if", "when", "how", "it", "this", "myself", "having", "being", "the way", "what"]);

function* objectsOfContempt(analysis: ToneAnalysis, p: Patterns, sentence: Sentence): Generator<Found> {
  const { tokens } = sentence;
  for (const verb of p.contemptVerbs.matches(sentence.words)) {
    const before = tokens[verb.first - 1]?.norm ?? "";
    // "It's a pity the client …", "what a hate": nouns, not verbs.
    if (verb.first === verb.last && ["a", "an", "the", "what", "such", "no"].includes(before)) continue;
    const next = tokens[verb.last + 1];
    if (!next || COMPLEMENTISERS.has(next.norm) || /ing$/.test(next.norm)) continue;
    // "I hate that the guest had to wait": "that" + a clause is a complementiser, not "that man".
    if (next.norm === "that" && ["the", "a", "our", "we", "he", "she", "they", "it", "you", "i", "there"].includes(tokens[verb.last + 2]?.norm ?? "")) continue;
    const object = sentence.mentions().find((m) => m.first > verb.last && m.first <= verb.last + 2 && !m.possessor);
    if (!object) continue;
    const inherentlyNegative = analysis.lexicon.negators.matches(sentence.words).some((n) => overlaps(n, verb));
    if (!inherentlyNegative && isNegated(sentence, analysis.lexicon, verb.first)) continue;
    yield { messageId: "contempt", target: { sentence, mention: object } };
  }
}

function* dismissals(p: Patterns, sentence: Sentence): Generator<Found> {
  for (const d of p.dismissals.matches(sentence.words)) {
    const mentions = sentence.mentions();
    // "screw these people" (the object), else "the users who voted it down can go to hell" (the subject).
    const start = clauseStart(sentence.tokens, d.first);
    const target =
      mentions.find((m) => overlaps(d, m) || (m.first > d.first && m.first <= d.last + 1)) ??
      mentions.filter((m) => m.last < d.first && m.first >= start && !m.possessor).pop();
    if (target) yield { messageId: "profanity", target: { sentence, mention: target } };
  }
}

function* stereotypes(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const { tokens } = sentence;
  const groups = p.groups.matches(sentence.words);
  const generalisers = p.generalisers.matches(sentence.words);
  // "Students never pay on time", "Hen parties from the Midlands are all the same".
  for (const group of groups) {
    if (tokens[group.first - 1]?.norm === "our") continue;
    const general = generalisers.find((g) => g.first > group.last && g.first - group.last <= 6 && !tokens.slice(group.last + 1, g.first).some((t) => t.kind === "punct"));
    if (!general) continue;
    const groupMention: Mention = { first: group.first, last: group.last, head: group.last, kind: "person", personal: true, possessor: false, uncertain: false };
    yield { messageId: "stereotype", target: { sentence, mention: groupMention } };
  }
  // "They're lawyers, so expect them to nitpick"; "She's from Essex, so …".
  const consequences = p.stereotypeConsequences.matches(sentence.words);
  for (const mention of sentence.mentions()) {
    const complement = complementOf(sentence, mention, analysis.lexicon);
    if (!complement) continue;
    const identity =
      groups.some((g) => g.first >= complement.first && g.first <= complement.first + 3) ||
      (tokens[complement.first]?.norm === "from" && tokens[complement.first + 1]?.capitalised);
    if (!identity) continue;
    const so = tokens.findIndex((t, j) => j > complement.first && t.norm === "so");
    if (so < 0 || !consequences.some((c) => c.first > so)) continue;
    yield { messageId: "stereotype", target: { sentence, mention } };
  }
  for (const cue of p.stereotypeCues.matches(sentence.words)) {
    const group = groups.find((g) => g.first >= cue.first - 1 && g.first <= cue.last + 1);
    if (group) {
      yield { messageId: "stereotype", target: { sentence, mention: { first: group.first, last: group.last, head: group.last, kind: "person", personal: true, possessor: false, uncertain: false } } };
      continue;
    }
    const target = cueTarget(text, index, cue, { allowYou: false });
    if (target) yield { messageId: "stereotype", target };
  }
}

export default defineRule({
  id: RULE_ID,
  pack: "tone",
  async check(context: RuleContext) {
    const analysis = analyseMessage(context.message, context.config);
    for (const judgement of await findDisparagement(analysis, context.data)) reportJudgement(context, analysis, judgement);
  },
});
