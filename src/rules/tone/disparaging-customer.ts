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
import { clauseStart, complementOf, wordsAboutTheWriter, contextTarget, isNegated, isPredicative, negations } from "../../tone/clauses.js";
import { cueTarget } from "../../tone/cueTarget.js";
import { CLAUSE_BREAKERS, DEMONSTRATIVES, DETERMINERS, FOLLOWS_HEAD, FUNCTION_WORDS, POSSESSIVE_PRONOUNS, PREPOSITIONS, SENTENCE_ADVERBS, SUBJECT_PRONOUNS } from "../../tone/grammar.js";
import { isPersonOrOrganisation } from "../../tone/nlp.js";
import type { PatternMatch } from "../../tone/patterns.js";
import { reportJudgement, type ToneJudgement } from "../../tone/report.js";
import { rulePatterns, type CompiledPatterns } from "../../tone/rulePatterns.js";
import type { Mention } from "../../tone/targets.js";
import { withModel, wordValence } from "../../tone/model/modelJudgements.js";

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
  "groupModifiers",
  "origins",
  "punchlines",
  "sarcasmOpeners",
  "reportedWants",
  "stereotypeBehaviours",
  "alsoThings",
  "returnCues",
  "warmth",
  "dreadReactions",
  "contactVerbs",
  "sightings",
  "painfulPreferences",
  "retorts",
  "notAgain",
  "interjections",
  "dreadOpeners",
  "euphemisms",
  "laughCues",
  "praise",
  "subjectCues",
  "rhetoricalQuestions",
  "groupHabits",
  "quipTags",
  "comparisonFrames",
  "dimObjects",
  "beliefs",
  "reportCues",
  "followUps",
  "concessions",
  "kindNouns",
  "policyWords",
] as const;
type Key = (typeof KEYS)[number];
type Patterns = CompiledPatterns<Key>;

const PREFILTER_KEYS: readonly Key[] = ["insultNouns", "insultAdjectives", "harshJudgements", "contemptVerbs", "contemptCues", "mockeryCues", "groups", "groupModifiers", "stereotypeCues", "stereotypeConsequences", "dismissals", "punchlines", "sarcasmOpeners", "returnCues", "dreadReactions", "painfulPreferences", "retorts", "notAgain", "dreadOpeners", "euphemisms", "laughCues", "subjectCues", "reportCues", "kindNouns", "rhetoricalQuestions", "comparisonFrames"];

type Found = Omit<ToneJudgement, "text" | "sentence"> & {
  /** The judgement can only be about a person ("Kyle is clueless"), so a capitalised first word it
   * is said of is a name without asking the tagger (which costs ~400 ms to load). */
  personOnly?: boolean;
};

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
        if (!patterns.prefilter.test(sentence.words) && !sentence.profane()) continue;
        for (const found of judgeSentence(analysis, patterns, text, index)) {
          // A capitalised first word is a target only if it is a name: "Kyle is …", not "Parking is …".
          if (found.target && !found.personOnly && !(await isPersonOrOrganisation(found.target.sentence, found.target.mention))) continue;
          const { personOnly: _, ...judgement } = found;
          out.push({ ...judgement, text, sentence });
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
  yield* profaneNames(analysis, sentence);
  yield* stereotypes(analysis, p, text, index);
  yield* comparisons(analysis, p, sentence);
  yield* laughter(p, text, index);
  yield* rhetorical(p, text, index);
  for (const cue of p.subjectCues.matches(sentence.words)) {
    // "Our favourite client strikes again": the customer is the subject right before the cue.
    const subject = sentence
      .mentions()
      .filter((m) => !m.possessor && m.kind !== "you" && m.last < cue.first && cue.first - m.last <= 3)
      .pop();
    if (p.praise.test(sentence.words) || p.warmth.test(sentence.words)) continue;
    if (subject && sentence.tokens.slice(subject.last + 1, cue.first).every((t) => SENTENCE_ADVERBS.has(t.norm))) yield { messageId: "mockery", target: { sentence, mention: subject } };
  }
  for (const cue of p.contemptCues.matches(sentence.words)) {
    const slot = aboutSlot(sentence, cue);
    const target = slot === null ? cueTarget(text, index, cue, { allowYou: false }) : slot;
    if (target) yield { messageId: "contempt", target };
  }
  const reports = p.reportCues.matches(sentence.words);
  for (const cue of [...p.mockeryCues.matches(sentence.words), ...reports]) {
    // "answer the question he actually asked": a pronoun that opens a relative clause after a noun
    // is not the start of a sneer.
    const prev = sentence.tokens[cue.first - 1];
    if (SUBJECT_PRONOUNS.has(sentence.tokens[cue.first].norm) && prev && prev.kind === "word" && !CLAUSE_BREAKERS.has(prev.norm) && !SENTENCE_ADVERBS.has(prev.norm)) continue;
    // "She brought cakes for the team, bless her", "Poor thing, she's been ill all week": fond or
    // sorry, not mocking. Mockery goes on to what they believe or tried ("bless them, they think …").
    if (/^(bless|poor)/.test(cue.pattern)) {
      if (p.praise.test(sentence.words) || p.warmth.test(sentence.words)) continue;
      const next = text.sentences[index + 1];
      const believes = p.beliefs.test(sentence.words) || (next !== undefined && next.paragraph === sentence.paragraph && p.beliefs.test(next.words));
      if (!believes || p.followUps.matches(sentence.words).some((f) => f.first > cue.last)) continue;
    }
    const slot = aboutSlot(sentence, cue);
    const target = slot === null ? cueTarget(text, index, cue, { allowYou: false }) : slot;
    if (!target) continue;
    if (reports.includes(cue)) {
      // "The tenant is convinced the leak is from upstairs; can you check?" is a report, not a sneer.
      const m = target.mention;
      const owner = m.possessor || ["'", "'s"].includes(target.sentence.tokens[m.last + 1]?.norm ?? "");
      if ((owner && !(target.sentence === sentence && m.first >= cue.first && m.last <= cue.last)) || p.warmth.test(sentence.words) || p.praise.test(sentence.words)) continue;
      if (p.followUps.matches(sentence.words).some((f) => f.first > cue.last)) continue;
    }
    yield { messageId: "mockery", target };
  }
  yield* gossip(analysis, p, text, index);
  yield* dreadOpening(p, sentence);
  // "Oh brilliant, the Marchetti lot want a refund": sarcastic only when what follows reports what
  // the customer wants or believes ("Oh great, the Hendersons signed!" is good news).
  for (const cue of p.sarcasmOpeners.matches(sentence.words)) {
    if (!p.reportedWants.matches(sentence.words).some((w) => w.first > cue.last)) continue;
    const target = cueTarget(text, index, cue, { allowYou: false });
    if (target && target.sentence === sentence && target.mention.first > cue.last) yield { messageId: "mockery", target };
  }
  yield* punchlines(p, text, index);
}

