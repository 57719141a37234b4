/**
 * Contempt shown as dread or ridicule without an insult word: a customer's return ("guess who's
 * back"), dread at their contact, a painful preference, a retort, "not them again", a dread opener,
 * exasperation at "these people".
 */
import type { Sentence, ToneAnalysis, ToneText } from "../../../tone/analysis.js";
import { contextTarget, isNegated, negations } from "../../../tone/clauses.js";
import { cueTarget } from "../../../tone/cueTarget.js";
import type { Found, Patterns } from "./wordLists.js";
import { wordsOfMatch } from "../../../tone/report.js";
import { personMention } from "../../../tone/targets.js";
import { isPersonWord, type ToneLexicon } from "../../../tone/lexicon.js";
import { DEMONSTRATIVES } from "../../../tone/grammar.js";
import { otherPartyBefore } from "./epithetPlaces.js";

/**
 * Contempt shown as dread or ridicule without an insult word:
 * - dread at a customer's contact: "my heart sinks when the Kemps ring", "every time Mrs Pardoe's
 *   name comes up I groan" (present tense: a habit, not the day bad news came);
 * - a painful preference: "I'd rather chew tinfoil than sit through lunch with the buyer";
 * - a retort that ends a report about them: "Mr Dacre says it was our fault. Of course he did.";
 * - "Oh no, not the Hallorans again.";
 * - "Guess who's back", unless the return is welcome news.
 */
export function* gossip(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const { tokens } = sentence;
  const lex = analysis.lexicon;
  const customers = () => sentence.mentions().filter((m) => m.kind !== "you" && !m.uncertain);

  for (const cue of p.returnCues.matches(sentence.words)) {
    const next = text.sentences[index + 1];
    const warm = p.warmth.test(sentence.words) || (next !== undefined && next.paragraph === sentence.paragraph && p.warmth.test(next.words));
    if (warm) continue;
    const target = cueTarget(text, index, cue, { allowYou: false });
    if (target) yield { messageId: "contempt", target, evidence: [wordsOfMatch(sentence, cue)] };
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
      if (!between.every((w) => p.contactLinks.test(w))) continue;
      const before = tokens.slice(Math.max(0, subject.first - 3), subject.first).map((t) => t.norm);
      // "when the Kemps ring", or a report of them in touch again followed by the dread: "The
      // Blakes are coming back in June, I could scream" (not "… rang to say she was ill; my heart sank").
      const again = tokens.slice(subject.last + 1, contact.last + 3).some((t) => t.norm === "again" || t.norm === "back");
      const reaction = dread.find((d) => d.first > contact.last && d.first - contact.last <= 6);
      const juxtaposed = again && reaction !== undefined && !p.warmth.test(sentence.words) && !p.newsReactions.test(tokens[reaction.last].norm) &&
        !tokens.slice(contact.last + 1, reaction.first).some((t) => ["to", "about", "that", "because", "with"].includes(t.norm));
      if (!before.some((w) => p.contactOpeners.test(w)) && !juxtaposed) continue;
      if (isNegated(sentence, lex, contact.first, subject.first)) continue;
      yield { messageId: "contempt", target: { sentence, mention: subject }, evidence: [wordsOfMatch(sentence, contact), ...(reaction ? [wordsOfMatch(sentence, reaction)] : [])] };
      return;
    }
    // "every time I get an email from the Marsh family", "when I see her name".
    for (const seen of p.sightings.matches(sentence.words)) {
      const before = tokens.slice(Math.max(0, seen.first - 4), seen.first).map((t) => t.norm);
      if (!before.some((w) => p.contactOpeners.test(w))) continue;
      const mention = customers().find((m) => (m.first >= seen.first && m.last <= seen.last) || (m.first > seen.last && m.first <= seen.last + 2));
      if (mention && !isNegated(sentence, lex, seen.first)) {
        yield { messageId: "contempt", target: { sentence, mention }, evidence: [wordsOfMatch(sentence, seen)] };
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
    yield { messageId: "contempt", target: { sentence, mention: target }, evidence: [wordsOfMatch(sentence, m)] };
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
      yield { messageId: "mockery", target, evidence: [wordsOfMatch(sentence, m)] };
      return;
    }
  }

  for (const m of p.notAgain.matches(sentence.words)) {
    const opening = tokens.slice(0, m.first).filter((t) => t.kind !== "punct");
    if (!opening.every((t) => p.interjections.test(t.norm))) continue;
    if (tokens.slice(m.last + 1).some((t) => t.kind !== "punct" && !p.interjections.test(t.norm))) continue;
    const mention = customers().find((x) => x.first === m.first + 1 && x.last === m.last - 1);
    if (mention) {
      yield { messageId: "contempt", target: { sentence, mention }, evidence: [wordsOfMatch(sentence, m)] };
      return;
    }
  }
}

/**
 * "Oh god, the Pattersons have booked again": an opener of dread, then a customer in touch again
 * (not "Oh no, the Kemps' flight was cancelled").
 */
export function* dreadOpening(p: Patterns, sentence: Sentence): Generator<Found> {
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
  if (subject) yield { messageId: "contempt", target: { sentence, mention: subject }, evidence: [wordsOfMatch(sentence, { first: opener.first, last: contact.last })] };
}

/** Words that may close an exasperated fragment after the people it is at: "these people again, honestly". */
const EXASPERATED_TAILS = new Set(["again", "honestly", "seriously", "man", "mate", "lol", "smh", "ffs", "jeez", "sheesh"]);

/**
 * "fucking hell these people.", "Ugh, this lot.", "God, those clients again!": a fragment of
 * nothing but exasperation (interjections and swearing) and a demonstrative on people. Not when
 * the party just spoken of is one we buy from ("the courier lost it again. god, these people").
 */
export function* exasperatedAt(p: Patterns, lex: ToneLexicon, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const words = sentence.tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.kind !== "punct");
  const det = words.findIndex(({ t }) => DEMONSTRATIVES.has(t.norm));
  if (det < 1) return;
  const opening = words.slice(0, det);
  if (!opening.every(({ t }) => p.interjections.test(t.norm) || lex.swearWords.has(t.norm))) return;
  // The people: one or two words after the demonstrative, the last a person, role or group noun.
  let last = det + 1;
  while (last < words.length && last <= det + 2 && !isPeopleWord(p, lex, words[last].t.norm)) last++;
  if (last >= words.length || last > det + 2 || !isPeopleWord(p, lex, words[last].t.norm)) return;
  if (words.slice(last + 1).some(({ t }) => !EXASPERATED_TAILS.has(t.norm))) return;
  if (otherPartyBefore(text, index, words[det].i, lex)) return;
  const swore = opening.some(({ t }) => lex.swearWords.has(t.norm));
  const mention = personMention(words[det].i, words[last].i);
  yield { messageId: swore ? "profanity" : "contempt", target: { sentence, mention }, evidence: [wordsOfMatch(sentence, { first: words[0].i, last: words[last].i })] };
}

function isPeopleWord(p: Patterns, lex: ToneLexicon, word: string): boolean {
  return isPersonWord(lex, word) || p.collectiveNouns.test(word) || word === "ones";
}
