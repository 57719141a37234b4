/**
 * The rule behind a pack entry that has `phrases` and no code (Vale's `existence`): each phrase
 * matches case-insensitively on word boundaries in the subject and the new body text. Phrases are
 * escaped literals joined into one alternation, which a backtracking engine runs in linear time,
 * so a user's pack cannot hang the linter.
 */
import { defineRule, type Rule } from "../engine/rule.js";
import { locateInBody } from "../message/body.js";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function compilePhrases(phrases: string[]): RegExp {
  const alternatives = phrases.map((p) => escapeRegExp(p.trim()).replace(/\s+/g, "\\s+"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "giu");
}

export function phraseRule(id: string, pack: string): Rule {
  return defineRule({
    id,
    pack,
    check(context) {
      const pattern = compilePhrases(context.data.phrases ?? []);
      const { message } = context;
      if (message.subject) {
        for (const m of message.subject.matchAll(pattern)) {
          context.report({
            messageId: "default",
            data: { phrase: m[0] },
            excerpt: message.subject,
            location: { section: "subject", column: (m.index ?? 0) + 1 },
          });
        }
      }
      for (const segment of message.body.segments) {
        if (segment.kind !== "new") continue;
        const text = message.body.text.slice(segment.start, segment.end);
        for (const m of text.matchAll(pattern)) {
          const start = segment.start + (m.index ?? 0);
          context.report({
            messageId: "default",
            data: { phrase: m[0] },
            excerpt: m[0],
            location: locateInBody(message.body, start, start + m[0].length),
          });
        }
      }
    },
  });
}
