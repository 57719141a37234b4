/**
 * `forwarded-internal-content`: the message goes to an outsider and carries, below the fold, a
 * quoted or forwarded message that was between colleagues only. One finding per such quote, at
 * its first line. (The tone rules lint the quoted text itself.)
 */
import { defineRule } from "../../engine/rule.js";
import { locateInBody } from "../../message/body.js";
import { externalReaders } from "./authoredText.js";
import { quotedParticipants, wasInternalOnly } from "./quotedAudience.js";

export const forwardedInternalContent = defineRule({
  id: "forwarded-internal-content",
  pack: "hygiene",
  appliesTo: ["eml"],
  check(context) {
    const { message, config } = context;
    const readers = externalReaders(message);
    if (readers.length === 0) return;
    const body = message.body;
    for (const segment of body.segments) {
      if (!wasInternalOnly(segment, message, config)) continue;
      const { addresses, names } = quotedParticipants(segment);
      const participants = [...new Set([...addresses.map((p) => p.address), ...names])];
      // Point at the quote's first non-blank line: the forward banner or the attribution.
      let start = segment.start;
      while (start < segment.end && /\s/.test(body.text[start])) start++;
      const nl = body.text.indexOf("\n", start);
      const end = nl === -1 || nl > segment.end ? segment.end : nl;
      context.report({
        messageId: "default",
        data: { readers: readers.join(", "), participants: participants.join(", ") },
        excerpt: body.text.slice(start, end),
        readers,
        location: locateInBody(body, start, Math.max(end, start + 1)),
        suggestion: "Delete the quoted thread, or rewrite what the outsider needs to know.",
      });
    }
  },
});
