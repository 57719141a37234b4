/**
 * The people a message involves, with the names they answer to, so the hygiene rules can tell
 * whether "Karen" in the text is the reader, a colleague, or nobody on the message.
 */
import type { Mailbox, Message } from "../../types.js";
import type { ResolvedConfig } from "../../config/schema.js";
import { parseMailboxes, splitAddress } from "../../message/addresses.js";
import { displayNameParts, displayNameTokens, localPartTokens, NicknameIndex, type NameWords } from "../../text/personNames.js";
import { foldWord } from "../../text/words.js";
import { hygieneLexicons } from "./hygieneData.js";

export interface Person {
  address: string;
  displayName: string;
  /** Folded tokens of the display name, titles and particles left out. */
  nameTokens: string[];
  /** Folded name tokens of the local part ("karen.smith" → karen, smith). */
  localTokens: string[];
  /** Given names (display name and address), folded: what a person is called on their own. */
  givenNames: string[];
  /** Family names, folded: used alone only after a title ("Mr Bailey"). */
  familyNames: string[];
  /** The first label of the organisation ("globex" for tom@mail.globex.com). */
  organisationLabel: string;
  /**
   * Nothing here tells a name: no display name, and a role mailbox (info@, bookings@) or a display
   * name such as "Globex Support". Anyone could be reading that mailbox.
   */
  opaque: boolean;
}

export interface NameTools {
  words: NameWords;
  nicknames: NicknameIndex;
  genericAddressees: ReadonlySet<string>;
  roleMailboxes: ReadonlySet<string>;
}

let tools: NameTools | undefined;

export function nameTools(): NameTools {
  if (tools) return tools;
  const lex = hygieneLexicons();
  tools = {
    words: { titles: new Set(lex.titles.map(foldWord)), particles: new Set(lex.nameParticles.map(foldWord)) },
    nicknames: new NicknameIndex(() => lex.nicknames, () => lex.givenNames),
    genericAddressees: new Set(lex.genericAddressees.map(foldWord)),
    roleMailboxes: new Set(lex.roleMailboxes.map(foldWord)),
  };
  return tools;
}

/**
 * People already read, by name tools and then display name, address and organisation. Several
 * rules read every recipient of every message, and a folder of drafts names the same people
 * again and again; parsing a name is most of what these rules cost. Bounded by clearing.
 */
const known = new WeakMap<NameTools, Map<string, Person>>();
const KNOWN_LIMIT = 5000;

export function personOf(mailbox: Mailbox, organisation: string, names: NameTools = nameTools()): Person {
  let byKey = known.get(names);
  if (!byKey) known.set(names, (byKey = new Map()));
  const key = `${mailbox.name}\u0000${mailbox.address}\u0000${organisation}`;
  let person = byKey.get(key);
  if (!person) {
    if (byKey.size >= KNOWN_LIMIT) byKey.clear();
    byKey.set(key, (person = readPerson(mailbox, organisation, names)));
  }
  // A fresh copy each time, as before: callers may replace or filter its lists.
  return {
    ...person,
    nameTokens: [...person.nameTokens],
    localTokens: [...person.localTokens],
    givenNames: [...person.givenNames],
    familyNames: [...person.familyNames],
  };
}