/**
 * A cue that says what it is about with "with" or "about" ("here we go again with the boiler", "the
 * less said about the Quigleys") is about that object and nothing else in the sentence: the
 * customer mention right after it, or `undefined` (no target) when the object is not a customer.
 * `null` when the cue names no object this way.
 */
function aboutSlot(sentence: Sentence, cue: PatternMatch): { sentence: Sentence; mention: Mention } | undefined | null {
  const { tokens } = sentence;
  // A cue that names its target itself ("… so they can complain about something") is about them.
  if (sentence.mentions().some((m) => m.kind === "pronoun" && m.first >= cue.first && m.last <= cue.last)) return null;
  const last = tokens[cue.last]?.norm;
  const at = last === "with" || last === "about" ? cue.last : ["with", "about"].includes(tokens[cue.last + 1]?.norm ?? "") ? cue.last + 1 : -1;
  if (at < 0) return null;
  const mention = sentence.mentions().find((m) => m.first > at && m.first <= at + 2 && m.kind !== "you" && !m.uncertain);
  return mention ? { sentence, mention } : undefined;
}

/**
 * Contempt shown as dread or ridicule without an insult word:
 * - dread at a customer's contact: "my heart sinks when the Kemps ring", "every time Mrs Pardoe's
 *   name comes up I groan" (present tense: a habit, not the day bad news came);
 * - a painful preference: "I'd rather chew tinfoil than sit through lunch with the buyer";
 * - a retort that ends a report about them: "Mr Dacre says it was our fault. Of course he did.";
 * - "Oh no, not the Hallorans again.";
 * - "Guess who's back", unless the return is welcome news.
 */
function* gossip(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const { tokens } = sentence;
  const lex = analysis.lexicon;
  const customers = () => sentence.mentions().filter((m) => m.kind !== "you" && !m.uncertain);

  for (const cue of p.returnCues.matches(sentence.words)) {
    const next = text.sentences[index + 1];
    const warm = p.warmth.test(sentence.words.line) || (next !== undefined && next.paragraph === sentence.paragraph && p.warmth.test(next.words.line));
    if (warm) continue;
    const target = cueTarget(text, index, cue, { allowYou: false });
    if (target) yield { messageId: "contempt", target };
  }

  const dread = p.dreadReactions.matches(sentence.words).filter((d) => {
    const own = negations(sentence, lex).some((n) => n.first >= d.first && n.first <= d.last);
    return !own && !isNegated(sentence, lex, d.first);
  });
  if (dread.length > 0) {
    for (const contact of p.contactVerbs.matches(sentence.words)) {
      const subject = customers()
        .filter((m) => m.last < contact.first && contact.first - m.last <= 3)
        .pop();
      if (!subject) continue;
      // "Mrs Pardoe's name comes up": the possessor of the name; else the subject of the verb.
      if (subject.possessor !== (tokens[contact.first].norm === "name")) continue;
      const between = tokens.slice(subject.last + 1, contact.first).map((t) => t.norm);
      if (!between.every((w) => CONTACT_AUX.has(w))) continue;
      const before = tokens.slice(Math.max(0, subject.first - 3), subject.first).map((t) => t.norm);
      // "when the Kemps ring", or a report of them in touch again followed by the dread: "The
      // Blakes are coming back in June, I could scream" (not "… rang to say she was ill; my heart sank").
      const again = tokens.slice(subject.last + 1, contact.last + 3).some((t) => t.norm === "again" || t.norm === "back");
      const reaction = dread.find((d) => d.first > contact.last && d.first - contact.last <= 6);
      const juxtaposed = again && reaction !== undefined && !p.warmth.test(sentence.words.line) && !/(sank|dropped|lurched|turned|died|wanted|hid)$/.test(tokens[reaction.last].norm) &&
        !tokens.slice(contact.last + 1, reaction.first).some((t) => ["to", "about", "that", "because", "with"].includes(t.norm));
      if (!before.some((w) => WHEN_WORDS.has(w)) && !juxtaposed) continue;
      if (isNegated(sentence, lex, contact.first, subject.first)) continue;
      yield { messageId: "contempt", target: { sentence, mention: subject } };
      return;
    }
    // "every time I get an email from the Marsh family", "when I see her name".
    for (const seen of p.sightings.matches(sentence.words)) {
      const before = tokens.slice(Math.max(0, seen.first - 4), seen.first).map((t) => t.norm);
      if (!before.some((w) => WHEN_WORDS.has(w))) continue;
      const mention = customers().find((m) => (m.first >= seen.first && m.last <= seen.last) || (m.first > seen.last && m.first <= seen.last + 2));
      if (mention && !isNegated(sentence, lex, seen.first)) {
        yield { messageId: "contempt", target: { sentence, mention } };
        return;
      }
    }
  }

  for (const m of p.painfulPreferences.matches(sentence.words)) {
    const than = tokens.findIndex((t, j) => j > m.last && t.norm === "than");
    if (than < 0) continue;
    const target = customers().find((x) => x.first > than);
    if (!target) continue;
    const between = tokens.slice(than + 1, target.first).map((t) => t.norm);
    if (target.first - than > 3 && !between.some((w) => ["with", "to", "another", "again", "for"].includes(w))) continue;
    if (isNegated(sentence, lex, m.first)) continue;
    yield { messageId: "contempt", target: { sentence, mention: target } };
    return;
  }

  for (const m of p.retorts.matches(sentence.words)) {
    // ("did" may match before its "n't": "Of course he didn't.")
    if (tokens.slice(m.last + 1).some((t) => t.kind !== "punct" && t.norm !== "n't")) continue;
    if (tokens.slice(0, m.first).filter((t) => t.kind !== "punct").length > 2) continue;
    const prev = text.sentences[index - 1];
    if (!prev || prev.paragraph !== sentence.paragraph || /\?\s*$/.test(prev.text)) continue;
    const target = contextTarget(text, index, (x) => x.kind !== "you" && !x.uncertain && !x.possessor);
    if (target) {
      yield { messageId: "mockery", target };
      return;
    }
  }

  for (const m of p.notAgain.matches(sentence.words)) {
    const opening = tokens.slice(0, m.first).filter((t) => t.kind !== "punct");
    if (!opening.every((t) => p.interjections.test(t.norm))) continue;
    if (tokens.slice(m.last + 1).some((t) => t.kind !== "punct" && !p.interjections.test(t.norm))) continue;
    const mention = customers().find((x) => x.first === m.first + 1 && x.last === m.last - 1);
    if (mention) {
      yield { messageId: "contempt", target: { sentence, mention } };
      return;
    }
  }
}

