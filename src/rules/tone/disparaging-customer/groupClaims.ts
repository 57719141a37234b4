/**
 * Claims about a kind of people, judged from what they are said to do rather than from a listed
 * habit:
 * - a generic claim with a bare group as its subject, whose verb phrase holds misconduct (WordNet's
 *   verbs, the pack's `stereotypeBehaviours`) or a bad word (AFINN): "Iranians will haggle every
 *   invoice", "Influencers shoplift for content", "Staten Island people are loud", "That generation
 *   just don't pay for anything"; not a particular set of people ("the two students will complain"),
 *   a question, a tariff, or a need ("Students always need the late checkout");
 * - "you know what X are like", "you know how they get": the writer's wink that the reader knows
 *   what such people are, said of a kind of people ("you know what Chinese tour groups are like",
 *   "You know what Eastgate's like") or of a customer just spoken of.
 */
import type { Sentence, ToneAnalysis, ToneText } from "../../../tone/analysis.js";
import { isNegated } from "../../../tone/clauses.js";
import { cueTarget } from "../../../tone/cueTarget.js";
import { isPersonWord } from "../../../tone/lexicon.js";
import { DETERMINERS, FUNCTION_WORDS, PREPOSITIONS, SENTENCE_ADVERBS } from "../../../tone/grammar.js";
import type { PatternMatch } from "../../../tone/patterns.js";
import { wordsOfMatch } from "../../../tone/report.js";
import { personMention } from "../../../tone/targets.js";
import { badWord, misconduct, modifiedGroups } from "./groupWords.js";
import type { Found, Patterns } from "./wordLists.js";

/** Words between a group and its verb that keep the claim generic: "Iranians [will] haggle", "Pensioners [just don't] pay". */
const AUXILIARIES = new Set(["will", "'ll", "would", "do", "does", "don't", "doesn't", "n't", "not", "never", "can't", "ca", "cannot", "won't", "wo", "usually", "often", "generally", "mostly", "typically", "inevitably"]);
/** Determiners after which a group is still a kind of people: "that generation", "his generation". */
const KIND_DETERMINERS = new Set(["that", "his", "her", "their", "your"]);
/**
 * What may follow a group without being its verb: a possessive, a coordination, a relative or a
 * preposition ("Students' union", "Scots who …", "Americans from the gala"), and the tenses of an
 * event rather than a habit ("traders have been stuck", "the Texans were rude").
 */
const NOT_A_HABIT = new Set(["'s", "'", "and", "or", "who", "that", "which", "from", "in", "at", "of", "on", "with", "for", "have", "has", "had", "'ve", "was", "were", "been", "got", "get", "gets", "being"]);
const BE = new Set(["are", "is", "'re", "be", "been", "being", "get", "got"]);
/** A plural head, as a kind of people needs: "Influencers", "Glasgow folk", "that generation". */
const isPlural = (norm: string) => /s$/.test(norm) || ["people", "folk", "men", "women", "generation", "police", "french", "chinese", "dutch", "irish", "welsh", "swiss", "japanese"].includes(norm);
/** What ends the verb phrase of a claim. */
const CLAUSE_END = /^[,;:.!?()\u2014\u2013]$/;
const CLAUSE_WORDS = new Set(["but", "so", "because", "if", "unless", "when", "while", "although", "though"]);

