/**
 * `talks-about-recipient`: the sender's text speaks about someone who will read it, in the third
 * person — "Pauline wants the cheaper room", "I told Mr Bailey's assistant" — or, in a message
 * addressed to colleagues with an outsider on Cc, about "the couple" or "they". Addressing the
 * reader ("Hi Pauline", "Pauline, could you…", "Thanks, Pauline") is not talking about them.
 */
import { defineRule } from "../../engine/rule.js";
import { locateInBody } from "../../message/body.js";
import type { Message, Recipient } from "../../types.js";
import { splitSentences, type Span } from "../../text/sentences.js";
import { foldWord, isCapitalised, wordsOf, type Word } from "../../text/words.js";
import { newSegments } from "./authoredText.js";
import { rulePatterns, wordSet, type WordLists } from "./hygieneData.js";
import { compileSalutations, parseGreeting } from "./greeting.js";
import { colleaguesOf, nameMatchesPerson, nameTools, personOf, type NameTools, type Person } from "./people.js";
import { isSendersOwnAddress } from "../../audience/ownAddresses.js";

const patternKeys = ["thirdPersonVerbs", "adverbs", "objectCues", "addressingCues", "roleNouns", "roleDeterminers", "roleModifierHeads", "pronouns", "commonWordNames"] as const;
type TalkPatterns = WordLists<(typeof patternKeys)[number]>;

interface Cues {
  verbs: ReadonlySet<string>;
  adverbs: ReadonlySet<string>;
  objectCues: ReadonlySet<string>;
  addressingCues: ReadonlySet<string>;
  roleNouns: readonly string[];
  roleDeterminers: ReadonlySet<string>;
  roleModifierHeads: ReadonlySet<string>;
  pronouns: ReadonlySet<string>;
  commonWordNames: ReadonlySet<string>;
  /** The greeting words, to skip the greeting line ("Hi Richard and Pauline,"). */
  salutations: RegExp;
}

function compileCues(p: TalkPatterns): Cues {
  return {
    verbs: wordSet(p.thirdPersonVerbs),
    adverbs: wordSet(p.adverbs),
    objectCues: wordSet(p.objectCues),
    addressingCues: wordSet(p.addressingCues),
    roleNouns: p.roleNouns.map(foldWord),
    roleDeterminers: wordSet(p.roleDeterminers),
    roleModifierHeads: wordSet(p.roleModifierHeads),
    pronouns: new Set(p.pronouns.map(foldWord)),
    commonWordNames: new Set(p.commonWordNames.map(foldWord)),
    salutations: compileSalutations(["dear", "hi", "hello", "hey", "hiya", "good morning", "good afternoon", "good evening", "morning"]),
  };
}

/** "guest" → guest, guests; "family" → families; "patron" → patrons. */
function withPlurals(nouns: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const noun of nouns) {
    out.add(noun);
    if (/[^aeiou]y$/.test(noun)) out.add(noun.slice(0, -1) + "ies");
    else if (/(?:s|x|ch|sh)$/.test(noun)) out.add(noun + "es");
    else out.add(noun + "s");
  }
  return out;
}

interface Reader {
  person: Person;
  recipient: Recipient;
}

type Mention = { start: number; end: number; reader: Reader };

