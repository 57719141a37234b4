/**
 * The NLP, loaded only when a judgement hangs on a question our own word lists cannot answer:
 * is the capitalised first word of a sentence a name ("Kyle is clueless") or a common word
 * ("Parking is hopeless")? compromise's tagger answers it, but costs a few hundred
 * milliseconds to load, so it is imported on first use (esbuild splits it into its own chunk) and
 * a clean draft never loads it.
 */
import type { Sentence } from "./analysis.js";
import type { Mention } from "./targets.js";

type Nlp = (text: string) => { json(options: { offset: boolean }): Array<{ terms: Array<{ offset: { start: number }; tags: string[] }> }> };

let nlpPromise: Promise<Nlp> | undefined;

async function loadNlp(): Promise<Nlp> {
  nlpPromise ??= import("compromise/two").then((m) => (m as unknown as { default: Nlp }).default);
  return nlpPromise;
}

const tagCache = new WeakMap<Sentence, Map<number, string[]>>();

async function tagsAt(sentence: Sentence, tokenIndex: number): Promise<string[]> {
  let tags = tagCache.get(sentence);
  if (!tags) {
    const nlp = await loadNlp();
    tags = new Map();
    for (const s of nlp(sentence.text).json({ offset: true })) {
      for (const term of s.terms) tags.set(sentence.start + term.offset.start, term.tags);
    }
    tagCache.set(sentence, tags);
  }
  return tags.get(sentence.tokens[tokenIndex].start) ?? [];
}

/** Whether a mention stands for a person or organisation; asks the tagger only when unsure. */
export async function isPersonOrOrganisation(sentence: Sentence, mention: Mention): Promise<boolean> {
  if (!mention.uncertain) return true;
  const tags = await tagsAt(sentence, mention.head);
  if (tags.includes("Place")) return false;
  return tags.includes("Person") || tags.includes("Organization") || (tags.includes("ProperNoun") && !tags.includes("Verb") && !tags.includes("Adjective"));
}
