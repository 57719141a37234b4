/**
 * `empty-subject`: no subject, or nothing in it but whitespace and reply/forward prefixes
 * ("Re:", "Fwd:", "RE: FW:", "AW:"). Bare text has no subject line, so email only.
 */
import { defineRule } from "../../engine/rule.js";
import { rulePatterns, type WordLists } from "./hygieneData.js";

const patternKeys = ["prefixes"] as const;
type SubjectPatterns = WordLists<(typeof patternKeys)[number]>;

/** "Re:", "Fwd :", "RE[2]:", repeated, and nothing else. */
function compileOnlyPrefixes(p: SubjectPatterns): RegExp {
  const prefixes = p.prefixes.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  return new RegExp(`^\\s*(?:(?:${prefixes})\\s*(?:\\[\\d{1,4}\\]|\\(\\d{1,4}\\))?\\s*:\\s*)*$`, "i");
}

export function isEmptySubject(subject: string | null, onlyPrefixes: RegExp): boolean {
  if (subject === null || subject.trim() === "") return true;
  // A prefix-only subject is short; the bound keeps the test cheap on a hostile 1 MB header.
  return subject.length <= 200 && onlyPrefixes.test(subject);
}

export const emptySubject = defineRule({
  id: "empty-subject",
  pack: "hygiene",
  appliesTo: ["eml"],
  check(context) {
    const { subject } = context.message;
    const onlyPrefixes = rulePatterns(context.data, patternKeys, compileOnlyPrefixes);
    if (!isEmptySubject(subject, onlyPrefixes)) return;
    const blank = subject === null || subject.trim() === "";
    context.report({
      messageId: blank ? "missing" : "onlyPrefix",
      data: { subject: (subject ?? "").trim() },
      excerpt: blank ? null : subject,
      location: { section: "subject", column: 1 },
      suggestion: "Add a subject that says what the message is about.",
    });
  },
});
