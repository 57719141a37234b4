/**
 * `shouting`: a run of words in capitals (acronyms such as PDF or NHS aside), or a string of
 * exclamation marks. Quoted words are the customer's and are left alone.
 */
import { z } from "zod";
import { defineRule, type RuleContext } from "../../engine/rule.js";
import { analyseMessage, type Sentence } from "../../tone/analysis.js";
import { reportJudgement } from "../../tone/report.js";

const optionsSchema = () => z.object({ minWords: z.number().int().min(2).optional(), exclamations: z.number().int().min(2).optional() }).strict();
type Options = z.infer<ReturnType<typeof optionsSchema>>;

/** Reply and forward prefixes, as mail clients in several languages write them. */
const REPLY_PREFIX = /^\s*(re|fw|fwd|aw|wg|sv|vs|tr|antw|rif|r)\s*(\[\d+\])?\s*:/i;

const acronymCache = new WeakMap<object, Set<string>>();

function acronyms(data: RuleContext["data"]): Set<string> {
  let set = acronymCache.get(data);
  if (!set) {
    const list = Array.isArray(data.patterns.acronyms) ? (data.patterns.acronyms as unknown[]) : [];
    set = new Set(list.filter((a): a is string => typeof a === "string").map((a) => a.toUpperCase()));
    acronymCache.set(data, set);
  }
  return set;
}

/** Longer than this, capitals are data, not a word ("ELECTROENCEPHALOGRAPHY" is 22). */
const LONGEST_WORD = 24;

/** The first shouted span of a sentence, as token indices. */
function shoutedSpan(sentence: Sentence, known: Set<string>, minWords: number, exclamations: number): [number, number] | null {
  const { tokens } = sentence;
  let runStart = -1;
  let count = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    // A word with a digit is a code ("GB82", "AKIAIOSFODNN7EXAMPLE", "TP303MAR"), not a shouted
    // word, nor is a run of capitals longer than any word (base64 pasted into a body: "AAAAQAB…").
    const shouted = t && t.kind === "word" && !t.quoted && t.allCaps && t.text.length <= LONGEST_WORD && !/\d/.test(t.text) && !known.has(t.text.toUpperCase().replace(/'S$/, ""));
    const joiner = t && ((t.kind === "word" && /^(I|A)$/.test(t.text)) || t.norm === "'s" || t.norm === "n't" || (t.kind === "punct" && /^[,'’-]$/.test(t.text)));
    if (shouted) {
      if (runStart < 0) runStart = i;
      count++;
    } else if (!(joiner && runStart >= 0)) {
      if (count >= minWords) return [runStart, i - 1];
      runStart = -1;
      count = 0;
    }
  }
  for (let i = 0; i + exclamations - 1 < tokens.length; i++) {
    let n = 0;
    while (tokens[i + n]?.text === "!" && (n === 0 || tokens[i + n].start === tokens[i + n - 1].end)) n++;
    if (n >= exclamations) return [i, i + n - 1];
  }
  return null;
}

export default defineRule<Options>({
  id: "shouting",
  pack: "tone",
  dataKeys: ["acronyms", "minWords", "exclamations"],
  optionsSchema,
  check(context: RuleContext<Options>) {
    const analysis = analyseMessage(context.message, context.config);
    const patterns = context.data.patterns;
    const minWords = context.options.minWords ?? (typeof patterns.minWords === "number" ? patterns.minWords : 3);
    const exclamations = context.options.exclamations ?? (typeof patterns.exclamations === "number" ? patterns.exclamations : 3);
    const known = acronyms(context.data);
    for (const text of analysis.texts) {
      // "RE: FW: GAS DAILY UPDATE" repeats someone else's subject: the capitals are theirs.
      if (text.section === "subject" && REPLY_PREFIX.test(context.message.subject ?? "")) continue;
      for (const sentence of text.sentences) {
        const span = shoutedSpan(sentence, known, minWords, exclamations);
        if (!span) continue;
        const phrase = sentence.text.slice(sentence.tokens[span[0]].start - sentence.start, sentence.tokens[span[1]].end - sentence.start);
        reportJudgement(context, analysis, { text, sentence, messageId: "default", target: null, targetWords: "", phrase });
      }
    }
  },
});
