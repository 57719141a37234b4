/**
 * The dismissal construction: profanity or dismissal aimed at whoever is next to it ("Mr X can piss
 * off", "screw these people").
 */
import type { Sentence } from "../../../tone/analysis.js";
import { clauseStartOverAside } from "../../../tone/clauses.js";
import type { Found, Patterns } from "./wordLists.js";
import { wordsOfMatch } from "../../../tone/report.js";
import { overlaps } from "./insults.js";

export function* dismissals(p: Patterns, sentence: Sentence): Generator<Found> {
  for (const d of p.dismissals.matches(sentence.words)) {
    // (Not the dismissal's own first word read as a name: "Screw the Hendersons.")
    const mentions = sentence.mentions().filter((m) => !(m.uncertain && m.first === d.first));
    // "screw these people" (the object), else "the users who voted it down can go to hell" (the subject).
    const start = clauseStartOverAside(sentence.tokens, d.first);
    const target =
      mentions.find((m) => overlaps(d, m) || (m.first > d.first && m.first <= d.last + 1)) ??
      mentions.filter((m) => m.last < d.first && m.first >= start && !m.possessor).pop();
    if (target) yield { messageId: "profanity", target: { sentence, mention: target }, evidence: [wordsOfMatch(sentence, d)] };
  }
}