function readPerson(mailbox: Mailbox, organisation: string, names: NameTools): Person {
  const { local } = splitAddress(mailbox.address);
  const nameTokens = displayNameTokens(mailbox.name, names.words);
  const localTokens = localPartTokens(local);
  const roleLocal = localTokens.length === 0 || localTokens.every((t) => names.roleMailboxes.has(t)) || names.roleMailboxes.has(foldWord(local));
  const roleDisplay = nameTokens.some((t) => names.roleMailboxes.has(t) || names.genericAddressees.has(t));
  const parts = displayNameParts(mailbox.name, names.words);
  // "pauline.bailey" is given name then family name; a lone "pauline" is a given name only when
  // it is a name we know ("price@…" could be anyone's surname).
  // "e..carter", "c.hall", "j_hoelscher": an initial (or an elided name) and a surname, however
  // much the surname looks like a given name.
  const initialled = localTokens.length === 1 && local.split(/[^A-Za-z\u00C0-\u024F]+/).filter(Boolean).length > 1;
  const localGiven = localTokens.length >= 2 || (localTokens.length === 1 && !initialled && names.nicknames.isKnownName(localTokens[0])) ? localTokens.slice(0, 1) : [];
  const localFamily = localTokens.length >= 2 ? localTokens.slice(1) : localGiven.length ? [] : localTokens;
  return {
    address: mailbox.address,
    displayName: mailbox.name,
    nameTokens,
    localTokens,
    givenNames: [...new Set([...parts.given, ...localGiven])],
    familyNames: [...new Set([...parts.family, ...localFamily])],
    organisationLabel: organisation.split(".")[0] ?? "",
    opaque: nameTokens.length === 0 ? roleLocal : roleDisplay,
  };
}

/**
 * Whether a name as written ("Kate", "Brewer", "Mary-Jane") can be this person: the same name or
 * a nickname of it in the display name or the address ("k.jones" is Kate Jones, "ksmith" is
 * Karen Smith, "karen1985" is Karen).
 */
export function answersTo(person: Person, written: string, names: NameTools = nameTools()): boolean {
  const token = foldWord(written);
  if (token.length < 2) return false;
  // "Ana-Maria" greets Ana Maria Popescu.
  if (token.includes("-") && token.split("-").some((part) => part.length >= 2 && answersTo(person, part, names))) return true;
  if (person.nameTokens.some((t) => names.nicknames.sameName(t, token))) return true;
  if (person.localTokens.length >= 2) return person.localTokens.some((t) => names.nicknames.sameName(t, token));
  const local = person.localTokens[0];
  if (!local) return false;
  if (names.nicknames.sameName(local, token)) return true;
  if (token.length >= 3 && local.startsWith(token)) return true; // karen1985, karens
  // Initial and surname, or first name and initial: ksmith, karens, smithk.
  if (token.length >= 3 && local.length - token.length <= 2 && (local.endsWith(token) || local.startsWith(token))) return true;
  return false;
}

/** Whether any word of a written name ("Ms K Brewer") can be this person. */
export function nameMatchesPerson(person: Person, writtenTokens: string[], names: NameTools = nameTools()): boolean {
  if (person.opaque) return true;
  if (writtenTokens.some((t) => answersTo(person, t, names))) return true;
  // "T Jae," to Tamara Jae Black: an initial of the person's given name.
  if (writtenTokens.some((t) => t.length === 1 && person.givenNames.some((g) => g[0] === t))) return true;
  // "Dear Globex," greets the organisation; "ksmith" may also be greeted "Karen" by initial.
  if (writtenTokens.some((t) => foldWord(t) === person.organisationLabel)) return true;
  const local = person.localTokens.length === 1 ? person.localTokens[0] : null;
  if (local && person.nameTokens.length === 0 && writtenTokens.length === 1 && local.length >= 3) {
    return local[0] === foldWord(writtenTokens[0])[0];
  }
  return false;
}

/** Colleagues named in config `people` ("Karen Smith <karen@acme.com>"). */
export function configuredPeople(config: ResolvedConfig): Mailbox[] {
  return config.people.flatMap((entry) => {
    const found = parseMailboxes(entry);
    return found.length ? found : [{ name: entry.trim(), address: "" }];
  });
}

/** Everyone this message shows as a colleague: the sender, internal recipients, `people`. */
export function colleaguesOf(message: Message, config: ResolvedConfig): Mailbox[] {
  return [
    ...(message.from ? [message.from] : []),
    ...message.recipients.filter((r) => !r.external).map((r) => ({ name: r.name, address: r.address })),
    ...configuredPeople(config),
  ];
}