/**
 * "Oh god, the Pattersons have booked again": an opener of dread, then a customer in touch again
 * (not "Oh no, the Kemps' flight was cancelled").
 */
function* dreadOpening(p: Patterns, sentence: Sentence): Generator<Found> {
  const { tokens } = sentence;
  const opener = p.dreadOpeners.matches(sentence.words).find((m) => tokens.slice(0, m.first).every((t) => t.kind === "punct"));
  if (!opener) return;
  const contact = p.contactVerbs.matches(sentence.words).find((c) => c.first > opener.last);
  if (!contact) return;
  const again = tokens.findIndex((t, j) => j >= contact.first && j <= contact.last + 2 && (t.norm === "again" || t.norm === "back"));
  // A bare report ("… have booked again."), not news with its reason ("… emailed again about the leak").
  if (again < 0 || tokens.slice(again + 1).some((t) => t.kind !== "punct")) return;
  const subject = sentence
    .mentions()
    .filter((m) => m.kind !== "you" && !m.uncertain && !m.possessor && m.first > opener.last && m.last < contact.first && contact.first - m.last <= 3)
    .pop();
  if (subject) yield { messageId: "contempt", target: { sentence, mention: subject } };
}

/** What may open the clause of a customer's contact: "when", "whenever", "every time", "as soon as". */
const WHEN_WORDS = new Set(["when", "whenever", "time", "soon", "if"]);
/** Words between the customer and the contact verb: "when the Kemps inevitably ring". */
const CONTACT_AUX = new Set(["'s", "is", "are", "'re", "has", "have", "'ve", "inevitably", "just", "finally", "even", "again", "so", "much", "as", "then", "next", "eventually", "invariably", "always", "ever"]);

/**
 * A sentence of up to five words (or a tag after the last comma) that turns the one before it into a joke: "… turn the sea down.
 * Genuinely.", "… goes for 200k. Adorable.", "Lucky us." It mocks whoever the sentence before was
 * about, when that was a customer named as a subject (not "the client's parcel").
 */
function* punchlines(p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const { tokens } = sentence;
  const wordIdx = tokens.flatMap((t, i) => (t.kind !== "punct" ? [i] : []));
  if (wordIdx.length === 0) return;
  const cues = p.punchlines.matches(sentence.words);
  const covers = (from: number, to: number) => cues.some((m) => m.first <= from && m.last >= to);
  const lastWord = wordIdx[wordIdx.length - 1];
  const wantedBy = (s: Sentence, before = s.tokens.length, keep: (w: PatternMatch) => boolean = () => true) => {
    const wants = p.reportedWants.matches(s.words).filter(keep);
    return s.mentions().find((m) => !m.possessor && m.kind !== "you" && m.last < before && wants.some((w) => w.first > m.last && w.first < before));
  };
  // "… on a village-hall budget, how sweet.": a tag after the last comma of the sentence.
  if (wordIdx.length > 3) {
    const comma = tokens.reduce((at, t, i) => (t.kind === "punct" && t.text === "," ? i : at), -1);
    const tagWords = wordIdx.filter((i) => i > comma);
    if (comma > 0 && tagWords.length > 0 && tagWords.length <= 3 && covers(tagWords[0], lastWord)) {
      // Only what they want or believe, not what they asked ("asked for a cake for their daughter, how sweet").
      const mention = wantedBy(sentence, comma, (w) => !/^ask/.test(w.pattern) && !w.pattern.includes("asked"));
      if (mention) {
        yield { messageId: "mockery", target: { sentence, mention } };
        return;
      }
    }
  }
  if (wordIdx.length > 5) return;
  if (!covers(wordIdx[0], lastWord) || index === 0) return;
  // The sentence mocked may sit behind a fragment: "… because it rained in Cornwall. In October. Who could have predicted it."
  for (let k = index - 1; k >= 0 && index - k <= 2; k--) {
    const before = text.sentences[k];
    if (before.paragraph !== sentence.paragraph) return;
    const mention = wantedBy(before);
    if (mention) {
      yield { messageId: "mockery", target: { sentence: before, mention } };
      return;
    }
    if (before.tokens.filter((t) => t.kind !== "punct").length > 4) return;
  }
}

