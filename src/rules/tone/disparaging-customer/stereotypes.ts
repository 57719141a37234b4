/**
 * The stereotype constructions: a group generalised ("students never pay"), a bad habit said of a bare
 * group ("Students trash the place"), a jibe headed by a group ("Students, eh?"), an identity followed
 * by a prediction ("they're lawyers, so expect …") and stereotype cues ("typical Londoners").
 */
import type { Sentence, ToneAnalysis, ToneText } from "../../../tone/analysis.js";
import { complementOf, isNegated } from "../../../tone/clauses.js";
import { cueTarget } from "../../../tone/cueTarget.js";
import { DETERMINERS, SENTENCE_ADVERBS } from "../../../tone/grammar.js";
import { inTextOrder, type PatternMatch } from "../../../tone/patterns.js";
import { personMention } from "../../../tone/targets.js";
import type { Found, Patterns } from "./wordLists.js";
import { identityFragments, placeGroups } from "./identityFragments.js";
import { wordsOfMatch } from "../../../tone/report.js";
import { badWord, misconduct, modifiedGroups } from "./groupWords.js";
import type { ToneLexicon } from "../../../tone/lexicon.js";

/** The end of the clause holding token `i`: the next boundary or clause-breaking word. */
function clauseEnd(tokens: Sentence["tokens"], i: number): number {
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j];
    if ((t.kind === "punct" && /^[,;:.!?()\u2014\u2013]$/.test(t.text)) || (t.kind === "word" && ["but", "so", "because"].includes(t.norm))) return j - 1;
  }
  return tokens.length - 1;
}

const REQUEST_VERBS = new Set(["ask", "asks", "asking", "asked", "request", "requests", "enquire", "enquires", "inquire", "inquires"]);

