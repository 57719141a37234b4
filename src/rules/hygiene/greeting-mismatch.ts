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

const patternKeys = ["salutations"] as const;

const FIELD_LABEL = { to: "To", cc: "Cc", bcc: "Bcc" } as const;

/** "Tom Reed" and "Reed, Tom" → "Tom". */
function givenName(displayName: string): string {
  const comma = displayName.indexOf(",");
  const given = comma === -1 ? displayName : displayName.slice(comma + 1);
  return given.trim().split(/\s+/)[0] || displayName;
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
    // Anyone on To whose address tells no name (info@…) could be the one greeted.
    if (toPeople.some((p) => p.opaque)) return;

    const body = message.body;
    const first = newSegments(message).find((s) => body.text.slice(s.start, s.end).trim() !== "");
    if (!first) return;
    const salutations = rulePatterns(context.data, patternKeys, (p) => compileSalutations(p.salutations));
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
      // A bare "Karen," counts as a greeting only when Karen is someone we know of; "Thanks," is not.
      if (!greeting.salutation && !elsewhere && !name.tokens.some((t) => tools.nicknames.isKnownName(t))) continue;
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
