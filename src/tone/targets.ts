/**
 * Customer-target detection: which words of a sentence point at a customer, in SPEC §3's order
 * of strength — a named external recipient, their organisation, a role noun (client, guest, …,
 * plus `customerTerms`), a third-person pronoun, and "you" when the reader is the customer. Names
 * of other people and organisations in the text ("the Ashworths", "Kyle from Ardent Logistics")
 * count as well: in outbound mail they are almost always customers or their staff, and a
 * colleague's name is recognised from the message's internal addresses and left out.
 */
import type { Recipient } from "../types.js";
import type { Token } from "../text/tokens.js";
import type { ToneLexicon } from "./lexicon.js";
import { metonymEnd } from "./metonyms.js";
import { COLLECTIVE_NOUNS, UNAMBIGUOUS_TITLES, compoundStart, namesAnAnimal, extendLeft, extendRight, firstWordIndex, isLowerCaseSurname, isModifier, isNameWord, isPersonHead, isPersonNoun, isPossessive, isWord, nameRun, possessedPerson } from "./nounPhrases.js";
import {
  ATTACHING_PREPOSITIONS,
  DEMONSTRATIVES,
  DETERMINERS,
  FOLLOWS_HEAD,
  PERSONAL_PRONOUNS,
  POSSESSIVE_PRONOUNS,
  SECOND_PERSON,
  THIRD_PERSON,
} from "./grammar.js";

export type TargetKind = "recipient" | "organisation" | "name" | "template" | "role" | "person" | "pronoun" | "you";

export interface Mention {
  /** First and last token (inclusive) of the words naming the target. */
  first: number;
  last: number;
  /** The token that heads the phrase ("guest" in "the guest in room 4"). */
  head: number;
  kind: TargetKind;
  /** Certainly a person or an organisation of people; "they" may be printers. */
  personal: boolean;
  /** Only a possessor ("her drivel", "Mr Beaumont's complaint"): not the subject of what follows. */
  possessor: boolean;
  /** A capitalised first word that may be a name ("Kyle …") or may not ("Parking …"). */
  uncertain: boolean;
  /** Points back at someone spoken of before ("Man is a complete cretin"), and is no one without them. */
  anaphor?: boolean;
  recipient?: Recipient;
}

/** Someone surely a person or their organisation, spoken of as themselves (not "you", not a possessor, not a guessed name). */
export function isCertainThirdParty(m: Mention): boolean {
  return m.personal && !m.possessor && !m.uncertain && m.kind !== "you";
}

/**
 * People a construction itself points at, where no mention was found: a group ("students never
 * pay"), an epithet ("those tossers"). Surely people, and the head is the last word.
 */
export function personMention(first: number, last: number): Mention {
  return { first, last, head: last, kind: "person", personal: true, possessor: false, uncertain: false };
}

export interface TargetContext {
  lexicon: ToneLexicon;
  /** "you" is the customer: the reader is external, or unknown (a bare text). */
  youIsCustomer: boolean;
  /** Lower-cased name words and local parts of external recipients. */
  externalNames: ReadonlyMap<string, Recipient>;
  /** Organisation labels of external recipients ("brightwater" for brightwater.co.uk). */
  organisations: ReadonlyMap<string, Recipient>;
  /** Lower-cased name words of colleagues on the message: never customer targets. */
  colleagueNames: ReadonlySet<string>;
  /** Labels of our own organisation's domains ("enron" for enron.com): never customer targets. */
  ownOrganisations: ReadonlySet<string>;
}


