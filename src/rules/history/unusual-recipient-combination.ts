/**
 * Two outsiders from organisations the sender writes to, who have never been on one of the
 * sender's messages together: usually one of them was picked from the address book by mistake,
 * and each will now see the other. Compared by organisation, so a client's new colleague on a
 * thread is not unusual.
 */
import { z } from "zod";
import { defineRule } from "../../engine/rule.js";
import type { Recipient } from "../../types.js";
import { MAX_ORGANISATIONS_PAIRED } from "../../history/historyBuilder.js";
import { organisationOf } from "../../audience/organisation.js";
import { splitAddress } from "../../message/addresses.js";
import { fieldLabel } from "../recipients/describeRecipient.js";
import { organisationKeyOf, outsiders, threadAddresses, timesText } from "./historyAudience.js";

export default defineRule({
  id: "unusual-recipient-combination",
  pack: "history",
  appliesTo: ["eml"],
  needsHistory: true,
  optionsSchema: () => z.object({ minMessages: z.number().int().min(1) }).strict(),
  defaultOptions: { minMessages: 3 },
  check({ message, options, history: readHistory, report }) {
    // One representative per organisation, the first on the message (To before Cc before Bcc).
    const byOrganisation = new Map<string, Recipient>();
    // Organisations only: a free-mail address is one person, and friends and family from
    // several providers on one message are ordinary (on real mail, all such findings were).
    for (const r of outsiders(message).filter((r) => !r.freemail)) if (!byOrganisation.has(organisationKeyOf(r))) byOrganisation.set(organisationKeyOf(r), r);
    if (byOrganisation.size < 2) return;
    // A circular is not paired when learnt (historyBuilder.ts): counted the same way here, every
    // organisation on it but the sender's own, or its pairs would all look new.
    const own = message.from ? organisationKeyOf({ ...message.from, freemail: message.recipients.find((r) => r.address.toLowerCase() === message.from!.address.toLowerCase())?.freemail ?? false, organisation: organisationOf(splitAddress(message.from.address).domain) }) : null;
    const all = new Set(message.recipients.map(organisationKeyOf));
    if (own) all.delete(own);
    if (all.size > MAX_ORGANISATIONS_PAIRED) return;
    const history = readHistory();
    const established = [...byOrganisation].flatMap(([key, r]) => {
      const org = history.organisation(key);
      return org && org.messages >= options.minMessages ? [{ key, r, messages: org.messages }] : [];
    });
    if (established.length < 2) return;
    // The thread already brought them together when someone of each organisation is in it.
    const inThread = threadAddresses(message);
    const threadOrganisations = new Set(message.recipients.filter((r) => inThread.has(r.address.toLowerCase())).map(organisationKeyOf));
    const reported = new Set<string>();
    for (let i = 0; i < established.length; i++) {
      for (let j = 0; j < i; j++) {
        const [a, b] = [established[j], established[i]];
        // Two Bcc recipients never see each other.
        if (a.r.field === "bcc" && b.r.field === "bcc") continue;
        if (threadOrganisations.has(a.key) && threadOrganisations.has(b.key)) continue;
        if (history.sharedMessages(a.key, b.key) > 0 || reported.has(b.key)) continue;
        reported.add(b.key);
        report({
          messageId: "default",
          data: { address: b.r.address, field: fieldLabel(b.r), other: a.r.address, organisation: b.r.freemail ? b.r.address : b.key, times: timesText(b.messages), otherOrganisation: a.r.freemail ? a.r.address : a.key, otherTimes: timesText(a.messages) },
          location: { section: "header", header: b.r.field },
          excerpt: b.r.name ? `${b.r.name} <${b.r.address}>` : b.r.address,
          target: b.r.address,
          readers: [a.r.address, b.r.address],
        });
      }
    }
  },
});
