/**
 * An outsider will read this. One finding per address, on the header it is in; Bcc is a notch
 * milder (info by default) because the other readers do not see the outsider.
 */
import { defineRule } from "../../engine/rule.js";
import { fieldLabel } from "./describeRecipient.js";

export default defineRule({
  id: "external-recipient",
  pack: "recipients",
  appliesTo: ["eml"],
  check({ message, report }) {
    for (const r of message.recipients) {
      if (!r.external || r.trusted) continue;
      report({
        messageId: "default",
        data: { address: r.address, field: fieldLabel(r), organisation: r.organisation },
        location: { section: "header", header: r.field },
        excerpt: r.name ? `${r.name} <${r.address}>` : r.address,
        target: r.address,
        readers: [r.address],
        demote: r.field === "bcc",
      });
    }
  },
});