export function findMentions(tokens: Token[], ctx: TargetContext): Mention[] {
  const lex = ctx.lexicon;
  const mentions: Mention[] = [];
  const firstWord = firstWordIndex(tokens);
  const push = (m: Omit<Mention, "possessor" | "uncertain" | "head"> & Partial<Mention>) =>
    mentions.push({ possessor: false, uncertain: false, head: m.last, ...m });

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isWord(t)) continue;
    const norm = t.norm;

    if (t.kind === "template") {
      const owned = possessedPerson(tokens, i, lex);
      push({ first: i, last: owned >= 0 ? owned : i, kind: "template", personal: true, head: owned >= 0 ? owned : i });
      if (owned >= 0) i = owned;
      continue;
    }

    // A recipient's name is capitalised ("Pauline", not the verb "will"); a local part is written as is.
    const recipient = ctx.externalNames.get(norm);
    if (recipient && (t.capitalised || /[._]/.test(norm))) {
      let last = i;
      while (ctx.externalNames.get(tokens[last + 1]?.norm ?? "") === recipient) last++;
      const owned = possessedPerson(tokens, last, lex);
      const first = i > 0 && lex.titles.has(tokens[i - 1].norm.replace(/\.$/, "")) ? i - 1 : i;
      push({ first, last: owned >= 0 ? owned : last, kind: "recipient", personal: true, recipient, possessor: owned < 0 && isPossessive(tokens, last) });
      i = owned >= 0 ? owned : last;
      continue;
    }
    const organisation = ctx.organisations.get(norm);
    if (organisation) {
      const owned = possessedPerson(tokens, i, lex);
      push({ first: i, last: owned >= 0 ? owned : i, kind: "organisation", personal: true, recipient: organisation, possessor: owned < 0 && isPossessive(tokens, i) });
      if (owned >= 0) i = owned;
      continue;
    }

    // "Room 9", "the 2 o'clock": the place or slot stands for its people. Not surely a person
    // ("Room 9 is a nightmare" may be the room), so only words that judge a person are about it.
    const metonym = metonymEnd(tokens, i, lex);
    if (metonym >= 0) {
      push({ first: i, last: metonym, kind: "person", personal: false, possessor: isPossessive(tokens, metonym) });
      i = metonym;
      continue;
    }

    if (SECOND_PERSON.has(norm)) {
      if (!ctx.youIsCustomer) continue;
      const owned = norm === "your" ? possessedPerson(tokens, i, lex) : -1;
      push({ first: i, last: owned >= 0 ? owned : i, kind: "you", personal: true, possessor: norm === "your" && owned < 0 });
      if (owned >= 0) i = owned;
      continue;
    }

    if (THIRD_PERSON.has(norm) || norm === "whoever") {
      const owned = POSSESSIVE_PRONOUNS.has(norm) ? possessedPerson(tokens, i, lex) : -1;
      if (owned >= 0) {
        push({ first: i, last: owned, head: owned, kind: "pronoun", personal: true });
        i = owned;
        continue;
      }
      // "her" before a noun is a possessive ("her drivel"); before anything else, an object.
      const next = tokens[i + 1];
      const possessive = norm === "his" || norm === "their" || (norm === "her" && isWord(next) && !FOLLOWS_HEAD.has(next.norm) && !DETERMINERS.has(next.norm));
      push({ first: i, last: i, kind: "pronoun", personal: PERSONAL_PRONOUNS.has(norm) || norm === "whoever", possessor: possessive });
      continue;
    }

    // "Those two can go fuck themselves", "these three are clowns": a pair pointed at, with no noun after.
    if ((norm === "those" || norm === "these") && COUNTS.has(tokens[i + 1]?.norm ?? "")) {
      const after = tokens[i + 2];
      if (!after || after.kind === "punct" || FOLLOWS_HEAD.has(after.norm)) {
        push({ first: i, last: i + 1, kind: "person", personal: true });
        i++;
        continue;
      }
    }

    // "anyone in a wheelchair", "someone with a Nigerian name": whoever is picked out by what follows.
    if (INDEFINITE_PERSONS.has(norm)) {
      const next = tokens[i + 1];
      if (isWord(next) && (next.norm === "who" || next.norm === "with" || next.norm === "in" || next.norm === "from")) {
        const last = extendRight(tokens, i, lex);
        push({ first: i, last: Math.max(last, i), kind: "person", personal: true });
        i = Math.max(last, i);
      }
      continue;
    }

    const title = norm.replace(/\.$/, "");
    if (lex.titles.has(title) && (t.capitalised || UNAMBIGUOUS_TITLES.has(title))) {
      let j = i + 1;
      if (tokens[j]?.text === ".") j++;
      // "Mr and Mrs Quigley": one couple.
      if (tokens[j]?.norm === "and" && lex.titles.has(tokens[j + 1]?.norm ?? "")) j += 2;
      // Chat is often lower case: "mr fenwick rang again" names someone as surely as "Mr Fenwick".
      if (isNameWord(tokens[j], lex) || (!t.capitalised && isLowerCaseSurname(tokens[j], lex))) {
        const last = nameRun(tokens, j, lex);
        if (ctx.colleagueNames.has(tokens[last].norm)) {
          i = last;
          continue;
        }
        // "Mr Tumnus the schnauzer": a pet's name.
        if (namesAnAnimal(tokens, last, lex)) {
          i = last;
          continue;
        }
        const owned = possessedPerson(tokens, last, lex);
        const end = owned >= 0 ? owned : extendRight(tokens, last, lex);
        push({ first: i, last: end, head: owned >= 0 ? owned : last, kind: "name", personal: true, possessor: owned < 0 && isPossessive(tokens, last) });
        i = end;
        continue;
      }
    }

    if (isNameWord(t, lex) && !lex.roleNouns.has(norm) && !lex.personNouns.has(norm)) {
      const last = nameRun(tokens, i, lex);
      // "Counsel's clerk", "Courier said …": one we buy from, capitalised, and theirs.
      if (last === i && lex.otherParties.has(norm)) continue;
      if (ctx.colleagueNames.has(norm) && last === i) continue;
      if (ctx.ownOrganisations.has(norm) || namesAnAnimal(tokens, last, lex)) {
        i = last;
        continue;
      }
      // "the Westbrook lot", "the Vantage team", "the Bradley Street tenants": the name modifies a person noun.
      const after = tokens[last + 1];
      // ("the Singh wedding", "the Kelly application": what they booked or sent stands for them,
      // as a slot does, so only words that judge a person are about it.)
      const event = isWord(after) && lex.slotNouns.has(after.norm) && !isPersonHead(after, lex);
      const headAfter = isWord(after) && (isPersonHead(after, lex) || event) && !isModifier(tokens, last + 1, lex) ? last + 1 : -1;
      const owned = headAfter < 0 ? possessedPerson(tokens, last, lex) : -1;
      const head = headAfter >= 0 ? headAfter : owned >= 0 ? owned : last;
      const end = head === last ? extendRight(tokens, last, lex) : extendRight(tokens, head, lex);
      const atStart = i === firstWord;
      const attached = isWord(tokens[last + 1]) && ["from", "at"].includes(tokens[last + 1].norm) && isNameWord(tokens[last + 2], lex);
      const first = i > 0 && tokens[i - 1].norm === "the" ? i - 1 : i;
      push({
        first,
        last: end,
        head,
        kind: head === last ? "name" : lex.roleNouns.has(tokens[head].norm) ? "role" : "name",
        personal: !event,
        possessor: head === last && isPossessive(tokens, last),
        // A capitalised first word alone may be a common word: "Parking is hopeless".
        // (Attached to a name it is one only if it is a given name: "Kyle from Ardent", not "Weather at Schiphol".)
        uncertain: atStart && last === i && head === last && !(attached && lex.givenNames.has(norm)),
      });
      i = end;
      continue;
    }

    if (lex.roleNouns.has(norm) || lex.relativeNouns.has(norm) || isPersonNoun(t, lex)) {
      if (isModifier(tokens, i, lex)) continue;
      // "A couple of issues strike me": a quantity, not a pair of guests.
      if (tokens[i - 1]?.norm === "a" && tokens[i + 1]?.norm === "of" && QUANTITY_NOUNS.has(norm)) continue;
      const prev = tokens[i - 1];
      let first = extendLeft(tokens, i, lex);
      // "that tattoo studio", "the benefits crowd": a noun used as a modifier between the
      // determiner and the person noun.
      const compound = first === i || (tokens[first].norm === "the" && first < i - 1 && COLLECTIVE_NOUNS.has(norm)) ? compoundStart(tokens, i, lex) : -1;
      if (compound >= 0) first = compound;
      const determiner = tokens[first]?.norm ?? "";
      const next = tokens[i + 1];
      // "our team", "our driver": our own side. "our users", "our new client", "our contact at
      // Redfern Joinery": customers.
      const atOrganisation = ["at", "from"].includes(tokens[i + 1]?.norm ?? "") && isNameWord(tokens[i + 2], lex);
      // ("my dad", "my mother", "my husband": the writer's own family, never a customer.)
      if ((determiner === "our" || determiner === "my") && !lex.roleNouns.has(norm) && !atOrganisation) continue;
      const isRole = lex.roleNouns.has(norm);
      const isRelative = lex.relativeNouns.has(norm);
      // "The parts supplier in Dudley", "the courier": people we buy from, not customers.
      // (And "that courier firm": a word for one of them before the noun.)
      if (!isRole && (lex.otherParties.has(norm) || tokens.slice(first, i).some((x) => lex.otherParties.has(x.norm)))) continue;
      // "Courier lost the pallet again, this lot are useless": a demonstrative points back at the
      // one just named, and no one else has been named since.
      if (!isRole && !isRelative && DEMONSTRATIVES.has(determiner) && pointsBackAtOtherParty(tokens, first, mentions.at(-1)?.last ?? -1, lex)) continue;
      // "The man is a boor": "the" right before a word that only means a person points back at someone.
      // Chat drops the article: "Man is a complete cretin", "Guy's a clown" open a sentence about
      // whoever was just spoken of.
      const bareBackReference = first === i && i === firstWord && REFERRING_PERSON_NOUNS.has(norm) && ["is", "'s", "was"].includes(next?.norm ?? "");
      // ("the old man", "the best man": a word or two describing him may come between.)
      const described = first < i - 1 && i - first <= 3 && tokens.slice(first + 1, i).every((x) => isWord(x) && !x.capitalised && !/\d/.test(x.text));
      const backReference = (determiner === "the" && (first === i - 1 || described) && REFERRING_PERSON_NOUNS.has(norm)) || bareBackReference;
      // ("Another pensioner asking about the over-60s rate": one more of the people the note is about.)
      const pointed = backReference || compound >= 0 || DEMONSTRATIVES.has(determiner) || POSSESSIVE_PRONOUNS.has(determiner) || determiner === "their" || determiner === "another" || tokens.slice(first, i).some((x) => isNameWord(x, lex) || x.norm === "'s");
      const located = isWord(next) && (ATTACHING_PREPOSITIONS.has(next.norm) || next.norm === "who") && next.norm !== "of";
      const lotOfThem = norm === "lot" && next?.norm === "of";
      if (!isRole && !isRelative && !pointed && !located && !lotOfThem) continue;
      if (!isRole && !isRelative && prev && prev.norm === "a" && !pointed) continue;
      const owned = possessedPerson(tokens, i, lex);
      const last = owned >= 0 ? owned : lotOfThem ? Math.min(i + 2, tokens.length - 1) : extendRight(tokens, i, lex);
      push({
        first,
        last,
        head: owned >= 0 ? owned : i,
        kind: isRole || isRelative ? "role" : "person",
        // "that logistics firm" may be a supplier: only words that judge a person are about it.
        personal: !(compound >= 0 && ORGANISATION_NOUNS.has(norm)),
        possessor: owned < 0 && isPossessive(tokens, i),
        ...(bareBackReference ? { anaphor: true } : {}),
      });
      i = last;
    }
  }
  return mentions;
}

