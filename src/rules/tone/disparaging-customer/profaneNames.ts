/**
 * A swear word used as an adjective on a named customer ("Fucking Hendersons have cancelled").
 */
import type { Sentence, ToneAnalysis } from "../../../tone/analysis.js";
import type { Found } from "./wordLists.js";

/** Swear words that work as adjectives: "bloody Hendersons", "the fucking Marlows". */
const SWEAR_ADJECTIVES = new Set(["fucking", "f***ing", "f**king", "f*cking", "fcking", "effing", "bloody", "sodding", "bleeding", "frigging", "flipping", "damn", "damned", "goddamn", "shitty", "crappy"]);
/** What a plural family name is followed by when it is the subject: "Hendersons have cancelled". */
const PLURAL_SUBJECT_NEXT = new Set(["have", "'ve", "are", "'re", "were", "want", "wanted", "think", "thought", "keep", "kept", "never", "always", "still", "again", "can", "could", "will", "'ll", "would", "'d", "do", "did", "n't"]);

/**
 * A swear word used as an adjective on a named customer: "Fucking Hendersons have cancelled",
 * "the bloody Marlows". Only names that are surely people: a recipient, their organisation, a
 * titled name ("bloody Mr Pike"), or a family name in the plural followed by its verb (not
 * "fucking Teams keeps crashing", a product).
 */
export function* profaneNames(analysis: ToneAnalysis, sentence: Sentence): Generator<Found> {
  const { tokens } = sentence;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== "word" || t.quoted || !SWEAR_ADJECTIVES.has(t.norm)) continue;
    const at = tokens[i + 1]?.norm === "the" ? i + 2 : i + 1;
    const mention = sentence.mentions().find((m) => (m.first === at || m.first === i + 1) && !m.possessor && ["name", "recipient", "organisation", "template"].includes(m.kind));
    if (!mention) continue;
    const first = tokens[mention.first];
    const titled = analysis.lexicon.titles.has(first.norm.replace(/\.$/, ""));
    const head = tokens[mention.head];
    const next = tokens[mention.last + 1];
    const pluralFamily = mention.first === mention.last || (mention.first + 1 === mention.last && first.norm === "the");
    const familySubject = pluralFamily && /\p{Ll}s$/u.test(head.text) && (!next || next.kind === "punct" || PLURAL_SUBJECT_NEXT.has(next.norm));
    if (mention.kind === "name" && !titled && !familySubject) continue;
    yield { messageId: "profanity", target: { sentence, mention: { ...mention, first: i, uncertain: false } }, personOnly: true };
    return;
  }
}