function overlaps(a: PatternMatch, b: { first: number; last: number }): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** Insult matches that are not part of an idiom ("guinea pig", "in pain"). */
function insults(p: Patterns, sentence: Sentence, key: Key): PatternMatch[] {
  const idioms = p.idioms.matches(sentence.words);
  return p[key].matches(sentence.words).filter((m) => {
    if (idioms.some((i) => overlaps(i, m))) return false;
    // Words that are also pronouns or negators ("nobody told her") insult only as nouns: "a nobody".
    const word = sentence.tokens[m.first];
    if (m.first === m.last && NEGATING_NOUNS.has(word.norm)) return ["a", "little", "total", "complete", "absolute", "jumped-up", "utter"].includes(sentence.tokens[m.first - 1]?.norm ?? "");
    // The writer's judgement of themselves: "i'm such a muppet, i booked Mrs Aziz into …",
    // "what an idiot I am".
    const self = wordsAboutTheWriter(sentence.tokens);
    if (self.has(m.first) && self.has(m.last)) return false;
    // An insult word before a word of praise only intensifies it: "crazy generous", "wicked smart".
    const next = sentence.tokens[m.last + 1];
    if (m.first === m.last && next?.kind === "word" && wordValence(next.norm) >= 1) return false;
    return true;
  });
}

const NEGATING_NOUNS = new Set(["nobody", "nobodies", "none", "nothing"]);
function isProfane(analysis: ToneAnalysis, sentence: Sentence, m: PatternMatch): boolean {
  return sentence.swears().some((w) => overlaps(w, m));
}

/**
 * Words that also describe things ("useless", "a nightmare") judge only a subject that is surely
 * a person: "she", "the client", a name — not "they", which may be the new printers.
 */
function clearlyPersonal(m: Mention): boolean {
  return m.personal;
}

/**
 * A swear word used as an adjective on a person: "a shit client", "this bloody couple". The match
 * runs from the swear word to the person noun, and the noun must head its phrase ("the bloody
 * client portal" is about the portal).
 */
function profaneAttributives(analysis: ToneAnalysis, sentence: Sentence): PatternMatch[] {
  const { tokens } = sentence;
  const lex = analysis.lexicon;
  const out: PatternMatch[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== "word" || t.quoted || !lex.swearWords.has(t.norm)) return;
    for (let j = i + 1; j < tokens.length && j <= i + 2; j++) {
      const n = tokens[j];
      if (n.kind !== "word" || n.quoted) break;
      if (lex.roleNouns.has(n.norm) || lex.relativeNouns.has(n.norm) || lex.personNouns.has(n.norm)) {
        if (!lex.nonPersonHeads.has(tokens[j + 1]?.norm ?? "")) out.push({ first: i, last: j, pattern: t.norm });
        break;
      }
    }
  });
  return out;
}

/** Swear words that work as adjectives: "bloody Hendersons", "the fucking Marlows". */
const SWEAR_ADJECTIVES = new Set(["fucking", "f***ing", "f**king", "f*cking", "fcking", "effing", "bloody", "sodding", "bleeding", "frigging", "flipping", "damn", "damned", "goddamn", "shitty", "crappy"]);
/** What a plural family name is followed by when it is the subject: "Hendersons have cancelled". */
const PLURAL_SUBJECT_NEXT = new Set(["have", "'ve", "are", "'re", "were", "want", "wanted", "think", "thought", "keep", "kept", "never", "always", "still", "again", "can", "could", "will", "'ll", "would", "'d", "do", "did", "n't"]);

/**
 * A swear word used as an adjective on a named customer: "Fucking Hendersons have cancelled",
 * "the bloody Marlows". Only names that are surely people: a recipient, their organisation, a
 * titled name ("bloody Mr Pike"), or a family name in the plural followed by its verb (not
 * "fucking Teams keeps crashing", a product).
 */
function* profaneNames(analysis: ToneAnalysis, sentence: Sentence): Generator<Found> {
  const { tokens } = sentence;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== "word" || t.quoted || !SWEAR_ADJECTIVES.has(t.norm)) continue;
    const at = tokens[i + 1]?.norm === "the" ? i + 2 : i + 1;
    const mention = sentence.mentions().find((m) => (m.first === at || m.first === i + 1) && !m.possessor && ["name", "recipient", "organisation", "template"].includes(m.kind));
    if (!mention) continue;
    const first = tokens[mention.first];
    const titled = analysis.lexicon.titles.has(first.norm.replace(/\.$/, ""));
    const head = tokens[mention.head];
    const next = tokens[mention.last + 1];
    const pluralFamily = mention.first === mention.last || (mention.first + 1 === mention.last && first.norm === "the");
    const familySubject = pluralFamily && /\p{Ll}s$/u.test(head.text) && (!next || next.kind === "punct" || PLURAL_SUBJECT_NEXT.has(next.norm));
    if (mention.kind === "name" && !titled && !familySubject) continue;
    yield { messageId: "profanity", target: { sentence, mention: { ...mention, first: i, uncertain: false } }, personOnly: true };
    return;
  }
}

const OBJECT_PRONOUNS = new Set(["me", "us", "him", "her", "them", "everyone", "everybody", "people", "staff"]);
const PLACE_VERBS = new Set(["insure", "run", "feed", "house", "host", "cover", "heat", "maintain", "reach", "find", "get", "park", "access", "locate", "visit", "navigate", "book", "contact", "load", "install", "use", "read", "open"]);

