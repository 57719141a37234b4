/**
 * `greeting-mismatch`: the greeting names someone who is not on the To line — usually a message
 * copied from an earlier one, or the wrong Karen picked from the address book.
 */
import { defineRule } from "../../engine/rule.js";
import { locateInBody } from "../../message/body.js";
import type { Recipient } from "../../types.js";
import { newSegments } from "./authoredText.js";
import { rulePatterns } from "./hygieneData.js";
import { compileSalutations, parseGreeting, type GreetingName } from "./greeting.js";
import { configuredPeople, nameMatchesPerson, nameTools, personOf, type Person } from "./people.js";

const patternKeys = ["salutations", "formalSalutations"] as const;

const FIELD_LABEL = { to: "To", cc: "Cc", bcc: "Bcc" } as const;

/** "Tom Reed" and "Reed, Tom" → "Tom". */
function givenName(displayName: string): string {
  const comma = displayName.indexOf(",");
  const given = comma === -1 ? displayName : displayName.slice(comma + 1);
  return given.trim().split(/\s+/)[0] || displayName;
}

/**
 * Whether what we know of a person says what they are called: a display name, or a given name in
 * the address ("tom.reed@", "karen.smith@").
 */
function tellsGivenName(person: Person): boolean {
  const tools = nameTools();
  // A display name tells, unless it is one word that is no name ("credit <…>", a mailbox's label).
  const words = person.displayName.trim().split(/[\s,]+/).filter(Boolean);
  if (words.length >= 2 || (words.length === 1 && tools.nicknames.isKnownName(words[0]))) return true;
  // "karen.smith@": the first of two or more parts is a given name when either list knows it;
  // a lone part ("barrett@") only when the nickname table does, as surnames are names too.
  const known = person.localTokens.length >= 2 ? (n: string) => tools.nicknames.isKnownName(n) : (n: string) => tools.nicknames.hasNicknames(n);
  return person.givenNames.some((n) => n.length >= 2 && known(n));
}

function describeTo(to: Recipient[]): string {
  return to.map((r) => r.name || r.address).join(", ");
}

export const greetingMismatch = defineRule({
  id: "greeting-mismatch",
  pack: "hygiene",
  appliesTo: ["eml"],
  check(context) {
    const { message, config } = context;
    const to = message.recipients.filter((r) => r.field === "to");
    if (to.length === 0) return;
    const tools = nameTools();
    const toPeople = to.map((r) => personOf(r, r.organisation, tools));
    // Anyone on To whose address tells no name (info@…) could be the one greeted; so could
    // someone whose address shows only a surname or initials ("retwell@", "c..gossett@") and
    // no display name says what they are called.
    if (toPeople.some((p) => p.opaque || !tellsGivenName(p))) return;

    const body = message.body;
    const first = newSegments(message).find((s) => body.text.slice(s.start, s.end).trim() !== "");
    if (!first) return;
    const { salutations, formal } = rulePatterns(context.data, patternKeys, (p) => ({
      salutations: compileSalutations(p.salutations),
      formal: new Set(p.formalSalutations.map((w) => w.toLowerCase())),
    }));
    const greeting = parseGreeting(body.text, first.start, first.end, salutations, tools);
    if (!greeting) return;

    const others: Array<{ person: Person; field: Recipient["field"] | null }> = [
      ...message.recipients.filter((r) => r.field !== "to").map((r) => ({ person: personOf(r, r.organisation, tools), field: r.field })),
      ...configuredPeople(config).map((m) => ({ person: personOf(m, "", tools), field: null })),
    ];

    // "Hi Tom and Karen," with Karen on Cc greets everyone on the message; "Hi Karen," alone
    // with Karen on Cc greets the wrong person.
    const greetsSomeoneOnTo = greeting.names.some((name) => toPeople.some((p) => nameMatchesPerson(p, name.tokens, tools)));
    for (const name of greeting.names) {
      if (toPeople.some((p) => nameMatchesPerson(p, name.tokens, tools))) continue;
      const elsewhere = others.find((o) => !o.person.opaque && nameMatchesPerson(o.person, name.tokens, tools));
      if (elsewhere?.field && greetsSomeoneOnTo) continue;
      // Only a name greets someone: "Dear Priya" (any word after a formal salutation), "Dear Ms.
      // Brewer", a name the nickname table knows, or someone else on the message. "Hey buddie",
      // "Hi: Sorry", "Good morning sweetheart" and a bare "Thanks," name nobody.
      // Written in lower case ("hey buddie,"), it must be a name common enough to have nicknames.
      const lowerCase = name.text === name.text.toLowerCase();
      const isName =
        elsewhere !== undefined ||
        name.titled ||
        name.tokens.some((t) => (lowerCase ? tools.nicknames.hasNicknames(t) : tools.nicknames.isKnownName(t))) ||
        (greeting.salutation !== null && formal.has(greeting.salutation.toLowerCase()));
      if (!isName) continue;
      report(name, elsewhere?.field ?? null);
    }

    function report(name: GreetingName, field: Recipient["field"] | null) {
      context.report({
        messageId: field ? "notOnTo" : "notRecipient",
        data: { name: name.text, to: describeTo(to), field: field ? FIELD_LABEL[field] : "" },
        excerpt: body.text.slice(greeting!.lineStart, greeting!.lineEnd).trim(),
        target: name.text,
        location: locateInBody(body, name.start, name.end),
        suggestion: to.length === 1 && toPeople[0].displayName ? `Greet ${givenName(toPeople[0].displayName)}, or check the To line.` : "Check the greeting against the To line.",
      });
    }
  },
});