export function* stereotypes(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const { tokens } = sentence;
  const weakGeneralisers = p.weakGeneralisers.matches(sentence.words);
  const generalisers = inTextOrder(p.generalisers.matches(sentence.words), weakGeneralisers);
  const behaviours = misconduct(analysis.lexicon, p, sentence);
  const modified = modifiedGroups(analysis, p, sentence);
  const groups = [...p.groups.matches(sentence.words), ...modified];
  // "those posh types" (types, sorts: a kind of person, not particular people) still generalises.
  const kindsOfPeople = (group: PatternMatch, det: string) => (det === "those" || det === "these") && modified.includes(group) && /^(types|sorts|kinds)$/.test(tokens[group.last].norm);
  // "Students never pay on time", "Hen parties from the Midlands are all the same".
  for (const group of groups) {
    // "The men's changing rooms never close": a possessor, not the group said to do anything.
    const after = tokens[group.last + 1]?.norm;
    if (after === "'s" || after === "'") continue;
    // A particular set of people ("the parents are never unreasonable", "our students always …")
    // is not a generalisation; "the French", "the elderly" are.
    const det = tokens[group.first - 1]?.norm ?? "";
    // With a modifier of origin, age or class, "the" still generalises: "the Italian groups"; so
    // does "those posh types".
    const kinds = kindsOfPeople(group, det);
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
    const badAfterWeak =
      behaviours.some((b) => b.first > general!.last && b.first <= clauseEnd(tokens, general!.last) && !tokens.slice(general!.last + 1, b.first).some((t) => REQUEST_VERBS.has(t.norm))) ||
      (badWord(sentence, general.last + 1, clauseEnd(tokens, general.last)) !== undefined && !tokens.slice(general.last + 1, clauseEnd(tokens, general.last) + 1).some((t) => REQUEST_VERBS.has(t.norm)));
    if (weakGeneralisers.includes(general) && !badAfterWeak) continue;
    // "Pensioners never pay for the shuttle; it's free for over-65s": a tariff, not a judgement.
    if (p.policyWords.test(sentence.words)) continue;
    const groupMention = personMention(group.first, group.last);
    yield { messageId: "stereotype", target: { sentence, mention: groupMention }, evidence: [wordsOfMatch(sentence, group), wordsOfMatch(sentence, general)] };
  }
  // "Students trash the place", "Millennials are so entitled": a bad habit said of a bare group.
  const habits = p.groupHabits.matches(sentence.words);
  for (const group of habits.length ? groups : []) {
    const det = tokens[group.first - 1]?.norm ?? "";
    const kinds = kindsOfPeople(group, det);
    if (!kinds && (DETERMINERS.has(det) || det === "two" || det === "both") && !(det === "the" && modified.includes(group))) continue;
    const habit = habits.find((h) => h.first > group.last && h.first - group.last <= 3 && tokens.slice(group.last + 1, h.first).every((t) => t.kind === "word" && SENTENCE_ADVERBS.has(t.norm)));
    // (A question is not a claim: "Students trash the bins? No, it was the foxes.")
    if (!habit || isNegated(sentence, analysis.lexicon, group.first) || tokens.slice(habit.last + 1).some((t) => t.text === "?")) continue;
    // "Students are cheap to insure": a cost, not a character.
    if (tokens[habit.last + 1]?.norm === "to") continue;
    yield { messageId: "stereotype", target: { sentence, mention: personMention(group.first, group.last) }, evidence: [wordsOfMatch(sentence, group), wordsOfMatch(sentence, habit)] };
    return;
  }
  // "Boomers and technology, honestly.", "Students, eh?": a short jibe headed by a bare group.
  const firstWord = tokens.findIndex((t) => t.kind !== "punct");
  const lead = groups.find((g) => g.first === firstWord || (g.first === firstWord + 1 && QUIP_OPENERS.has(tokens[firstWord].norm)));
  if (lead) {
    const strong = p.strongQuipTags.matches(sentence.words);
    const tag = inTextOrder(p.quipTags.matches(sentence.words), strong).find((t) => {
      if (t.first <= lead.last) return false;
      const mid = tokens.slice(lead.last + 1, t.first).filter((x) => x.kind !== "punct");
      if (mid.length > 0 && !(mid[0].norm === "and" && mid.length <= 3)) return false;
      const rest = tokens.slice(t.last + 1);
      return rest.filter((x) => x.kind !== "punct").length <= 2 || (strong.includes(t) && rest[0]?.text === ",");
    });
    if (tag) {
      yield { messageId: "stereotype", target: { sentence, mention: personMention(lead.first, lead.last) }, evidence: [wordsOfMatch(sentence, lead), wordsOfMatch(sentence, tag)] };
      return;
    }
  }
  // "They're lawyers, so expect them to nitpick"; "She's from Essex, so …".
  const consequences = p.stereotypeConsequences.matches(sentence.words);
  // "Geordies, so expect them to lose a passport", "Polish landlord on Cecil Street, so expect
  // him to want cash": a note that opens with who they are and predicts the worst of it.
  // "hen party in rows 30-34, Essex girls, so hide the prosecco": or a fragment after a comma
  // that says who they are ("Essex girls", "Delhi guys": a place on a plural person noun).
  const precautions = p.stereotypePrecautions.matches(sentence.words);
  let unsaid: { identity: PatternMatch; precaution: PatternMatch } | undefined;
  for (const identity of identityFragments(analysis, [...groups, ...placeGroups(analysis, sentence)], tokens, firstWord)) {
    // "…, so expect", "… so assume they'll …" (a consequence straight after "so"), or "…, they'll …".
    const so = tokens.findIndex(
      (t, j) =>
        j > identity.last &&
        j <= identity.last + 6 &&
        ((t.norm === "so" && (tokens[j - 1]?.text === "," || consequences.some((c) => c.first === j + 1))) || (t.text === "," && THEY_WILL.has(tokens[j + 1]?.norm ?? "") && futureAfter(tokens, j))),
    );
    if (so < 0) {
      // "the Romanian lads asking about the van hire, get a bigger deposit off them": a precaution
      // told after a comma needs no "so" (tried when no identity has its "so").
      const comma = tokens.findIndex((x, j) => j > identity.last && x.text === ",");
      const precaution = comma < 0 ? undefined : precautions.find((c) => c.first > comma);
      if (precaution && !unsaid) unsaid = { identity, precaution };
      continue;
    }
    // A precaution against them says the worst on its own ("so hide the prosecco", "so take a bigger deposit").
    const predicted = consequences.some((c) => c.first > so) || futureAfter(tokens, so);
    const behaviour =
      precautions.find((c) => c.first > so) ??
      (!predicted ? undefined : (behaviours.find((b) => b.first > so) ?? badWord(sentence, so + 1, tokens.length - 1) ?? expectedOfOrigin(analysis.lexicon, tokens, identity, so)));
    if (behaviour && !p.policyWords.test(sentence.words)) {
      yield { messageId: "stereotype", target: { sentence, mention: personMention(identity.first, identity.last) }, evidence: [wordsOfMatch(sentence, identity), wordsOfMatch(sentence, behaviour)] };
      return;
    }
  }
  if (unsaid && !p.policyWords.test(sentence.words)) {
    yield { messageId: "stereotype", target: { sentence, mention: personMention(unsaid.identity.first, unsaid.identity.last) }, evidence: [wordsOfMatch(sentence, unsaid.identity), wordsOfMatch(sentence, unsaid.precaution)] };
    return;
  }
  for (const mention of sentence.mentions()) {
    const complement = complementOf(sentence, mention);
    if (!complement) continue;
    const from = tokens[complement.first]?.norm === "from";
    const said = tokens[complement.first];
    const identity =
      groups.some((g) => g.first >= complement.first && g.first <= complement.first + 3) ||
      p.groupModifiers.matches(sentence.words).some((g) => g.first === complement.first) ||
      (from && tokens[complement.first + 1]?.capitalised) ||
      (from && p.origins.matches(sentence.words).some((o) => o.first >= complement.first + 1 && o.first <= complement.first + 3)) ||
      // "they're Asian", "they're from the valleys": a capitalised word said of them, or an origin.
      (said !== undefined && said.kind === "word" && ((said.capitalised && !said.allCaps) || p.origins.test(said.norm) || analysis.lexicon.nationalityAdjectives.has(said.norm))) ||
      // "Bed 4 is 82, so don't bother …": an old age said of them.
      isOldAge(tokens, complement.first);
    if (!identity) continue;
    // "…, so they'll …", or "…, they'll …" ("Table nine are French, they'll moan about the bread").
    const so = tokens.findIndex((t, j) => j > complement.first && (t.norm === "so" || (t.text === "," && THEY_WILL.has(tokens[j + 1]?.norm ?? ""))));
    if (so < 0) continue;
    // "She's a nurse, so expect her to ask about evening slots" predicts nothing bad; a
    // precaution against them needs no prediction ("they're Asian so … just pad the first number").
    const precaution = precautions.find((c) => c.first > so);
    const predicted = consequences.some((c) => c.first > so) || futureAfter(tokens, so);
    const origin = said !== undefined && said.kind === "word" && said.capitalised && analysis.lexicon.nationalityAdjectives.has(said.norm) ? { first: complement.first, last: complement.first } : undefined;
    const behaviour = precaution ?? (predicted ? (behaviours.find((b) => b.first > so) ?? badWord(sentence, so + 1, tokens.length - 1) ?? (origin && expectedOfOrigin(analysis.lexicon, tokens, origin, so))) : undefined);
    if (!behaviour || p.stateAdjectives.test(tokens[behaviour.first].norm)) continue;
    yield { messageId: "stereotype", target: { sentence, mention }, evidence: [wordsOfMatch(sentence, { first: complement.first, last: lastWordBefore(tokens, so) }), wordsOfMatch(sentence, behaviour)] };
  }
  const typical = p.typicalCues.matches(sentence.words);
  for (const cue of inTextOrder(p.stereotypeCues.matches(sentence.words), typical)) {
    // "Typical Londoners", "typical client." — not "Typical Monday" or "typical client questions".
    if (typical.includes(cue) && !typicalOfPeople(analysis, tokens, groups, cue.last)) continue;
    const group = groups.find((g) => g.first >= cue.first - 1 && g.first <= cue.last + 1);
    if (group) {
      // ("Classic tiger parents": the kind is "tiger parents", the cue's last word with the group.)
      const first = typical.includes(cue) && group.first === cue.last + 1 ? cue.last : group.first;
      yield { messageId: "stereotype", target: { sentence, mention: personMention(first, group.last) }, evidence: [wordsOfMatch(sentence, { first: cue.first, last: group.last })] };
      continue;
    }
    const target = cueTarget(text, index, cue, { allowYou: false });
    if (target && !target.mention.possessor) yield { messageId: "stereotype", target, evidence: [wordsOfMatch(sentence, cue)] };
  }
}

