/**
 * The rule behind a pack entry that has `phrases` and no code (Vale's `existence`): each phrase
 * matches case-insensitively on word boundaries in the subject and the new body text. The phrases
 * are compiled once per pack entry into a trie (src/packs/phraseMatcher.ts) that scans a text in
 * linear time, however many phrases there are, so a user's pack cannot hang the linter.
 */
import { defineRule, type Rule } from "../engine/rule.js";
import { locateInBody } from "../message/body.js";
import { PhraseMatcher } from "../packs/phraseMatcher.js";
import type { PackRule } from "../packs/schema.js";

const compiled = new WeakMap<PackRule, PhraseMatcher>();

function matcherFor(data: PackRule): PhraseMatcher {
  let matcher = compiled.get(data);
  if (!matcher) compiled.set(data, (matcher = new PhraseMatcher(data.phrases ?? [])));
  return matcher;
}

export function phraseRule(id: string, pack: string): Rule {
  return defineRule({
    id,
    pack,
    check(context) {
      const matcher = matcherFor(context.data);
      const { message } = context;
      if (message.subject) {
        for (const m of matcher.matches(message.subject)) {
          context.report({
            messageId: "default",
            data: { phrase: message.subject.slice(m.start, m.end) },
            excerpt: message.subject,
            location: { section: "subject", column: m.start + 1 },
          });
        }
      }
      for (const segment of message.body.segments) {
        if (segment.kind !== "new") continue;
        const text = message.body.text.slice(segment.start, segment.end);
        for (const m of matcher.matches(text)) {
          const phrase = text.slice(m.start, m.end);
          const start = segment.start + m.start;
          context.report({
            messageId: "default",
            data: { phrase },
            excerpt: phrase,
            location: locateInBody(message.body, start, start + phrase.length),
          });
        }
      }
    },
  });
}