/** Whether one we buy from ("courier", "the supplier") is named before `before` and after any mention up to `since`. */
function pointsBackAtOtherParty(tokens: Token[], before: number, since: number, lex: ToneLexicon): boolean {
  // (Within the sentence, as findMentions sees it; epithets.ts's otherPartyBefore also looks a sentence back.)
  for (let j = before - 1; j > since; j--) if (lex.otherParties.has(tokens[j].norm)) return true;
  return false;
}

/** How many are pointed at in "those two", "these three". */
const COUNTS = new Set(["two", "three", "four", "both"]);

/** Pronouns for anyone at all, a mention only with words after them that pick someone out. */
const INDEFINITE_PERSONS = new Set(["anyone", "anybody", "someone", "somebody"]);

/** Person nouns that are also quantities in "a … of": "a couple of issues", "a bunch of files". */
const QUANTITY_NOUNS = new Set(["couple", "bunch", "crowd", "lot", "pair", "group", "host", "team", "family", "gang", "handful"]);
/** Person nouns that name an organisation, which may as well be a supplier as a customer. */
const ORGANISATION_NOUNS = new Set(["outfit", "outfits", "firm", "firms", "company", "companies", "business", "businesses", "studio", "studios", "salon", "salons", "agency", "agencies", "shop", "shops", "practice", "practices", "parlour", "parlours", "parlor", "parlors"]);
/** Person nouns that, after "the", refer to someone already spoken of ("the man", "the woman"). */
const REFERRING_PERSON_NOUNS = new Set(["man", "woman", "guy", "bloke", "lady", "gentleman", "chap", "fella", "fellow", "dude", "lad", "lass", "geezer", "men", "women", "guys", "blokes", "ladies", "gentlemen", "chaps", "lads", "lasses"]);

/** The words of a mention as written. */
export function mentionText(tokens: Token[], m: Mention, source: string, offset: number): string {
  return source.slice(tokens[m.first].start - offset, tokens[m.last].end - offset);
}