/**
 * Of people named by their nation ("American couple in 7, so expect them to ask where the ice
 * is"), anything they are expected to do is the stereotype: the expectation comes from where they
 * are from. Not a need ("…, so expect them to need an interpreter"), nor when they travel.
 * Returns the words expected, from "so" to the clause's end.
 */
function expectedOfOrigin(lex: ToneLexicon, tokens: Sentence["tokens"], identity: PatternMatch, so: number): PatternMatch | undefined {
  if (!tokens.slice(identity.first, identity.last + 1).some((t) => t.capitalised && (lex.nationalityAdjectives.has(t.norm) || lex.demonymNouns.has(t.norm.replace(/s$/, ""))))) return undefined;
  // Said as an expectation ("so expect them to …", "so I'd bet …"), not a plan ("…, they'll arrive at 7").
  if (!EXPECTING.has(tokens[so + 1]?.norm ?? "")) return undefined;
  const end = clauseEnd(tokens, so + 1);
  const expected = tokens.slice(so + 1, end + 1);
  // (Nor when or how they travel: "Londoners, so expect them off the 9:40 train".)
  if (expected.some((t) => NEEDS.has(t.norm) || SCHEDULE.has(t.norm) || /\d/.test(t.norm) || (t.capitalised && lex.nationalityAdjectives.has(t.norm)))) return undefined;
  return end > so + 2 ? { first: so, last: end } : undefined;
}
const EXPECTING = new Set(["expect", "assume", "bet", "brace"]);
const SCHEDULE = new Set(["arrive", "arriving", "arrival", "land", "landing", "train", "flight", "plane", "coach", "bus", "ferry", "early", "late", "check-in", "checkout", "off", "on"]);
const NEEDS = new Set(["need", "needs", "needed", "require", "requires", "interpreter", "translator", "translation", "translated", "halal", "kosher", "vegetarian", "vegan", "visa", "visas", "passport", "passports", "jet", "lag", "jetlagged", "jet-lagged"]);