function* complements(analysis: ToneAnalysis, p: Patterns, sentence: Sentence): Generator<Found> {
  const { tokens } = sentence;
  // "a bit special", "a bit slow": only at the end of the clause ("a bit slow to reply" is a fact).
  const euphemisms = insults(p, sentence, "euphemisms").filter((m) => {
    const n = tokens[m.last + 1];
    return !n || (n.kind === "punct" && n.text !== "-" && n.text !== "'") || ["if", "bless", "lol", "tbh", "honestly", "shall"].includes(n.norm);
  });
  const personOnly = [...insults(p, sentence, "insultNouns"), ...insults(p, sentence, "insultAdjectives"), ...profaneAttributives(analysis, sentence), ...euphemisms];
  const harsh = insults(p, sentence, "harshJudgements");
  const alsoThings = p.alsoThings.matches(sentence.words);
  for (const mention of sentence.mentions()) {
    const complement = complementOf(sentence, mention, analysis.lexicon);
    if (!complement) continue;
    const inWindow = (m: PatternMatch) => m.first >= complement.first && m.first <= complement.last && isPredicative(tokens, complement, m.first);
    const personHit = personOnly.find(inWindow);
    const hit = personHit ?? (clearlyPersonal(mention) ? harsh.find(inWindow) : undefined);
    if (!hit) continue;
    // "is annoying the neighbours": a verb with an object, not a judgement of the subject.
    const after = tokens[hit.last + 1];
    if (hit.first === hit.last && /ing$/.test(tokens[hit.first].norm) && after && (DETERMINERS.has(after.norm) || OBJECT_PRONOUNS.has(after.norm))) continue;
    // "is a nightmare to reach by bus", "impossible to park at": the place, not the person.
    if (hit !== personHit && after?.norm === "to" && PLACE_VERBS.has(tokens[hit.last + 2]?.norm ?? "")) continue;
    // "A handful but great fun": the concession takes the sting out.
    if (hit !== personHit && p.concessions.matches(sentence.words).some((c) => c.first > hit.last)) continue;
    // "They're not difficult at all", "Nobody here thinks the client is stupid".
    if (isNegated(sentence, analysis.lexicon, hit.first, clauseStart(tokens, mention.first))) continue;
    // "Kyle is clueless" needs no tagger; "Parking is a total shitshow" does ("shitshow" also describes things).
    const personOnlyWord = hit === personHit && !alsoThings.some((t) => overlaps(t, hit)) && !euphemisms.includes(hit);
    yield { messageId: isProfane(analysis, sentence, hit) ? "profanity" : "insult", target: { sentence, mention }, personOnly: personOnlyWord };
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
  }).concat(profaneAttributives(analysis, sentence));
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
    // An insult that ends on its person noun ("these bloody parents think …") heads its phrase
    // whatever verb follows, unless the noun is itself a modifier ("the bloody client portal").
    const onPerson = !nouns.includes(hit) && !lex.nonPersonHeads.has(next?.norm ?? "");
    if (next && next.kind === "word" && !next.quoted && !FOLLOWS_HEAD.has(next.norm) && !next.capitalised && !onPerson) continue;
    let det = -1;
    for (let j = hit.first - 1; j >= start && hit.first - j <= 4; j--) {
      const norm = tokens[j].norm;
      if (DEMONSTRATIVES.has(norm) || POSSESSIVE_PRONOUNS.has(norm) || ["the", "our", "what", "such", "you", "some"].includes(norm)) {
        det = j;
        break;
      }
    }
    const attached = sentence.mentions().find((m) => m.first > hit.last && m.first <= hit.last + 2 && ["at", "from", "in", "on", "with"].includes(tokens[hit.last + 1]?.norm ?? ""));
    if (det < 0 && !attached) {
      // A note that opens with the epithet: "Total halfwit on line 2 asking for …", "Absolute clown
      // from the bank again." The insult is how the person is pointed at.
      if (opensNote(tokens, hit, firstWord) && !isNegated(sentence, lex, hit.first, start)) {
        yield { messageId: isProfane(analysis, sentence, hit) ? "profanity" : "insult", target: { sentence, mention: { first: firstWord, last: hit.last, head: hit.last, kind: "person", personal: true, possessor: false, uncertain: false } } };
      }
      continue;
    }
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
      // "What a pair of halfwits." — about whoever was just mentioned; "What a twat that new
      // customer is." — about the subject that follows the exclamation.
      const before = sentence.mentions().filter((m) => m.last < hit.first && m.kind !== "you");
      const after =
        detWord === "what"
          ? sentence.mentions().find((m) => m.first > hit.last && !m.possessor && copulas.some((c) => c.first === m.last + 1) && (tokens[m.last + 2] === undefined || tokens[m.last + 2].kind === "punct"))
          : undefined;
      const target = after ? { sentence, mention: after } : before.length ? { sentence, mention: before[before.length - 1] } : contextTarget(text, index, (m) => m.kind !== "you");
      if (target) yield { messageId, target };
    }
  }
}

/** Words that may open a note before its epithet: "Total halfwit on line 2 …". */
const NOTE_OPENERS = new Set(["total", "complete", "absolute", "utter", "proper", "right", "real", "another", "same", "bloody", "fucking", "massive", "little", "old", "young", "ugh", "oh", "god", "honestly", "fyi", "btw", "and"]);

/** The epithet opens a verbless note and is followed by where they are or what they want. */
function opensNote(tokens: Sentence["tokens"], hit: PatternMatch, firstWord: number): boolean {
  for (let j = firstWord; j < hit.first; j++) if (tokens[j].kind !== "punct" && !NOTE_OPENERS.has(tokens[j].norm)) return false;
  const next = tokens[hit.last + 1];
  if (!next || next.kind === "punct") return next === undefined || /^[.!]$/.test(next.text);
  return ["on", "in", "at", "from", "who", "wants", "wanting", "asking", "again", "just"].includes(next.norm) || /ing$/.test(next.norm);
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
    const object = sentence.mentions().find((m) => m.first > verb.last && !m.possessor && (m.first <= verb.last + 2 || onlyModifiers(analysis, p, sentence, verb.last + 1, m.first)));
    if (!object) continue;
    const inherentlyNegative = analysis.lexicon.negators.matches(sentence.words).some((n) => overlaps(n, verb));
    if (!inherentlyNegative && isNegated(sentence, analysis.lexicon, verb.first)) continue;
    yield { messageId: "contempt", target: { sentence, mention: object } };
  }
}