/** "Pauline's" is Pauline (possessive, or "Pauline is"): either way she is spoken about. */
function possessive(word: string): boolean {
  return /['’]s$/i.test(word);
}

function bareName(word: string): string {
  return word.replace(/['’]s$/i, "");
}

/**
 * Whether the name at words[first..last] is spoken about (third person) rather than to. Only
 * clear evidence counts: a verb after it, a preposition or verb before it, or a possessive.
 */
function spokenAbout(text: string, words: Word[], first: number, last: number, sentence: Span, cues: Cues): boolean {
  const before = words[first - 1];
  const after = words[last + 1];
  const gapBefore = text.slice(before ? before.end : sentence.start, words[first].start);
  const gapAfter = text.slice(words[last].end, after ? after.start : sentence.end);
  const prev = before ? foldWord(before.text) : null;

  // "Hi Pauline", "Thanks, Pauline", "Thank you Pauline"
  if (prev && cues.addressingCues.has(prev) && /^[\s,]*$/.test(gapBefore)) return false;
  // "Pauline, could you…" (first in the sentence), "…, Pauline." (last), "Thanks, Pauline, for…"
  if (!before && /^\s*,/.test(gapAfter)) return false;
  if (before && /,\s*$/.test(gapBefore) && (!after || /^\s*[,.!?]/.test(gapAfter))) return false;

  if (possessive(words[last].text)) return true;
  if (prev && cues.objectCues.has(prev) && /^\s+$/.test(gapBefore)) return true;
  // "Pauline wants", "Mr Bailey never paid", "Pauline really didn't like it"
  let k = last + 1;
  for (let skipped = 0; k < words.length && skipped < 2 && cues.adverbs.has(foldWord(words[k].text)); skipped++) k++;
  const verb = words[k];
  if (!verb || !/^[ \t]+$/.test(text.slice(words[k - 1].end, verb.start))) return false;
  const folded = foldWord(verb.text);
  return cues.verbs.has(folded) || (verb.text === verb.text.toLowerCase() && /^[a-z]{3,}(?:s|ed)$/.test(folded) && !/ss$/.test(folded));
}

function nameMentions(text: string, words: Word[], sentence: Span, readers: Reader[], tools: NameTools, cues: Cues): Mention | null {
  const isGiven = (r: Reader, word: string) => r.person.givenNames.some((t) => tools.nicknames.sameName(t, word));
  const isFamily = (r: Reader, word: string) => r.person.familyNames.includes(foldWord(word));
  const joined = (a: Word, b: Word) => /^\.?[ \t]+$/.test(text.slice(a.end, b.start));
  for (let i = 0; i < words.length; i++) {
    if (!isCapitalised(words[i].text)) continue;
    const bare = bareName(words[i].text);
    const titled = i > 0 && tools.words.titles.has(foldWord(words[i - 1].text)) && joined(words[i - 1], words[i]);
    const next = words[i + 1];
    for (const reader of readers) {
      const withFamily = !possessive(words[i].text) && next !== undefined && isCapitalised(next.text) && joined(words[i], next) && isFamily(reader, bareName(next.text));
      // A family name alone counts only after a title ("Mr Bailey"): "Price is £20" is not about
      // Sarah Price. A given name that is also a word ("Will", "May") needs its family name too.
      const named =
        (isFamily(reader, bare) && titled) ||
        (isGiven(reader, bare) && (titled || withFamily || !cues.commonWordNames.has(foldWord(bare))));
      if (!named) continue;
      const first = titled ? i - 1 : i;
      let last = withFamily ? i + 1 : i;
      while (!possessive(words[last].text) && last + 1 < words.length && isCapitalised(words[last + 1].text) && joined(words[last], words[last + 1]) && isFamily(reader, bareName(words[last + 1].text))) {
        last++;
      }
      if (spokenAbout(text, words, first, last, sentence, cues)) {
        return { start: words[first].start, end: words[last].end - (possessive(words[last].text) ? 2 : 0), reader };
      }
      i = last;
      break;
    }
  }
  return null;
}

const SINGULAR_PRONOUNS = new Set(["he", "him", "his", "himself", "she", "her", "hers", "herself", "he's", "she's", "he'd", "she'd", "he'll", "she'll"]);
/** Words in -s that are not plural nouns: "this wedding", "as I said", "perhaps they…". */
const NOT_PLURAL = new Set(["this", "thus", "has", "was", "is", "its", "his", "hers", "ours", "yours", "theirs", "always", "perhaps", "sometimes", "towards", "besides", "across", "unless", "whereas", "afterwards", "plus", "yes", "does", "goes", "says"]);

/** What a word before a pronoun can stand for: a named person, or a plural thing. */
function antecedentKind(w: string, tools: NameTools): "person" | "plural" | null {
  if (isCapitalised(w) && w.length > 1 && tools.nicknames.isKnownName(bareName(w))) return "person";
  if (/^[a-z]{3,}[^su's]s$/.test(w) && !NOT_PLURAL.has(w)) return "plural";
  return null;
}

/** "the couple", "our guests", "they": the outsider on Cc, in a message addressed to colleagues. */
function roleMention(text: string, words: Word[], roleNouns: ReadonlySet<string>, cues: Cues, tools: NameTools): Word | null {
  // A pronoun with a nearer antecedent in its sentence is about that, not the outsider on Cc:
  // "Ken said to tell you that he told David…" (a person named before "he"), "Rate caps have bad
  // consequences: they cause shortages" (a plural noun before "they").
  let personBefore = false;
  let pluralBefore = false;
  for (let i = 0; i < words.length; i++) {
    const folded = foldWord(words[i].text);
    if (cues.pronouns.has(folded)) {
      if (!(SINGULAR_PRONOUNS.has(folded) ? personBefore : pluralBefore)) return words[i];
      continue;
    }
    const kind = antecedentKind(words[i].text, tools);
    if (kind === "person") personBefore = true;
    if (kind === "plural") pluralBefore = true;
    if (!roleNouns.has(folded) || i === 0) continue;
    const before = words[i - 1];
    if (!cues.roleDeterminers.has(foldWord(before.text)) || !/^\s+$/.test(text.slice(before.end, words[i].start))) continue;
    const after = words[i + 1];
    // "a couple of days", "the user guide", "the customer service team"
    if (after && /^[ \t]+$/.test(text.slice(words[i].end, after.start)) && cues.roleModifierHeads.has(foldWord(after.text))) continue;
    return words[i];
  }
  return null;
}

function mentionsAnyName(message: Message, readers: Reader[], tools: NameTools): boolean {
  const names = readers.flatMap((r) => [...r.person.givenNames.flatMap((n) => tools.nicknames.sameRootAs(n)), ...r.person.familyNames]);
  if (names.length === 0) return false;
  return newSegments(message).some((segment) => {
    const text = foldWord(message.body.text.slice(segment.start, segment.end));
    return names.some((name) => text.includes(name));
  });
}

function readersOf(message: Message, tools: NameTools, colleagueNames: Set<string>): Reader[] {
  const seen = new Set<string>();
  const readers: Reader[] = [];
  for (const recipient of message.recipients) {
    if (!recipient.external || seen.has(recipient.address) || isSendersOwnAddress(recipient, message.from)) continue;
    seen.add(recipient.address);
    const person = personOf(recipient, recipient.organisation, tools);
    if (person.opaque) continue;
    // A name shared with a colleague on the message ("Karen" twice) says nothing about who is meant.
    person.givenNames = person.givenNames.filter((t) => !colleagueNames.has(t));
    person.familyNames = person.familyNames.filter((t) => !colleagueNames.has(t));
    if (person.givenNames.length || person.familyNames.length) readers.push({ person, recipient });
  }
  return readers;
}

export const talksAboutRecipient = defineRule({
  id: "talks-about-recipient",
  pack: "hygiene",
  appliesTo: ["eml"],
  check(context) {
    const { message, config } = context;
    if (!message.recipients.some((r) => r.external)) return;
    const cues = rulePatterns(context.data, patternKeys, compileCues);
    const tools = nameTools();
    const colleagueNames = new Set(
      colleaguesOf(message, config).flatMap((m) => {
        const p = personOf(m, "", tools);
        return [...p.nameTokens, ...p.localTokens];
      }),
    );
    const readers = readersOf(message, tools, colleagueNames);
    const to = message.recipients.filter((r) => r.field === "to");
    const ccOutsiders = message.recipients.filter((r) => r.field === "cc" && r.external && !isSendersOwnAddress(r, message.from));
    // The Stoke Park case: addressed to colleagues, an outsider on Cc.
    const roleMode = to.length > 0 && to.every((r) => !r.external) && ccOutsiders.length > 0;
    const roleNouns = withPlurals([...cues.roleNouns, ...config.customerTerms.map(foldWord)]);
    const body = message.body;
    // Without the Stoke Park case only names matter: a text that spells none of them is skipped.
    if (!roleMode && !mentionsAnyName(message, readers, tools)) return;

    for (const segment of newSegments(message)) {
      const greeting = parseGreeting(body.text, segment.start, segment.end, cues.salutations, tools);
      // In a message to several people, telling the others what one of them said is ordinary:
      // "George mentioned…" to George and Mei, or after "Hi Richard and Pauline,". The sole
      // addressee spoken of in the third person, or someone on Cc who is not greeted, is not.
      const greeted = greeting && greeting.names.length > 1 ? greeting.names : [];
      const spokenAboutReaders = readers.filter(
        (r) =>
          !(r.recipient.field === "to" && to.length > 1) && !greeted.some((n) => nameMatchesPerson(r.person, n.tokens, tools)),
      );
      for (const sentence of splitSentences(body.text, segment.start, segment.end)) {
        // The greeting addresses people by definition ("Hi Richard and Pauline,").
        const greetingEnd = greeting?.salutation ? greeting.end : -1;
        if (sentence.end <= greetingEnd) continue;
        const words = wordsOf(body.text, Math.max(sentence.start, greetingEnd), sentence.end);
        const excerpt = body.text.slice(sentence.start, sentence.end);
        const byName = nameMentions(body.text, words, sentence, spokenAboutReaders, tools, cues);
        if (byName) {
          const { person, recipient } = byName.reader;
          const mention = body.text.slice(byName.start, byName.end);
          context.report({
            messageId: "byName",
            data: { name: mention, reader: `${recipient.address} (${recipient.field === "to" ? "To" : recipient.field === "cc" ? "Cc" : "Bcc"})` },
            excerpt,
            target: person.displayName || mention,
            readers: [recipient.address],
            location: locateInBody(body, byName.start, byName.end),
            suggestion: `Write to ${mention} directly ("you"), or take ${recipient.address} off the message.`,
          });
          continue;
        }
        if (!roleMode) continue;
        const role = roleMention(body.text, words, roleNouns, cues, tools);
        if (!role) continue;
        const addresses = ccOutsiders.map((r) => r.address);
        context.report({
          messageId: "byRole",
          data: { mention: role.text, readers: addresses.join(", ") },
          excerpt,
          target: role.text,
          readers: addresses,
          location: locateInBody(body, role.start, role.end),
          suggestion: "Take the outsider off Cc before discussing them, or write to them directly.",
        });
      }
    }
  },
});
