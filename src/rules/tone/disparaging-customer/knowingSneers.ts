/**
 * Gossip with a knowing sneer: hearsay about a customer's private life or looks, then the writer's
 * verdict that it explains them ("Apparently the client's MD is on wife number three. Explains the
 * mood swings.", "apparently Mr Toller's wife left him, can't say i blame her", "Heard the
 * Wetherbys are getting divorced, no wonder"). The sneer alone is common and kind ("the courier
 * lost it, which explains the delay"); with hearsay about a customer it is contempt, unless the
 * news is a hardship ("Apparently Mr Lee's wife passed away, no wonder he's been quiet").
 */
import type { Sentence, ToneText } from "../../../tone/analysis.js";
import { contextTarget } from "../../../tone/clauses.js";
import { wordsOfMatch } from "../../../tone/report.js";
import type { Mention } from "../../../tone/targets.js";
import type { Found, Patterns } from "./wordLists.js";

/** How many sentences back the hearsay may be told. */
const LOOKBACK = 2;

export function* knowingSneers(p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const sneer = p.knowingSneers.matches(sentence.words)[0];
  if (!sneer) return;
  const told: Sentence[] = [];
  for (let k = index; k >= 0 && index - k <= LOOKBACK && text.sentences[k].paragraph === sentence.paragraph; k--) told.push(text.sentences[k]);
  if (!told.some((s) => p.hearsay.test(s.words)) || told.some((s) => p.hardships.test(s.words))) return;
  // Whom the hearsay is about: a customer named in it or before, not the writer or "you".
  const here = sentence.mentions().find((m) => m.kind !== "you" && !m.uncertain && !m.possessor && m.last < sneer.first);
  const found = here ? { sentence, mention: here } : contextTarget(text, index, (m) => m.kind !== "you" && !m.uncertain);
  if (found) yield { messageId: "contempt", target: { sentence: found.sentence, mention: owner(found.sentence, found.mention) }, evidence: [wordsOfMatch(sentence, sneer)] };
}

/** In "Mr Toller's wife left him" the gossip is about Mr Toller: whose the one spoken of is. */
function owner(sentence: Sentence, mention: Mention): Mention {
  const { tokens } = sentence;
  for (let j = mention.first; j < mention.head; j++) {
    if (tokens[j].norm.endsWith("'s") || tokens[j + 1]?.norm === "'s") return { ...mention, last: j, head: j };
  }
  return mention;
}
