/**
 * `forwarded-internal-content`: the message goes to an outsider and carries, below the fold, a
 * quoted or forwarded thread that was between colleagues only: every quoted message in it. One
 * finding per message, at the thread's first line. (The tone rules lint the quoted text itself.)
 */
import { defineRule } from "../../engine/rule.js";
import { locateInBody } from "../../message/body.js";
import { isSendersOwnAddress } from "../../audience/ownAddresses.js";
import { quotedParticipants, wasInternalOnly } from "./quotedAudience.js";

export const forwardedInternalContent = defineRule({
  id: "forwarded-internal-content",
  pack: "hygiene",
  appliesTo: ["eml"],
  check(context) {
    const { message, config } = context;
    // Forwarding a thread to one's own home address (mlenhart@… from matthew.lenhart@…) sends it
    // to no outsider.
    const readers = message.recipients.filter((r) => r.external && !isSendersOwnAddress(r, message.from)).map((r) => r.address);
    if (readers.length === 0) return;
    const body = message.body;
    // The thread as a whole: a colleague's cover note above a customer's own email is part of a
    // conversation the customer is in, not an internal thread (one quoted segment per message).
    const quoted = body.segments.filter((s) => s.kind === "quoted");
    if (quoted.length === 0 || !quoted.every((s) => wasInternalOnly(s, message, config))) return;
    const everyone = quoted.flatMap((segment) => {
      const { addresses, names, directoryNames } = quotedParticipants(segment);
      return [...addresses.map((p) => p.address), ...names, ...directoryNames];
    });
    const unique = [...new Set(everyone)];
    const participants = unique.length > 5 ? `${unique.slice(0, 5).join(", ")} and ${unique.length - 5} more` : unique.join(", ");
    // Point at the first quote's first non-blank line: the forward banner or the attribution.
    const first = quoted[0];
    let start = first.start;
    while (start < first.end && /\s/.test(body.text[start])) start++;
    const nl = body.text.indexOf("\n", start);
    const end = nl === -1 || nl > first.end ? first.end : nl;
    context.report({
      messageId: "default",
      data: { readers: readers.join(", "), participants },
      excerpt: body.text.slice(start, end),
      readers,
      location: locateInBody(body, start, Math.max(end, start + 1)),
      suggestion: "Delete the quoted thread, or rewrite what the outsider needs to know.",
    });
  },
});
