/**
 * Whether a quoted or forwarded message was between colleagues only, judged from what the quote
 * shows of it: the forwarded From/To/Cc, Outlook's header block (often names without
 * addresses), or the "On …, Karen <karen@acme.com> wrote:" line.
 */
import type { Mailbox, Message, Segment } from "../../types.js";
import type { ResolvedConfig } from "../../config/schema.js";
import { isInternalAddress } from "../../audience/classifyRecipient.js";
import { foldWord, wordsOf } from "../../text/words.js";
import { compileSalutations, parseGreeting } from "./greeting.js";
import { colleaguesOf, nameMatchesPerson, nameTools, personOf } from "./people.js";

/** "Smith, Karen" and "Karen Smith" are the same set of folded words. */
function nameKey(name: string): string {
  return wordsOf(name)
    .map((w) => foldWord(w.text))
    .sort()
    .join(" ");
}

const QUOTE_GREETING = compileSalutations(["dear", "hi", "hello", "hey", "hiya", "good morning", "good afternoon", "good evening"]);

/**
 * The quoted text greets one of this message's outsiders ("Hi Tom," quoted in a reply to Tom):
 * then it was written to them in the first place, whoever wrote it.
 */
function greetsAnOutsider(segment: Segment, message: Message): boolean {
  const text = message.body.text.slice(segment.start, segment.end);
  // Skip the attribution or header block: the quoted message's own text starts after a "> " or a blank line.
  const lines = text.split("\n");
  let index = 0;
  for (; index < lines.length && index < 15; index++) {
    const line = lines[index];
    const content = line.replace(/^(?:>\s?)+/, "");
    const isHeader = /^\s*\*?[A-Za-zÀ-ÿ]+\s*:\*?\s/.test(content) || /wrote:\s*$/i.test(content) || /-{3,}/.test(content) || /^Begin forwarded/i.test(content);
    if (content.trim() !== "" && !isHeader) break;
  }
  const rest = lines.slice(index, index + 3).map((l) => l.replace(/^(?:>\s?)+/, "")).join("\n");
  const tools = nameTools();
  const greeting = parseGreeting(rest, 0, rest.length, QUOTE_GREETING, tools);
  if (!greeting?.salutation) return false;
  const outsiders = message.recipients.filter((r) => r.external).map((r) => personOf(r, r.organisation, tools));
  return greeting.names.some((n) => outsiders.some((p) => !p.opaque && nameMatchesPerson(p, n.tokens, tools)));
}

export function quotedParticipants(segment: Segment): { addresses: Mailbox[]; names: string[]; directoryNames: string[] } {
  return { addresses: segment.participants ?? [], names: segment.participantNames ?? [], directoryNames: segment.directoryNames ?? [] };
}

export function wasInternalOnly(segment: Segment, message: Message, config: ResolvedConfig): boolean {
  if (segment.kind !== "quoted") return false;
  const { addresses, names, directoryNames } = quotedParticipants(segment);
  // Directory names (Notes "Karen Smith/HOU/ACME@ACME") are colleagues: only our mail system routes them.
  if (addresses.length + names.length + directoryNames.length === 0) return false;
  const insiders = { domains: message.internalDomains, addresses: message.from ? [message.from.address.toLowerCase()] : [] };
  if (!addresses.every((p) => isInternalAddress(p.address, insiders))) return false;
  if (names.length > 0) {
    // Outlook's "From: Karen Smith": a colleague when a colleague of this message has that name.
    // The thread itself names people with their addresses in one block and without in the next:
    // "From: Davis, Britt <britt.davis@acme.com>" above, "From: Davis, Britt" further down.
    const threadColleagues = message.body.segments.flatMap((s) => (s.participants ?? []).filter((p) => p.name && isInternalAddress(p.address, insiders)));
    const colleagueKeys = new Set([...colleaguesOf(message, config), ...threadColleagues].filter((m) => m.name).map((m) => nameKey(m.name)));
    if (!names.every((n) => colleagueKeys.has(nameKey(n.replace(/<[^>]*>|\[[^\]]*\]/g, ""))))) return false;
  }
  // A reply quoting the sender's own earlier message ("Just following up on the below") quotes
  // what the outsider has already read, when all the quote shows is that the sender wrote it.
  const onlyAuthor = !segment.forwarded && names.length + directoryNames.length === 0 && addresses.length === 1;
  if (onlyAuthor && message.from && addresses[0].address.toLowerCase() === message.from.address.toLowerCase()) return false;
  return !greetsAnOutsider(segment, message);
}