/** Whether tokens [from, to) are only determiners and insulting or swearing adjectives: "this bloody". */
function onlyModifiers(analysis: ToneAnalysis, p: Patterns, sentence: Sentence, from: number, to: number): boolean {
  if (to - from > 4) return false;
  const adjectives = insults(p, sentence, "insultAdjectives");
  for (let j = from; j < to; j++) {
    const t = sentence.tokens[j];
    if (t.kind !== "word") return false;
    if (DETERMINERS.has(t.norm) || analysis.lexicon.swearWords.has(t.norm) || NOTE_OPENERS.has(t.norm) || adjectives.some((a) => a.first <= j && j <= a.last)) continue;
    return false;
  }
  return true;
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

const WEAK_GENERALISERS = new Set(["always", "tend to", "invariably", "without fail"]);

/** The end of the clause holding token `i`: the next boundary or clause-breaking word. */
function clauseEnd(tokens: Sentence["tokens"], i: number): number {
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j];
    if ((t.kind === "punct" && /^[,;:.!?()\u2014\u2013]$/.test(t.text)) || (t.kind === "word" && ["but", "so", "because"].includes(t.norm))) return j - 1;
  }
  return tokens.length - 1;
}

/** "young couples", "private-school parents", "rich clients": a modifier that makes a group of a plural person noun. */
function modifiedGroups(analysis: ToneAnalysis, p: Patterns, sentence: Sentence): PatternMatch[] {
  const lex = analysis.lexicon;
  const { tokens } = sentence;
  const out: PatternMatch[] = [];
  for (const m of p.groupModifiers.matches(sentence.words)) {
    const noun = tokens[m.last + 1];
    if (!noun || noun.kind !== "word" || !/s$/.test(noun.norm) && !["people", "men", "women", "folk"].includes(noun.norm)) continue;
    if (!(lex.roleNouns.has(noun.norm) || lex.relativeNouns.has(noun.norm) || lex.personNouns.has(noun.norm))) continue;
    if (lex.nonPersonHeads.has(tokens[m.last + 2]?.norm ?? "")) continue;
    out.push({ first: m.first, last: m.last + 1, pattern: m.pattern });
  }
  // "Essex lot", "Surrey types": a place or name that makes a kind of person.
  tokens.forEach((t, i) => {
    const noun = tokens[i + 1];
    if (!noun || t.kind !== "word" || !t.capitalised || t.allCaps || lex.notNames.has(t.norm) || FUNCTION_WORDS.has(t.norm)) return;
    if (noun.norm !== "lot" && !p.kindNouns.test(noun.norm)) return;
    out.push({ first: i, last: i + 1, pattern: "* lot" });
  });
  return out;
}

const REQUEST_VERBS = new Set(["ask", "asks", "asking", "asked", "request", "requests", "enquire", "enquires", "inquire", "inquires"]);