export function* groupClaims(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const { tokens } = sentence;
  // (A tariff is no habit: "Pensioners never pay for the minibus; it's free for over-65s".)
  const claims = !p.policyWords.test(sentence.words) && !tokens.some((t) => t.text === "?");
  for (const group of claims ? kindsOfPeople(analysis, p, sentence) : []) {
    if (!isPlural(tokens[group.last].norm) || !opensAClause(sentence, group)) continue;
    let verb = group.last + 1;
    while (verb < tokens.length && tokens[verb].kind === "word" && (AUXILIARIES.has(tokens[verb].norm) || SENTENCE_ADVERBS.has(tokens[verb].norm))) verb++;
    const v = tokens[verb];
    // The group's own verb must follow: not "Students' union", "Americans and Canadians", "Scots who …".
    if (!v || v.kind !== "word" || NOT_A_HABIT.has(v.norm)) continue;
    // "students facing hardship can apply": a participle after the group describes them.
    if (verb === group.last + 1 && /(ing|ed)$/.test(v.norm)) continue;
    let end = verb;
    while (end + 1 < tokens.length && !CLAUSE_END.test(tokens[end + 1].text) && !CLAUSE_WORDS.has(tokens[end + 1].norm)) end++;
    // "Students will need a guarantor", "tourists always ask for the discount": a need is planning.
    if (p.kindNeeds.test(v.norm)) continue;
    const bad = misconduct(analysis.lexicon, p, sentence).find((m) => m.first > group.last && m.last >= verb && m.last <= end) ?? badWord(sentence, verb, end);
    if (!bad || p.stateAdjectives.test(tokens[bad.first].norm) || p.hardships.test(tokens[bad.first].norm)) continue;
    // A negation before the bad word denies it of them ("Students are not at fault and no late
    // penalties will apply"); one inside it is the habit ("just don't pay").
    if (isNegated(sentence, analysis.lexicon, bad.first, 0)) continue;
    // "Students are cheap to insure": a cost, not a character.
    if (tokens[bad.last + 1]?.norm === "to") continue;
    // "traders are trapped in meetings": what is done to them is no habit of theirs.
    if (tokens[bad.first - 1]?.kind === "word" && BE.has(tokens[bad.first - 1].norm) && tokens[bad.first].norm.endsWith("ed")) continue;
    yield { messageId: "stereotype", target: { sentence, mention: personMention(group.first, group.last) }, evidence: [wordsOfMatch(sentence, group), wordsOfMatch(sentence, bad)], personOnly: true };
    return;
  }
  yield* knowingWinks(analysis, p, text, index);
}

/**
 * Whether the sentence may hold a claim about a kind of people that the pack's words would not let
 * through: a generation, a place on "people" or "folk", or "you know what/how".
 */
export function mayClaimOfAKind(sentence: Sentence): boolean {
  const { tokens } = sentence;
  return tokens.some((t, i) => {
    const before = tokens[i - 1];
    if (t.norm === "generation") return KIND_DETERMINERS.has(before?.norm ?? "");
    if (t.norm === "people" || t.norm === "folk") return before !== undefined && before.capitalised;
    return t.norm === "know" && before?.norm === "you" && (tokens[i + 1]?.norm === "what" || tokens[i + 1]?.norm === "how");
  });
}

/**
 * The kinds of people the sentence names: the pack's groups, groups made by a modifier of origin,
 * age or class ("Hispanic families"), a place on "people" or "folk" ("Staten Island people"), and a
 * generation ("that generation", "his generation").
 */
function kindsOfPeople(analysis: ToneAnalysis, p: Patterns, sentence: Sentence): PatternMatch[] {
  const lex = analysis.lexicon;
  const { tokens } = sentence;
  const out = [...p.groups.matches(sentence.words), ...modifiedGroups(analysis, p, sentence)];
  tokens.forEach((t, i) => {
    if (t.kind !== "word") return;
    // "Chinese tour groups", "Italian wedding parties": a nation on a plural person noun two words on.
    if (t.capitalised && lex.nationalityAdjectives.has(t.norm)) {
      for (let j = i + 1; j <= i + 3 && tokens[j]?.kind === "word"; j++) if (isPlural(tokens[j].norm) && isPersonWord(lex, tokens[j].norm)) out.push({ first: i, last: j });
    }
    if (t.norm === "generation" && KIND_DETERMINERS.has(tokens[i - 1]?.norm ?? "")) out.push({ first: i - 1, last: i });
    if ((t.norm === "people" || t.norm === "folk") && i > 0) {
      let first = i;
      while (first > 0 && first > i - 3 && isPlaceWord(lex, tokens[first - 1])) first--;
      if (first < i) out.push({ first, last: i });
    }
  });
  return out.sort((a, b) => a.first - b.first);
}

/** A capitalised word that may name a place: not a given name, a title or a word that opens any sentence. */
function isPlaceWord(lex: ToneAnalysis["lexicon"], t: Sentence["tokens"][number] | undefined): boolean {
  return t !== undefined && t.kind === "word" && t.capitalised && !t.allCaps && !lex.givenNames.has(t.norm) && !lex.titles.has(t.norm) && !lex.notNames.has(t.norm) && !FUNCTION_WORDS.has(t.norm);
}

/**
 * Whether the group is the subject of its clause and generic: it opens the sentence or follows a
 * break, with no determiner of its own ("the two students" are particular people), save a
 * generation's ("that generation"), and a modifier it may carry ("self-employed taxi drivers").
 */
