/**
 * The customer an intent to exclude is aimed at: its object, or a group of customers named as such.
 */
import type { Sentence } from "../../../tone/analysis.js";
import { DETERMINERS, PREPOSITIONS, RELATIVE_PRONOUNS } from "../../../tone/grammar.js";
import type { PatternMatch } from "../../../tone/patterns.js";
import { personMention, type Mention } from "../../../tone/targets.js";
import type { Patterns } from "./wordLists.js";

/** A customer named as the object of the intent: "steer [the couple from the caravan site] towards …". */
export function objectOf(sentence: Sentence, match: PatternMatch, separable: boolean, p: Patterns): Mention | null {
  const { tokens } = sentence;
  const mentions = [...sentence.mentions().filter((m) => !m.uncertain), ...groupMentions(sentence, p)].sort((a, b) => a.first - b.first);
  const inside = mentions.find((m) => m.first > match.first && m.first <= match.first + 4 && (separable ? m.last < match.last : m.last <= match.last));
  if (inside) {
    // "lose their enquiry": what is theirs stands for them; "keep their kids out" does not.
    if (inside.possessor && separable && !["business", "custom", "money"].includes(tokens[inside.last + 1]?.norm ?? "")) return null;
    if (!separable) return inside;
    // What lies between the object and the particle only describes it: "the couple [from the
    // caravan site] towards"; one word may be the particle's own first word ("somewhere else").
    const rest = tokens.slice(inside.last + 1, match.last).filter((t) => t.kind !== "punct");
    if (rest.length <= 1 || PREPOSITIONS.has(rest[0].norm) || RELATIVE_PRONOUNS.has(rest[0].norm) || rest[0].norm === "feel") return inside;
    return null;
  }
  if (separable) return null;
  return mentions.find((m) => !m.possessor && m.first > match.last && m.first <= match.last + 3) ?? null;
}

/** Groups of customers named as such: "the students", "those stag parties". */
export function groupMentions(sentence: Sentence, p: Patterns): Mention[] {
  const { tokens } = sentence;
  return p.groups.matches(sentence.words).map((g) => {
    const det = tokens[g.first - 1];
    const first = det && (DETERMINERS.has(det.norm) || det.norm === "all") ? g.first - 1 : g.first;
    return personMention(first, g.last);
  });
}