function* stereotypes(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const { tokens } = sentence;
  const generalisers = p.generalisers.matches(sentence.words);
  const behaviours = p.stereotypeBehaviours.matches(sentence.words);
  const modified = modifiedGroups(analysis, p, sentence);
  const groups = [...p.groups.matches(sentence.words), ...modified];
  // "Students never pay on time", "Hen parties from the Midlands are all the same".
  for (const group of groups) {
    // A particular set of people ("the parents are never unreasonable", "our students always …")
    // is not a generalisation; "the French", "the elderly" are.
    const det = tokens[group.first - 1]?.norm ?? "";
    // With a modifier of origin, age or class, "the" still generalises: "the Italian groups"; so
    // does "those posh types" (types, sorts: a kind of person, not particular people).
    const kinds = (det === "those" || det === "these") && modified.includes(group) && /^(types|sorts|kinds)$/.test(tokens[group.last].norm);
    const generic = det === "the" && modified.includes(group);
    if (det === "our" || (!generic && !kinds && (DETERMINERS.has(det) || det === "two" || det === "both") && /s$/.test(tokens[group.last].norm))) continue;
    let general = generalisers.find((g) => g.first > group.last && g.first - group.last <= 6 && !tokens.slice(group.last + 1, g.first).some((t) => t.kind === "punct"));
    if (!general) {
      // "Never give the Italian groups the early slot, they're always late": "they" takes the
      // group up in the next clause; then a bad behaviour must follow, whatever the generaliser.
      const they = tokens.findIndex((t, j) => j > group.last && t.norm === "they");
      const later = they < 0 ? undefined : generalisers.find((g) => g.first > they && g.first - they <= 3);
      if (!later || !behaviours.some((b) => b.first > later.last && b.first <= clauseEnd(tokens, later.last))) continue;
      general = later;
    }
    // "the older patients never miss appointments": a definite group needs a bad behaviour too.
    if (generic && !behaviours.some((b) => b.first > general!.last && b.first <= clauseEnd(tokens, general!.last))) continue;
    // "always" and "tend to" say only that a group does something: a stereotype when it is a bad
    // thing ("always trash the rooms"), planning when not ("young families always ask about cots").
    // A request is planning too, whatever is asked for: "students always ask for the discount
    // code, so put it on the flyer".
    const badAfterWeak = behaviours.some(
      (b) => b.first > general!.last && b.first <= clauseEnd(tokens, general!.last) && !tokens.slice(general!.last + 1, b.first).some((t) => REQUEST_VERBS.has(t.norm)),
    );
    if (WEAK_GENERALISERS.has(general.pattern) && !badAfterWeak) continue;
    // "Pensioners never pay for the shuttle; it's free for over-65s": a tariff, not a judgement.
    if (p.policyWords.test(sentence.words)) continue;
    const groupMention: Mention = { first: group.first, last: group.last, head: group.last, kind: "person", personal: true, possessor: false, uncertain: false };
    yield { messageId: "stereotype", target: { sentence, mention: groupMention } };
  }
  // "Students trash the place", "Millennials are so entitled": a bad habit said of a bare group.
  const habits = p.groupHabits.matches(sentence.words);
  for (const group of habits.length ? groups : []) {
    const det = tokens[group.first - 1]?.norm ?? "";
    const kinds = (det === "those" || det === "these") && modified.includes(group) && /^(types|sorts|kinds)$/.test(tokens[group.last].norm);
    if (!kinds && (DETERMINERS.has(det) || det === "two" || det === "both") && !(det === "the" && modified.includes(group))) continue;
    const habit = habits.find((h) => h.first > group.last && h.first - group.last <= 3 && tokens.slice(group.last + 1, h.first).every((t) => t.kind === "word" && SENTENCE_ADVERBS.has(t.norm)));
    // (A question is not a claim: "Students trash the bins? No, it was the foxes.")
    if (!habit || isNegated(sentence, analysis.lexicon, group.first) || tokens.slice(habit.last + 1).some((t) => t.text === "?")) continue;
    // "Students are cheap to insure": a cost, not a character.
    if (tokens[habit.last + 1]?.norm === "to") continue;
    yield { messageId: "stereotype", target: { sentence, mention: { first: group.first, last: group.last, head: group.last, kind: "person", personal: true, possessor: false, uncertain: false } } };
    return;
  }
  // "Boomers and technology, honestly.", "Students, eh?": a short jibe headed by a bare group.
  const firstWord = tokens.findIndex((t) => t.kind !== "punct");
  const lead = groups.find((g) => g.first === firstWord || (g.first === firstWord + 1 && QUIP_OPENERS.has(tokens[firstWord].norm)));
  if (lead) {
    const tag = p.quipTags.matches(sentence.words).find((t) => {
      if (t.first <= lead.last) return false;
      const mid = tokens.slice(lead.last + 1, t.first).filter((x) => x.kind !== "punct");
      if (mid.length > 0 && !(mid[0].norm === "and" && mid.length <= 3)) return false;
      const rest = tokens.slice(t.last + 1);
      return rest.filter((x) => x.kind !== "punct").length <= 2 || (STRONG_QUIPS.has(t.pattern) && rest[0]?.text === ",");
    });
    if (tag) {
      yield { messageId: "stereotype", target: { sentence, mention: { first: lead.first, last: lead.last, head: lead.last, kind: "person", personal: true, possessor: false, uncertain: false } } };
      return;
    }
  }
  // "They're lawyers, so expect them to nitpick"; "She's from Essex, so …".
  const consequences = p.stereotypeConsequences.matches(sentence.words);
  for (const mention of sentence.mentions()) {
    const complement = complementOf(sentence, mention, analysis.lexicon);
    if (!complement) continue;
    const from = tokens[complement.first]?.norm === "from";
    const identity =
      groups.some((g) => g.first >= complement.first && g.first <= complement.first + 3) ||
      p.groupModifiers.matches(sentence.words).some((g) => g.first === complement.first) ||
      (from && tokens[complement.first + 1]?.capitalised) ||
      (from && p.origins.matches(sentence.words).some((o) => o.first >= complement.first + 1 && o.first <= complement.first + 3));
    if (!identity) continue;
    const so = tokens.findIndex((t, j) => j > complement.first && t.norm === "so");
    if (so < 0 || !consequences.some((c) => c.first > so)) continue;
    // "She's a nurse, so expect her to ask about evening slots" predicts nothing bad.
    if (!behaviours.some((b) => b.first > so)) continue;
    yield { messageId: "stereotype", target: { sentence, mention } };
  }
  for (const cue of p.stereotypeCues.matches(sentence.words)) {
    // "Typical Londoners", "typical client." — not "Typical Monday" or "typical client questions".
    if (cue.pattern === "typical *" && !typicalOfPeople(analysis, tokens, groups, cue.first + 1)) continue;
    const group = groups.find((g) => g.first >= cue.first - 1 && g.first <= cue.last + 1);
    if (group) {
      yield { messageId: "stereotype", target: { sentence, mention: { first: group.first, last: group.last, head: group.last, kind: "person", personal: true, possessor: false, uncertain: false } } };
      continue;
    }
    const target = cueTarget(text, index, cue, { allowYou: false });
    if (target && !target.mention.possessor) yield { messageId: "stereotype", target };
  }
}

const QUIP_OPENERS = new Set(["typical", "bloody", "oh", "ugh", "honestly", "flipping", "fucking", "god"]);
const STRONG_QUIPS = new Set(["eh", "what do you expect", "what can you do", "typical", "classic", "am i right", "amirite", "smh", "🙄", "every time", "never fails", "go figure", "bless them"]);

/** After "typical": a group, a person noun that ends its phrase, or a capitalised name that does. */
function typicalOfPeople(analysis: ToneAnalysis, tokens: Sentence["tokens"], groups: PatternMatch[], at: number): boolean {
  const lex = analysis.lexicon;
  const t = tokens[at];
  if (!t || t.kind !== "word") return false;
  if (groups.some((g) => g.first === at || (g.first === at + 1 && t.capitalised))) return true;
  const person = (j: number) => tokens[j] !== undefined && (lex.roleNouns.has(tokens[j].norm) || lex.personNouns.has(tokens[j].norm) || lex.relativeNouns.has(tokens[j].norm));
  const ends = (j: number) => tokens[j + 1] === undefined || tokens[j + 1].kind === "punct" || ["'s", "'", "again", "behaviour", "behavior"].includes(tokens[j + 1].norm);
  if (person(at)) return ends(at);
  if (t.capitalised && !lex.notNames.has(t.norm) && !FUNCTION_WORDS_TYPICAL.has(t.norm)) return ends(at) || (person(at + 1) && ends(at + 1));
  return false;
}

