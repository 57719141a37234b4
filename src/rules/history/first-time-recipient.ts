/**
 * An outsider the sender has never written to, judged against their own sent mail. A new
 * address that resembles a known contact is the autocomplete slip or an impersonation, and is
 * reported at the rule's severity naming the contact; a new address that resembles nobody is
 * ordinary business and only information.
 */
import { z } from "zod";
import { defineRule } from "../../engine/rule.js";
import { similarContact } from "../../history/similarContacts.js";
import { vettedRegistries, type VettedRegistry } from "../../audience/lookalike.js";
import { fieldLabel } from "../recipients/describeRecipient.js";
import { organisationKeyOf, outsiders, threadAddresses, timesText } from "./historyAudience.js";

const compiled = new WeakMap<object, { roles: ReadonlySet<string>; vetted: VettedRegistry }>();

/** The rule's word lists, compiled once per pack. */
function patternsOf(patterns: Record<string, unknown>) {
  let c = compiled.get(patterns);
  if (!c) {
    const list = (key: string) => ((patterns[key] as string[] | undefined) ?? []).map((r) => r.toLowerCase());
    compiled.set(patterns, (c = { roles: new Set(list("roleMailboxes")), vetted: vettedRegistries(list("vettedRegistries")) }));
  }
  return c;
}

export default defineRule({
  id: "first-time-recipient",
  pack: "history",
  appliesTo: ["eml"],
  needsHistory: true,
  optionsSchema: () => z.object({ minMessages: z.number().int().min(1), minHistory: z.number().int().min(0) }).strict(),
  defaultOptions: { minMessages: 2, minHistory: 50 },
  check({ message, options, data, history: readHistory, report }) {
    const candidates = outsiders(message);
    if (!candidates.length) return;
    const history = readHistory();
    const { roles, vetted } = patternsOf(data.patterns);
    const inThread = threadAddresses(message);
    const seen = new Set<string>();
    for (const r of candidates) {
      const address = r.address.toLowerCase();
      if (seen.has(address) || history.contact(address)) continue;
      seen.add(address);
      const common = { address: r.address, field: fieldLabel(r) };
      const at = { location: { section: "header" as const, header: r.field }, excerpt: r.name ? `${r.name} <${r.address}>` : r.address, target: r.address, readers: [r.address] };
      const similar = similarContact(address, r.name, history, { roleMailboxes: roles, minMessages: options.minMessages, vetted });
      if (similar) {
        const times = timesText(similar.known.messages);
        if (similar.how === "same-name") report({ ...at, messageId: "sameName", data: { ...common, name: r.name, known: similar.known.address, times } });
        // The same mailbox at another domain is, on real mail, mostly the same person's new
        // address (dgiron1@pdq.net, then dgiron1@houston.rr.com): worth a word, not a warning.
        else report({ ...at, messageId: "similar", data: { ...common, known: similar.known.address, times, how: data.suggestions[similar.how] ?? similar.how }, demote: similar.how === "same-mailbox" });
        continue;
      }
      // Answering someone who wrote first, or a history too short to know who is new: nothing to say.
      if (inThread.has(address) || history.messageCount < options.minHistory) continue;
      const organisation = history.organisation(organisationKeyOf(r));
      report({
        ...at,
        messageId: organisation && !r.freemail ? "knownOrganisation" : "default",
        data: { ...common, organisation: r.organisation, orgTimes: timesText(organisation?.messages ?? 0) },
        demote: true,
      });
    }
  },
});
