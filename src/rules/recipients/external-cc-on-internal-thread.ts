/**
 * The Stoke Park shape: a message addressed to colleagues with an outsider on Cc. The writer
 * thinks they are talking to their team; the person they are talking about reads every word.
 */
import { defineRule } from "../../engine/rule.js";
import { isSendersOwnAddress } from "../../audience/ownAddresses.js";

export default defineRule({
  id: "external-cc-on-internal-thread",
  pack: "recipients",
  appliesTo: ["eml"],
  check({ message, report }) {
    const to = message.recipients.filter((r) => r.field === "to");
    // The sender's own home address on Cc (vkaminski@aol.com) is no outsider reading the thread.
    const outsiders = message.recipients.filter((r) => r.field === "cc" && r.external && !isSendersOwnAddress(r, message.from));
    if (to.length === 0 || to.some((r) => r.external) || outsiders.length === 0) return;
    const addresses = outsiders.map((r) => r.address);
    report({
      messageId: "default",
      data: { outsiders: addresses.join(", "), count: outsiders.length },
      location: { section: "header", header: "cc" },
      excerpt: addresses.join(", "),
      target: addresses.join(", "),
      readers: addresses,
    });
  },
});
