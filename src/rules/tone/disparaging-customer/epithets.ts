/**
 * The epithet construction: an insult used to point at someone ("that idiot at Brightwater", "what a
 * pair of halfwits", "Total halfwit on line 2 asking for …"), as the subject of what they did
 * ("that fat bastard stood over me", "Bloody idiot can't even staple them"), or as an aside that
 * ends its sentence ("Tight bastards.", "…, a proper pack of vultures").
 */
import type { Sentence, ToneAnalysis, ToneText } from "../../../tone/analysis.js";
import { antecedent, clauseStart, contextTarget, isNegated, mentionBefore } from "../../../tone/clauses.js";
import type { PatternMatch } from "../../../tone/patterns.js";
import { personMention, type Mention } from "../../../tone/targets.js";
import type { Found, Patterns } from "./wordLists.js";
import { wordsOfMatch } from "../../../tone/report.js";
import { isPersonWord, isThingNoun, type ToneLexicon } from "../../../tone/lexicon.js";
import { DEMONSTRATIVES, DETERMINERS, FOLLOWS_HEAD, POSSESSIVE_PRONOUNS, PREPOSITIONS, SENTENCE_ADVERBS, isProgressiveVerb } from "../../../tone/grammar.js";
import { finiteAfterPointed, otherPartyBefore, trailingEpithet } from "./epithetPlaces.js";
import { insults, isDerivedAdjective, isDerivedOnly, isProfane, overlaps, profaneAttributives, valenceAttributives } from "./insults.js";

/**
 * An insult used as a name for someone. The insult must head its phrase: in "the dummy account"
 * it is a modifier, and after a copula it is a complement (handled, negation and all, above).
 */