/** The last word before token `at`, over punctuation ("from Essex," → "Essex"). */
function lastWordBefore(tokens: Sentence["tokens"], at: number): number {
  let j = at - 1;
  while (j > 0 && tokens[j].kind === "punct") j--;
  return j;
}

/** An age of 65 or more said as the complement: "is 82", "is 78 years old", "is in her 80s". */
function isOldAge(tokens: Sentence["tokens"], at: number): boolean {
  const t = tokens[at];
  const age = (text: string) => /^\d{2,3}$/.test(text) && Number(text) >= 65 && Number(text) <= 110;
  if (t?.kind === "word" && age(t.text)) return !["%", "percent", "pounds", "quid", "minutes", "mins", "days", "pence", "p", "k"].includes(tokens[at + 1]?.norm ?? "") && tokens[at + 1]?.text !== "%";
  return t?.norm === "in" && ["her", "his", "their"].includes(tokens[at + 1]?.norm ?? "") && /^(70|80|90)s$/.test(tokens[at + 2]?.norm ?? "");
}

/** Words that make what follows a prediction: "so they'll …", "so he will …", "so she won't …". */
const FUTURE = new Set(["'ll", "will", "won't", "wo", "gonna", "bound", "likely", "probably", "they'll", "he'll", "she'll", "theyll"]);

/** Whether a prediction opens within the three words after `at`: "…, so [they'll] forge …". */
function futureAfter(tokens: Sentence["tokens"], at: number): boolean {
  return tokens.slice(at + 1, at + 4).some((t) => FUTURE.has(t.norm));
}

/** A prediction opened without "so" ("…, they'll moan": the tokeniser splits "they'll"). */
const THEY_WILL = new Set(["they", "she", "he", "expect", "theyll", "shell", "hell"]);

const QUIP_OPENERS = new Set(["typical", "bloody", "oh", "ugh", "honestly", "flipping", "fucking", "god"]);

/** The word a `typicalCues` match ends on ("typical ___") names people: a group, a person noun that ends its phrase, or a capitalised name that does. */
function typicalOfPeople(analysis: ToneAnalysis, tokens: Sentence["tokens"], groups: PatternMatch[], at: number): boolean {
  const lex = analysis.lexicon;
  const t = tokens[at];
  if (!t || t.kind !== "word") return false;
  if (groups.some((g) => g.first === at || (g.first === at + 1 && t.capitalised))) return true;
  const person = (j: number) => tokens[j] !== undefined && (lex.roleNouns.has(tokens[j].norm) || lex.personNouns.has(tokens[j].norm) || lex.relativeNouns.has(tokens[j].norm));
  const ends = (j: number) => tokens[j + 1] === undefined || tokens[j + 1].kind === "punct" || ["'s", "'", "again", "behaviour", "behavior"].includes(tokens[j + 1].norm);
  if (person(at)) return ends(at);
  // "Classic tiger parents,", "typical city boys.": a word that makes a kind of a person noun that ends the phrase.
  if (person(at + 1) && ends(at + 1) && /s$/.test(tokens[at + 1].norm)) return true;
  // "Typical Scot, he'll argue over every penny": what people from a place are called.
  if (t.capitalised && lex.demonymNouns.has(t.norm)) return true;
  // "Typical Ernie." is one man's habit, not a group's: a stereotype needs a kind of people.
  if (t.capitalised && lex.givenNames.has(t.norm) && !person(at + 1)) return false;
  if (t.capitalised && !lex.notNames.has(t.norm) && !FUNCTION_WORDS_TYPICAL.has(t.norm)) return ends(at) || (person(at + 1) && ends(at + 1));
  return false;
}

const FUNCTION_WORDS_TYPICAL = new Set(["the", "a", "an", "of", "for", "in", "this", "that", "british", "english", "uk", "london"]);