function opensAClause(sentence: Sentence, group: PatternMatch): boolean {
  const { tokens } = sentence;
  if (KIND_DETERMINERS.has(tokens[group.first]?.norm ?? "") && tokens[group.last].norm === "generation") return startsAt(tokens, group.first);
  let first = group.first;
  while (first > 0 && tokens[first - 1].kind === "word" && /-/.test(tokens[first - 1].norm) && !DETERMINERS.has(tokens[first - 1].norm)) first--;
  return startsAt(tokens, first);
}

function startsAt(tokens: Sentence["tokens"], i: number): boolean {
  const before = tokens[i - 1];
  return before === undefined || (before.kind === "punct" && /^[,;:\u2014\u2013-]$/.test(before.text)) || ["and", "but", "because", "cos", "coz"].includes(before.norm);
}

/** "you know what [X] (are|is|'s) like", "you know how (they|he|she) (are|get)": at most five words for X. */
function* knowingWinks(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const { tokens } = sentence;
  const lex = analysis.lexicon;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i].norm !== "you" || tokens[i + 1].norm !== "know" || !["what", "how"].includes(tokens[i + 2].norm)) continue;
    if (isNegated(sentence, lex, i + 1, Math.max(0, i - 2))) continue;
    const from = i + 3;
    if (tokens[i + 2].norm === "how") {
      const who = tokens[from];
      const verb = tokens[from + 1];
      const after = tokens[from + 2];
      if (!who || !["they", "he", "she"].includes(who.norm) || !verb || !["are", "is", "get", "gets", "'re"].includes(verb.norm)) continue;
      // "you know how they are with rent", "…, you know how they get": the verb ends its clause.
      if (after && !(after.kind === "punct" || ["with", "about", "once", "when", "after"].includes(after.norm))) continue;
      const cue = { first: i, last: from + 1 };
      // Whom "they" takes up: the customer named before the cue ("The Donnellys are …; you know how they get").
      const named = sentence.mentions().find((m) => m.last < i && m.kind !== "you" && m.kind !== "pronoun" && !m.uncertain && !m.possessor && !PREPOSITIONS.has(tokens[m.first - 1]?.norm ?? ""));
      const target = named ? { sentence, mention: named } : cueTarget(text, index, cue, { allowYou: false });
      if (target && !target.mention.possessor && namesAKindNearby(analysis, p, text, index)) {
        yield { messageId: "stereotype", target, evidence: [wordsOfMatch(sentence, cue)] };
        return;
      }
      continue;
    }
    let like = -1;
    for (let j = from + 1; j <= from + 6 && j + 1 < tokens.length; j++) {
      if (tokens[j].kind === "punct") break;
      if (["are", "is", "'s", "'re"].includes(tokens[j].norm) && tokens[j + 1].norm === "like") {
        like = j + 1;
        break;
      }
    }
    if (like < 0) continue;
    const cue = { first: i, last: like };
    const inside = (m: PatternMatch) => m.first >= from && m.last < like - 1;
    const group = kindsOfPeople(analysis, p, sentence).find(inside);
    if (group) {
      yield { messageId: "stereotype", target: { sentence, mention: personMention(group.first, group.last) }, evidence: [wordsOfMatch(sentence, cue)], personOnly: true };
      return;
    }
    // "You know what Eastgate's like": a place or a person, not a thing ("what the traffic is like").
    const said = tokens.slice(from, like - 1);
    const place = said.length <= 2 && said.every((t) => t.kind === "word" && (t.capitalised || t.norm === "'s")) && said.some((t) => isPlaceWord(lex, t));
    // (Or a kind: "that breed", "this lot", "those types".)
    const person = said.some((t) => t.kind === "word" && (isPersonWord(lex, t.norm) || ["they", "he", "she", "them", "breed"].includes(t.norm) || p.kindNouns.test(t.norm)));
    if (!place && !person) continue;
    const target = cueTarget(text, index, cue, { allowYou: false });
    if (target && !target.mention.possessor) {
      yield { messageId: "stereotype", target, evidence: [wordsOfMatch(sentence, cue)] };
      return;
    }
  }
}

/** Whether this sentence or the one before names someone by kind: a group, an origin, a nation or faith. */
function namesAKindNearby(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): boolean {
  for (const s of [text.sentences[index], text.sentences[index - 1]]) {
    if (!s || s.paragraph !== text.sentences[index].paragraph) continue;
    if (kindsOfPeople(analysis, p, s).length || p.origins.test(s.words) || s.tokens.some((t) => t.kind === "word" && t.capitalised && analysis.lexicon.nationalityAdjectives.has(t.norm))) return true;
  }
  return false;
}
