/**
 * Visible outsiders from many organisations see each other — a privacy leak and often a sign the
 * wrong list was pasted. Each free-mail address is a person, not an organisation, so it counts
 * on its own.
 */
import { z } from "zod";
import { defineRule } from "../../engine/rule.js";
import { visibleExternal } from "./describeRecipient.js";

export default defineRule({
  id: "mixed-external-organisations",
  pack: "recipients",
  appliesTo: ["eml"],
  optionsSchema: () => z.object({ max: z.number().int().min(1) }).strict(),
  defaultOptions: { max: 3 },
  check({ message, options, report }) {
    const visible = visibleExternal(message.recipients);
    const organisations = new Set(visible.map((r) => (r.freemail ? r.address : r.organisation)));
    if (organisations.size <= options.max) return;
    report({
      messageId: "default",
      data: { count: organisations.size, max: options.max, organisations: [...organisations].join(", ") },
      location: { section: "header", header: visible.some((r) => r.field === "cc") ? "cc" : "to" },
      readers: visible.map((r) => r.address),
      suggestion: "Send separately to each organisation, or put them on Bcc.",
    });
  },
});
