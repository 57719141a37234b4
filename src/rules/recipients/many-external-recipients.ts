/** A long visible list of outsiders leaks everyone's address to everyone: suggest Bcc. */
import { z } from "zod";
import { defineRule } from "../../engine/rule.js";
import { visibleExternal } from "./describeRecipient.js";

export default defineRule({
  id: "many-external-recipients",
  pack: "recipients",
  appliesTo: ["eml"],
  optionsSchema: () => z.object({ max: z.number().int().min(0) }).strict(),
  defaultOptions: { max: 10 },
  check({ message, options, report }) {
    const visible = visibleExternal(message.recipients);
    if (visible.length <= options.max) return;
    const header = visible.filter((r) => r.field === "to").length >= visible.length / 2 ? "to" : "cc";
    report({
      messageId: "default",
      data: { count: visible.length, max: options.max },
      location: { section: "header", header },
      readers: visible.map((r) => r.address),
      suggestion: "Put the recipients on Bcc, or send one message each.",
    });
  },
});
