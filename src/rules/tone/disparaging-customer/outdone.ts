/**
 * The customer outdone by their pet or their child: "the parrot is the reasonable one in that
 * relationship", "the Hendersons' dog is the only one in that family with any sense", "the dog
 * has more sense than both of them". Whatever the animal (WordNet's), the praise of it is the
 * insult of the people beside it.
 */
import type { Sentence, ToneAnalysis, ToneText } from "../../../tone/analysis.js";
import { isNegated, mentionBefore } from "../../../tone/clauses.js";
import { isCertainThirdParty, type Mention } from "../../../tone/targets.js";
import { wordsOfMatch } from "../../../tone/report.js";
import type { Found, Patterns } from "./wordLists.js";

/** Children who may outdo their parents: "the kid is the sensible one". */
const CHILDREN = new Set(["kid", "kids", "child", "children", "baby", "toddler", "teenager", "teen"]);
const HAVING = new Set(["has", "had", "'s", "have", "got"]);
const BEING = new Set(["is", "'s", "was", "are", "were", "seems"]);

export function* outdone(analysis: ToneAnalysis, p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  const { tokens } = sentence;
  const lex = analysis.lexicon;
  if (p.praise.test(sentence.words) || p.warmth.test(sentence.words)) return;
  for (let r = 0; r < tokens.length; r++) {
    const rival = tokens[r];
    if (rival.kind !== "word" || rival.quoted || !(lex.animalNouns.has(rival.norm) || CHILDREN.has(rival.norm))) continue;
    const end = outdoingEnd(p, sentence, r);
    if (end < 0 || isNegated(sentence, lex, r + 1, r)) continue;
    const before = sentence.mentions().filter((m) => m.last < r && isCertainThirdParty(m)).pop();
    const target = comparedWith(text, index, end) ?? ownerOf(sentence, r) ?? (before ? { sentence, mention: before } : mentionBefore(text, index, isCertainThirdParty));
    if (target) yield { messageId: "insult", target, evidence: [wordsOfMatch(sentence, { first: r, last: end })] };
    return;
  }
}

/**
 * Where the praise of the rival at `r` ends: "is the (only) sensible one", "is the only one … with
 * any sense", "has more sense than …"; -1 when none follows it.
 */
function outdoingEnd(p: Patterns, s: Sentence, r: number): number {
  const { tokens } = s;
  const faculties = p.faculties.matches(s.words);
  let j = r + 1;
  if (BEING.has(tokens[j]?.norm ?? "") && tokens[j + 1]?.norm === "the") {
    j += 2;
    if (tokens[j]?.norm === "only") j++;
    // "is the reasonable one", "is the only sensible one".
    if (p.outdoneQualities.test(tokens[j]?.norm ?? "") && tokens[j + 1]?.norm === "one") return j + 1;
    // "is the only one in that family with any sense".
    if (tokens[j - 1]?.norm === "only" && tokens[j]?.norm === "one") {
      for (let k = j + 1; k < tokens.length && k <= j + 6; k++) {
        if (tokens[k].norm !== "with") continue;
        const faculty = faculties.find((f) => f.first >= k + 1 && f.first <= k + 2);
        if (faculty) return faculty.last;
      }
    }
    return -1;
  }
  // "has more sense than …", "'s got more manners than …".
  while (HAVING.has(tokens[j]?.norm ?? "")) j++;
  if (j === r + 1 || tokens[j]?.norm !== "more") return -1;
  const faculty = faculties.find((f) => f.first === j + 1);
  return faculty && tokens[faculty.last + 1]?.norm === "than" ? faculty.last + 1 : -1;
}

/** "… more sense than [both of them]", "… than [his owner]": who the rival is measured against. */
function comparedWith(text: ToneText, index: number, end: number): { sentence: Sentence; mention: Mention } | null {
  const s = text.sentences[index];
  if (s.tokens[end]?.norm !== "than") return null;
  const mention = s.mentions().find((m) => m.first === end + 1 && m.personal && m.kind !== "you");
  if (mention) return { sentence: s, mention };
  return mentionBefore(text, index, isCertainThirdParty) ?? null;
}

/** "the Hendersons' dog is …": the rival's owner, named as its possessor. */
function ownerOf(s: Sentence, r: number): { sentence: Sentence; mention: Mention } | null {
  const mention = s.mentions().find((m) => m.possessor && m.last < r && r - m.last <= 3 && m.kind !== "you");
  return mention ? { sentence: s, mention } : null;
}