const FUNCTION_WORDS_TYPICAL = new Set(["the", "a", "an", "of", "for", "in", "this", "that", "british", "english", "uk", "london"]);

/** Words that may sit between a comparison's frame and its object: "of a wet sponge", "as two short planks". */
const OBJECT_LEAD = new Set(["a", "an", "the", "two", "some", "your", "my", "average", "old", "small", "dead", "damp", "stale", "soggy", "broken", "used", "wet", "leaky", "half-eaten"]);
/** Words that may sit between a subject and a comparison frame: "the Hallorans honestly have the brains of …". */
const FRAME_LINK = new Set(["is", "are", "was", "were", "'s", "'re", "has", "have", "had", "'ve", "got", "about", "roughly", "just", "like", "combined", "together", "being", "be", "seems", "seem", ...SENTENCE_ADVERBS]);

/**
 * A comparison that likens a customer to something dim or useless: "Mr Bexley has the IQ of a
 * houseplant", "the Fenwicks are about as much use as a chocolate teapot". The customer must be
 * the subject right before the frame (not "the app … the user sent screenshots"), and the frame
 * must be completed by a dim object (not "the energy of a teenager").
 */
function* comparisons(analysis: ToneAnalysis, p: Patterns, sentence: Sentence): Generator<Found> {
  const { tokens } = sentence;
  const frames = p.comparisonFrames.matches(sentence.words);
  if (frames.length === 0) return;
  const objects = p.dimObjects.matches(sentence.words);
  for (const f of frames) {
    const object = objects.find((o) => o.first > f.last && o.first - f.last <= 4 && tokens.slice(f.last + 1, o.first).every((t) => OBJECT_LEAD.has(t.norm)));
    if (!object) continue;
    const start = clauseStart(tokens, f.first);
    const subject = sentence
      .mentions()
      .filter((m) => m.last < f.first && m.first >= start && !m.possessor)
      .pop();
    if (!subject) continue;
    if (!tokens.slice(subject.last + 1, f.first).every((t) => FRAME_LINK.has(t.norm))) continue;
    const before = tokens[subject.first - 1];
    if (before && before.kind === "word" && PREPOSITIONS.has(before.norm) && before.norm !== "between") continue;
    if (isNegated(sentence, analysis.lexicon, f.first, start)) continue;
    yield { messageId: "insult", target: { sentence, mention: subject } };
    return;
  }
}

/**
 * "lol", "😂", "smh" after a report of what a customer wants, thinks or asked: "lol the Harringtons
 * think 'business casual' means flip-flops", "he asked if we could stop the rain 😂". Not when the
 * sentence is warm ("lol, the client loved the cake").
 */
function* laughter(p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  if (p.laughCues.matches(sentence.words).length === 0) return;
  const warm = (s: Sentence) => p.praise.test(s.words) || p.warmth.test(s.words);
  const { tokens } = sentence;
  // The laugh closes or opens the sentence: "… means flip-flops lol", "lol the Harringtons think …"
  // (not "asked if it would hurt 😂 no, and we reassured him").
  const words = tokens.flatMap((t, i) => (t.kind !== "punct" || /\p{Extended_Pictographic}/u.test(t.text) ? [i] : []));
  const cues = p.laughCues.matches(sentence.words);
  const edge = cues.some((c) => c.first <= words[0] || c.last >= words[words.length - 1] || tokens.slice(c.last + 1).every((t) => t.kind === "punct" || p.laughCues.test(t.norm)));
  if (!edge) return;
  const reporter = (s: Sentence) => {
    const wants = p.beliefs.matches(s.words);
    return s.mentions().find((m) => !m.possessor && m.kind !== "you" && wants.some((w) => w.first > m.last && w.first - m.last <= 3 && s.tokens.slice(m.last + 1, w.first).every((t) => t.kind === "word")));
  };
  if (warm(sentence)) return;
  const here = reporter(sentence);
  if (here) {
    yield { messageId: "mockery", target: { sentence, mention: here } };
    return;
  }
  // A short reaction of its own after the report: "The buyer thinks the sea view includes the sea. lol"
  const prev = text.sentences[index - 1];
  if (!prev || prev.paragraph !== sentence.paragraph || warm(prev)) return;
  if (sentence.tokens.filter((t) => t.kind !== "punct").length > 4) return;
  const before = reporter(prev);
  if (before) yield { messageId: "mockery", target: { sentence: prev, mention: before } };
}

/** Words after a rhetorical question that keep it whole: "Are they thick or what?" */
const QUESTION_TAILS = new Set(["or", "seriously", "honestly", "lol", "though", "then", "even", "ffs", "smh"]);

/**
 * A rhetorical question of contempt about the person it names: "Who raised these people?", "Who
 * does she think she is?", "Are they thick?". The question must end there ("are they dim about
 * the dates?" is not one), and it names its target itself.
 */
function* rhetorical(p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const { tokens } = sentence;
  for (const cue of p.rhetoricalQuestions.matches(sentence.words)) {
    const target = cueTarget(text, index, cue, { allowYou: false });
    if (!target || target.sentence !== sentence) continue;
    const m = target.mention;
    if (!(m.first >= cue.first && m.last <= cue.last + 1) || m.possessor) continue;
    const next = tokens[Math.max(cue.last, m.last) + 1];
    if (next && next.kind === "word" && !QUESTION_TAILS.has(next.norm)) continue;
    yield { messageId: "mockery", target };
    return;
  }
}

export default defineRule({
  id: RULE_ID,
  pack: "tone",
  async check(context: RuleContext) {
    const analysis = analyseMessage(context.message, context.config);
    for (const judgement of withModel(analysis, "disparaging", await findDisparagement(analysis, context.data))) reportJudgement(context, analysis, judgement);
  },
});