export function* epithets(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const { tokens } = sentence;
  const lex = analysis.lexicon;
  const copulas = sentence.copulas();
  const nouns = insults(analysis, p, sentence, "insultNouns");
  // "that clueless man", "the dimmest person": an insulting adjective on a person noun.
  const attributive = insults(analysis, p, sentence, "insultAdjectives").flatMap((m) => {
    // (WordNet's adjectives sit on the person noun itself, or before "old" or "little": "a
    // gormless little man"; not "the unprofessional conduct of one of our consultants".)
    const reach = isDerivedAdjective(m) ? (p.epithetModifiers.test(tokens[m.last + 1]?.norm ?? "") ? 2 : 1) : 3;
    for (let j = m.last + 1; j < tokens.length && j <= m.last + reach; j++) {
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
  // (After a sentence adverb too: "Honestly pathetic, no wonder she's not shifting anything.")
  let opensAt = firstWord;
  while (opensAt >= 0 && tokens[opensAt]?.kind === "word" && SENTENCE_ADVERBS.has(tokens[opensAt].norm)) opensAt++;
  const opening = insults(analysis, p, sentence, "insultAdjectives").find((m) => m.first === opensAt);
  if (opening && (tokens[opening.last + 1]?.kind === "punct" || tokens[opening.last + 1]?.norm === "and")) {
    const target = contextTarget(text, index, (m) => m.kind !== "you");
    if (target) yield { messageId: "insult", target, evidence: [wordsOfMatch(sentence, opening)] };
  }
  // "Grim woman.", "Mrs Holt again, horrible woman.": a word of bad valence on a person noun,
  // standing as an aside of its own (never in a sentence of its own verbs, never a state or a
  // sympathy: "Poor woman.", "Angry man.").
  for (const hit of valenceAttributives(lex, p, sentence).filter((v) => !attributive.some((a) => overlaps(a, v)))) {
    const start = clauseStart(tokens, hit.first);
    // A phrase and nothing else: "[what a] grim woman", not "could ruin my rep".
    if (!tokens.slice(start, hit.first).every((t) => ASIDE_OPENERS.has(t.norm)) || DETERMINERS.has(tokens[hit.first + 1].norm)) continue;
    const aside = trailingEpithet(p, tokens, hit, start, lex);
    if (aside < 0 || isNegated(sentence, lex, hit.first, start)) continue;
    const before = sentence.mentions().filter((m) => m.last < aside && m.personal && !m.possessor && m.kind !== "you");
    const target = before.length ? { sentence, mention: before[0] } : aside === firstWord ? antecedent(text, index) : null;
    if (target) yield { messageId: "insult", target, evidence: [wordsOfMatch(sentence, hit)] };
  }
  for (const hit of [...nouns, ...attributive]) {
    // "Dick will not attend", "Thanks, Dick.": a capitalised given name is a name.
    const word = tokens[hit.first];
    if (hit.first === hit.last && word.capitalised && !word.allCaps && lex.givenNames.has(word.norm)) continue;
    const evidence = [wordsOfMatch(sentence, hit)];
    const start = clauseStart(tokens, hit.first);
    // (A copula before it makes it a complement, handled above; not "I'm telling the greedy
    // bastard …", where the copula is the auxiliary of another verb, nor "I'm done being polite
    // to that arsehole", where the epithet is the object of a preposition after it.)
    if (copulas.some((c) => c.first >= start && c.last < hit.first && !progressive(tokens, c.last) && !objectOfPreposition(tokens, hit, c.last))) continue;
    const next = tokens[hit.last + 1];
    // An insult that ends on its person noun ("these bloody parents think …") heads its phrase
    // whatever verb follows, unless the noun is itself a modifier ("the bloody client portal").
    const onPerson = !nouns.includes(hit) && !lex.nonPersonHeads.has(next?.norm ?? "");
    // ("That fat bastard stood over me": a verb after it is what the person did.)
    // ("The prick running goods-in has …": a participle after it is what the person does.)
    let det = -1;
    for (let j = hit.first - 1; j >= start && hit.first - j <= 4; j--) {
      const norm = tokens[j].norm;
      if (DEMONSTRATIVES.has(norm) || POSSESSIVE_PRONOUNS.has(norm) || ["the", "our", "what", "such", "you", "some"].includes(norm)) {
        det = j;
        break;
      }
    }
    // "the pompous old prick …", "that clown …": pointed at, at most three words before.
    const pointed = det >= 0 && hit.first - det <= 3 && (tokens[det].norm === "the" || DEMONSTRATIVES.has(tokens[det].norm)) && tokens.slice(det + 1, hit.first).every((t) => t.kind === "word");
    const verbAfter = next !== undefined && next.kind === "word" && (p.epithetVerbs.test(next.norm) || /[^e]ed$/.test(next.norm) || (pointed && (isProgressiveVerb(next.norm) || finiteAfterPointed(lex, tokens, det, hit.last))));
    // ("Tell the silly cow the plumber's coming Thursday": the one told, before what they are told.)
    const told = TELLING.has(tokens[start]?.norm ?? "") && pointed;
    // "… second time this month what a dickhead charging him full": an exclamation run on into
    // the next clause, in chat without stops (not "what a shit day", where it is a modifier).
    const exclaimed = det >= 0 && tokens[det].norm === "what" && ["a", "an"].includes(tokens[det + 1]?.norm ?? "") && next?.kind === "word" && !next.capitalised && !isThingNoun(next.norm) && !isPersonWord(lex, next.norm) && !lex.nonPersonHeads.has(next.norm);
    if (next && next.kind === "word" && !next.quoted && !FOLLOWS_HEAD.has(next.norm) && !OBJECT_TAILS.has(next.norm) && !next.capitalised && !onPerson && !verbAfter && !told && !exclaimed) continue;
    // "that idiot at Brightwater"; not "the new cow in the Pritchards' herd", which is theirs, not them.
    const attached = sentence.mentions().find((m) => m.first > hit.last && m.first <= hit.last + 2 && !m.possessor && ["at", "from", "in", "on", "with"].includes(tokens[hit.last + 1]?.norm ?? ""));
    // "cheers dickhead, your line's still down", "thanks, idiot": the insult as a vocative after a
    // thanks or goodbye, to whoever the note is about.
    const lead = tokens.slice(start, hit.first).filter((t) => t.kind === "word");
    const vocative = det < 0 && !attached && SIGN_OFFS.has(lead[0]?.norm ?? "") && lead.slice(1).every((t) => lex.swearWords.has(t.norm) || p.insultAdjectives.test(t.norm) || NOTE_OPENERS.has(t.norm));
    if (vocative && !isNegated(sentence, lex, hit.first, start)) {
      const target = mentionBefore(text, index, (m) => someoneNamed(m) && !m.anaphor);
      if (target) {
        yield { messageId: isProfane(sentence, hit) ? "profanity" : "insult", target, evidence };
        continue;
      }
    }
    if (det < 0 && !attached) {
      // "Bloody idiot can't even staple them.", "Dumb son of a bitch wants gigabit": an epithet
      // as the subject of the sentence, about whoever the sentence before was about.
      // ("…; fucking moron threatened to go to the papers": the clause, not the sentence, opens with it.)
      const subjectOfVerb = verbAfter || (next?.kind === "word" && AUXILIARY_AFTER.has(next.norm));
      // ("Pair of clowns shouldn't be let near a tiller": a word for a group of them before "of".)
      const opener = (t: Sentence["tokens"][number], j: number) =>
        NOTE_OPENERS.has(t.norm) || lex.swearWords.has(t.norm) || p.insultAdjectives.test(t.norm) || p.epithetModifiers.test(t.norm) || (t.norm === "of" && j === hit.first - 1 && p.collectiveNouns.test(tokens[j - 1]?.norm ?? "")) || (p.collectiveNouns.test(t.norm) && tokens[j + 1]?.norm === "of" && j + 1 === hit.first - 1);
      if (subjectOfVerb && tokens.slice(start, hit.first).every((t, k) => t.kind === "word" && opener(t, start + k))) {
        // (A slot standing for its person counts: "the 2pm cancelled again, bloody cow can pay the fee".)
        const earlier = sentence.mentions().filter((m) => m.last < start && someoneNamed(m));
        const target = earlier.length ? { sentence, mention: earlier[earlier.length - 1] } : (antecedent(text, index) ?? mentionBefore(text, index, (m) => someoneNamed(m) && !m.anaphor));
        if (target && !isNegated(sentence, lex, hit.first, start)) {
          yield { messageId: isProfane(sentence, hit) ? "profanity" : "insult", target, evidence };
          continue;
        }
      }
      // A note that opens with the epithet: "Total halfwit on line 2 asking for …", "Absolute clown
      // from the bank again." The insult is how the person is pointed at.
      if (opensNote(tokens, hit, firstWord, lex, p) && !isNegated(sentence, lex, hit.first, start)) {
        yield { messageId: isProfane(sentence, hit) ? "profanity" : "insult", target: { sentence, mention: personMention(firstWord, hit.last) }, evidence };
        continue;
      }
      // "Tight bastards.", "Mrs Pemberton counted the teaspoons, silly old bitch.": a phrase of
      // nothing but the epithet and its modifiers, ending its sentence, names whoever the
      // sentence or the paragraph was about.
      const aside = trailingEpithet(p, tokens, hit, start, lex);
      if (aside >= 0 && !isNegated(sentence, lex, hit.first, start)) {
        // (A place standing for its people is one of them here: "Table 22 sent the steak back, bunch of dickwads.")
        const before = sentence.mentions().filter((m) => m.last < aside && (m.personal || lex.placeNouns.has(tokens[m.first].norm)) && !m.possessor && m.kind !== "you");
        const target = before.length ? { sentence, mention: before[0] } : aside === firstWord ? antecedent(text, index) : null;
        if (target) yield { messageId: isProfane(sentence, hit) ? "profanity" : "insult", target, evidence };
      }
      continue;
    }
    if (isNegated(sentence, lex, hit.first, start)) continue;
    const messageId = isProfane(sentence, hit) ? "profanity" : "insult";
    const detWord = det >= 0 ? tokens[det].norm : "";
    if (attached) {
      yield { messageId, target: { sentence, mention: { ...attached, first: det >= 0 ? det : hit.first } }, evidence };
    } else if (isDerivedOnly(hit)) {
      continue;
    } else if (DEMONSTRATIVES.has(detWord) || POSSESSIVE_PRONOUNS.has(detWord) || detWord === "our" || detWord === "some") {
      // "those tossers", "their idiot of a manager": the insult is how they are pointed at —
      // unless they are the supplier just spoken of ("the parts supplier sent the wrong kit
      // again, these clowns …").
      if (DEMONSTRATIVES.has(detWord) && otherPartyBefore(text, index, det, lex)) continue;
      yield { messageId, target: { sentence, mention: personMention(det, hit.last) }, evidence };
    } else if (detWord === "you") {
      const you = sentence.mentions().find((m) => m.first === det && m.kind === "you");
      if (you) yield { messageId, target: { sentence, mention: you }, evidence };
    } else if (detWord === "the" && isPlace(tokens, hit.last + 1, lex)) {
      // "the dickhead at 14 Carrow Rd has reported …": the person at that address.
      yield { messageId, target: { sentence, mention: personMention(det, hit.last) }, evidence };
    } else {
      // "What a pair of halfwits." — about whoever was just mentioned; "What a twat that new
      // customer is." — about the subject that follows the exclamation.
      // (A capitalised first word that may be no name counts only when no one else is at hand:
      // "Jemima's mother has arrived. Truly the most tiresome woman in the county.")
      const spoken = sentence.mentions().filter((m) => m.last < hit.first && m.kind !== "you");
      const certain = spoken.filter((m) => !m.uncertain);
      const before = certain.length || !contextTarget(text, index, (m) => m.kind !== "you" && !m.uncertain) ? spoken : certain;
      const after =
        detWord === "what"
          ? sentence.mentions().find((m) => m.first > hit.last && !m.possessor && copulas.some((c) => c.first === m.last + 1) && (tokens[m.last + 2] === undefined || tokens[m.last + 2].kind === "punct"))
          : undefined;
      // "the TW train wreck": a word that also names things ("train wreck", "nightmare") after
      // "the" is a thing unless a person is named beside it; it takes no one from context.
      // (Not an adjective on a person noun: "the most tiresome woman" is a woman.)
      const thingWord = detWord === "the" && nouns.includes(hit) && p.alsoThings.matches(sentence.words).some((t) => overlaps(t, hit));
      // (Not a capitalised word that may be no name: "Driver was on time. What a flaming dickhead.")
      // With no one else to be about, "the greedy bastard", "the pompous old git" is a person
      // when its noun is one (WordNet's first sense), when it does something ("the prick running
      // goods-in") or is told something ("tell the silly cow …"), not "the shit" or "the cock-up".
      const target =
        (after ? { sentence, mention: after } : before.length ? { sentence, mention: before[before.length - 1] } : thingWord ? null : contextTarget(text, index, (m) => m.kind !== "you" && !m.uncertain)) ??
        (detWord === "the" && tokens.slice(hit.first, hit.last + 1).every((t) => !t.capitalised) && (told || (!thingWord && (isPersonWord(lex, tokens[hit.last].norm) || verbAfter))) ? { sentence, mention: personMention(det, hit.last) } : null);
      if (target) yield { messageId, target, evidence };
    }
  }
}

/**
 * Whether the epithet is pointed at by a demonstrative right after a preposition, after the
 * copula: "polite to that arsehole", "sick of these clowns"; not a simile ("out like vultures").
 */
function objectOfPreposition(tokens: Sentence["tokens"], hit: PatternMatch, copulaLast: number): boolean {
  for (let det = hit.first - 1; det > copulaLast + 1 && hit.first - det <= 3; det--) {
    if (!DEMONSTRATIVES.has(tokens[det].norm)) continue;
    const prep = tokens[det - 1].norm;
    return PREPOSITIONS.has(prep) && !SIMILE_WORDS.has(prep);
  }
  return false;
}
const SIMILE_WORDS = new Set(["like", "as", "than"]);

/** Words that may open a note before its epithet: "Total halfwit on line 2 …". */
export const NOTE_OPENERS = new Set(["total", "complete", "absolute", "utter", "proper", "right", "real", "another", "same", "bloody", "fucking", "massive", "little", "old", "young", "ugh", "oh", "god", "honestly", "fyi", "btw", "and"]);

/** The epithet opens a verbless note and is followed by where they are or what they want. */
function opensNote(tokens: Sentence["tokens"], hit: PatternMatch, firstWord: number, lex: ToneLexicon, p: Patterns): boolean {
  // (An insulting word may come first too: "Pompous prick in 3A wants a different pillow".)
  const opener = (norm: string) => NOTE_OPENERS.has(norm) || lex.swearWords.has(norm) || lex.insultAdjectives.has(norm) || p.insultAdjectives.test(norm) || p.epithetModifiers.test(norm);
  let judged = false;
  for (let j = firstWord; j < hit.first; j++) {
    if (tokens[j].kind === "punct") continue;
    if (!opener(tokens[j].norm)) return false;
    if (!NOTE_OPENERS.has(tokens[j].norm)) judged = true;
  }
  const next = tokens[hit.last + 1];
  // (A judged epithet alone, "Greedy sods.", is an aside about whoever came before.)
  if (!next || next.kind === "punct") return !judged && (next === undefined || /^[.!]$/.test(next.text));
  return ["on", "in", "at", "from", "who", "wants", "wanting", "asking", "again", "just"].includes(next.norm) || /ing$/.test(next.norm);
}

/** Words that may open a phrase of judgement standing alone: "what a grim woman", "absolute horror of a man". */
const ASIDE_OPENERS = new Set(["a", "an", "the", "what", "such", "absolute", "total", "proper", "right", "real", "utter", "complete", "two", "that", "this", "some", "honestly", "just", "really", "truly", "frankly"]);

/** Someone certain an epithet may name: a person, or a place or slot standing for one ("the 2pm"); not "you". */
function someoneNamed(m: Mention): boolean {
  return (m.personal || m.kind === "person") && !m.possessor && !m.uncertain && m.kind !== "you";
}

/** Thanks and goodbyes that may open a vocative: "cheers dickhead", "thanks, idiot". */
const SIGN_OFFS = new Set(["cheers", "thanks", "thank", "ta", "bye", "goodbye", "later", "night", "nighty", "bye-bye"]);

/** Verbs opening a clause whose first object is the person told: "tell the silly cow …". */
const TELLING = new Set(["tell", "told", "remind", "ask", "give", "send", "show", "warn"]);

/** Words that may follow an epithet as the object of a verb: "tell that shithead no". */
const OBJECT_TAILS = new Set(["no", "yes", "off", "out", "where", "what", "anything", "nothing", "sorry", "thanks"]);

/** A copula followed by a verb in -ing is the auxiliary of that verb ("I'm telling …"), not a link. */
function progressive(tokens: Sentence["tokens"], copulaLast: number): boolean {
  return isProgressiveVerb(tokens[copulaLast + 1]?.norm ?? "");
}

/** Words after an epithet that make it a subject: "Bloody idiot can't even …". */
const AUXILIARY_AFTER = new Set(["can", "could", "will", "would", "should", "must", "has", "have", "had", "is", "was", "does", "did", "never", "still", "always", "just", "keeps"]);
/** "at 14 Carrow Rd", "in 2A", "on Elm Street": a place named after a preposition. */
function isPlace(tokens: Sentence["tokens"], at: number, lex: ToneLexicon): boolean {
  const prep = tokens[at];
  const what = tokens[at + 1];
  if (prep === undefined || !["at", "in", "on", "from"].includes(prep.norm) || what === undefined || what.kind !== "word") return false;
  // "at 14 Carrow Rd", "on Elm Street", and "in room 9", "on table 12".
  const numbered = lex.placeNouns.has(what.norm) && /^\d/.test(tokens[at + 2]?.norm ?? "");
  return /^\d/.test(what.norm) || (what.capitalised && !what.allCaps) || numbered;
}

