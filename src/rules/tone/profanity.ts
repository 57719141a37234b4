/**
 * `profanity`: swearing not aimed at anyone ("the release was a shitshow"); a mild word ("bloody")
 * only when someone outside will read it, an everyday one ("damn", "pissed") never. Aimed at a customer
 * it is `disparaging-customer`, which reports it as swearing at them, so a sentence that rule
 * reported is skipped here rather than reported twice.
 */
import { defineRule, type RuleContext } from "../../engine/rule.js";
import { analyseMessage, type Sentence } from "../../tone/analysis.js";
import { reportJudgement } from "../../tone/report.js";
import { rulePatterns } from "../../tone/rulePatterns.js";
import { findDisparagement, RULE_ID as DISPARAGING } from "./disparaging-customer.js";

const KEYS = ["idioms", "mild", "casual"] as const;

export default defineRule({
  id: "profanity",
  pack: "tone",
  dataKeys: KEYS,
  async check(context: RuleContext) {
    const analysis = analyseMessage(context.message, context.config);
    const { idioms, mild, casual } = rulePatterns(context.data, KEYS);
    const colleaguesOnly = context.message.audience === "internal";
    let aimed: Set<Sentence> | undefined;
    for (const text of analysis.texts) {
      for (const sentence of text.sentences) {
        // (sentence.profane() is words.test(), kept from disparaging-customer's pre-filter.)
        if (!sentence.profane()) continue;
        const skip = idioms.matches(sentence.words);
        const gentle = [...casual.matches(sentence.words), ...(colleaguesOnly ? mild.matches(sentence.words) : [])];
        const match = sentence.swears().find((m) => !skip.some((i) => i.first <= m.last && m.first <= i.last) && !gentle.some((g) => g.first <= m.first && m.last <= g.last));
        if (!match) continue;
        if (!aimed) {
          const disparaging = context.dataOf(DISPARAGING);
          aimed = new Set(disparaging ? (await findDisparagement(analysis, disparaging)).map((j) => j.sentence) : []);
        }
        if (aimed.has(sentence)) continue;
        const phrase = sentence.text.slice(sentence.tokens[match.first].start - sentence.start, sentence.tokens[match.last].end - sentence.start);
        reportJudgement(context, analysis, { text, sentence, messageId: "default", target: null, targetWords: "", phrase });
      }
    }
  },
});
