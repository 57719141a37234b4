/**
 * Who does an intent to exclude: us (we, I, let's, an imperative, the venue or its management),
 * and whether it is a plan rather than a report or something we were compelled to do.
 */
import type { Sentence } from "../../../tone/analysis.js";
import { clauseStart } from "../../../tone/clauses.js";
import { DETERMINERS, FIRST_PERSON, SUBJECT_PRONOUNS } from "../../../tone/grammar.js";

/** Words that may open an instruction before its verb: "Please just quietly steer them …". */
const LEAD_WORDS = new Set(["please", "just", "honestly", "frankly", "maybe", "perhaps", "then", "and", "or", "politely", "quietly", "simply", "ideally", "also", "so", "ok", "okay", "right", "really", "probably", "definitely", "gently", "kindly", "nicely", "first", "now", "personally", "tbh", "if", "possible", "we", "you", "can", "could", "would", "will", "shall", "should", "let", "'s", "us", "i", "'d", "'ll", "rather", "sooner", "try", "to", "even"]);
/** Words before an intent that make it a plan rather than a report. */
const PLAN_WORDS = new Set(["will", "'ll", "would", "'d", "should", "could", "can", "might", "shall", "going", "gonna", "want", "wants", "try", "trying", "plan", "planning", "aim", "aiming", "hope", "hoping", "rather", "sooner", "prefer", "let", "to", "'s", "must", "need", "suggest", "propose", "recommend"]);
/** Words that make the act compelled, not chosen: "we had to turn guests away". */
const COMPELLED = new Set(["had", "has", "have", "forced", "obliged", "required", "must", "got"]);
/** Who "we" are when named: "the hotel would rather not …", "management doesn't want …". */
const OUR_SIDE = new Set(["management", "hotel", "venue", "practice", "firm", "club", "salon", "spa", "restaurant", "gallery", "agency", "clinic", "brand", "committee", "board", "owners", "owner", "partners", "bar", "shop", "studio", "school", "hall", "estate", "manor", "house"]);

interface Actor {
  /** The act is ours: our subject, or an instruction to a colleague. */
  us: boolean;
  /** Planned or wished, not reported as done. */
  plan: boolean;
}

/** Who does the act at token `v`, read from its clause: "Let's …", "Could we …", "The hotel would rather …". */
export function actorOf(sentence: Sentence, v: number): Actor | null {
  const { tokens } = sentence;
  const start = clauseStart(tokens, v);
  const words = tokens.slice(start, v).filter((t) => t.kind !== "punct");
  // "we had to turn walk-ins away", "we must steer them elsewhere": compelled, not chosen.
  const near = words.slice(-3).map((t) => t.norm);
  if (near.some((w) => COMPELLED.has(w)) && (near.includes("to") || near.includes("must"))) return null;
  if (words.length === 0 || words.every((t) => LEAD_WORDS.has(t.norm))) {
    const hasSubject = words.some((t) => ["we", "i", "you", "us"].includes(t.norm));
    // A bare verb ("Steer them …") or "Let's", "Could we", "I'll": ours, and planned.
    return { us: true, plan: !hasSubject || words.some((t) => PLAN_WORDS.has(t.norm)) };
  }
  // The second of two instructions: "Turn away anyone in a wheelchair and say it's at capacity".
  const and = words.map((t) => t.norm).lastIndexOf("and");
  if (and > 0 && words.slice(and + 1).every((t) => LEAD_WORDS.has(t.norm)) && opensWithInstruction(words.slice(0, and))) return { us: true, plan: true };
  // A subject of ours, with nothing else of its own in between: "I'd rather we …", "The hotel doesn't want …".
  let us = false;
  for (let j = 0; j < words.length; j++) {
    const w = words[j].norm;
    if (FIRST_PERSON.has(w) && w !== "me" && w !== "my") us = true;
    else if (OUR_SIDE.has(w) && (j === 0 || ["the", "our"].includes(words[j - 1].norm))) us = true;
    else if (SUBJECT_PRONOUNS.has(w) && !["we", "i"].includes(w) && us === false) return null;
  }
  if (!us) return null;
  return { us, plan: words.some((t) => PLAN_WORDS.has(t.norm)) };
}

/** Particles and objects that follow a bare verb of instruction: "Turn away …", "Send them …". */
const AFTER_INSTRUCTION = new Set(["them", "him", "her", "us", "it", "away", "off", "out", "up", "down", "back", "anyone", "anybody", "everyone", "everybody"]);

/** Whether the words open with a bare verb and its object or particle: "Turn away anyone …", "Give the woman …". */
function opensWithInstruction(words: Sentence["tokens"]): boolean {
  let lead = 0;
  while (lead < words.length && LEAD_WORDS.has(words[lead].norm) && !["we", "i", "you"].includes(words[lead].norm)) lead++;
  const first = words[lead];
  const next = words[lead + 1];
  if (!first || !next || FIRST_PERSON.has(first.norm) || SUBJECT_PRONOUNS.has(first.norm) || DETERMINERS.has(first.norm) || first.norm === "there") return false;
  return DETERMINERS.has(next.norm) || AFTER_INSTRUCTION.has(next.norm);
}

/** "I'd be happy if …", "if we're lucky …": the one wishing, just before the connector, is us. */
export function actorWishes(sentence: Sentence, connector: number): boolean {
  const words = sentence.tokens.slice(Math.max(0, connector - 5), connector).map((t) => t.norm);
  return words.includes("we") || words.includes("i");
}

/**
 * The clause before a result connector is a plan of ours: "Let's make the form so long …", "Give
 * the woman the long list so …", "I'll quote them high and …" (not "The form is so long …").
 */
export function plannedBefore(sentence: Sentence, connector: number): boolean {
  const { tokens } = sentence;
  let start = connector;
  while (start > 0 && !(tokens[start - 1].kind === "punct" && /^[;:.!?()\u2014\u2013]$/.test(tokens[start - 1].text))) start--;
  const words = tokens.slice(start, connector).filter((t) => t.kind !== "punct");
  const lead = words.findIndex((t) => !LEAD_WORDS.has(t.norm) || ["we", "i", "you"].includes(t.norm));
  if (lead < 0) return false;
  const norms = words.map((t) => t.norm);
  if (norms.includes("let") && norms[norms.indexOf("let") + 1] === "'s") return true;
  // "we could …", "I'll …", "we're going to …".
  for (let j = 0; j < norms.length - 1; j++) {
    if (["we", "i"].includes(norms[j]) && norms.slice(j + 1, j + 4).some((w) => PLAN_WORDS.has(w) && w !== "to")) return true;
    // "Can we …", "Should we …".
    if (["we", "i"].includes(norms[j + 1]) && ["can", "could", "shall", "should", "will", "might"].includes(norms[j]) && j === lead - 1) return true;
  }
  // An instruction: a bare verb followed by its object ("Give the woman …", "Quote them …").
  const first = words[lead];
  const next = words[lead + 1];
  if (!first || FIRST_PERSON.has(first.norm) || SUBJECT_PRONOUNS.has(first.norm) || DETERMINERS.has(first.norm) || first.norm === "there") return false;
  if (lead > 0 && !words.slice(0, lead).every((t) => LEAD_WORDS.has(t.norm) && !["we", "i", "you"].includes(t.norm))) return false;
  if (first.capitalised && first !== tokens.find((t) => t.kind !== "punct")) return false;
  return !!next && (DETERMINERS.has(next.norm) || ["them", "him", "her", "us"].includes(next.norm) || (next.capitalised && next.kind === "word"));
}
