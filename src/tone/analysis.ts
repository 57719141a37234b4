/**
 * What the tone rules read, analysed once per message and shared by all seven rules: the subject
 * and the `new` body text (never the customer's quoted words), plus quoted internal content that
 * is being forwarded to an outsider, which is read as if sent to them (`asExternal`). Each text
 * is cut into sentences and words; customer targets are found only for sentences a rule's
 * pre-filter lets through, so a clean draft costs a tokeniser pass and a trigger-word lookup per
 * sentence.
 */
import type { Message, Recipient } from "../types.js";
import type { ResolvedConfig } from "../config/schema.js";
import { organisationOf } from "../audience/organisation.js";
import { splitSentences } from "../text/sentences.js";
import { markQuotesAcross, tokenise, type Token } from "../text/tokens.js";
import { wordLine, type PatternMatch, type WordLine } from "./patterns.js";
import { toneLexicon, type ToneLexicon } from "./lexicon.js";
import { findMentions, type Mention, type TargetContext } from "./targets.js";

/**
 * A "sentence" longer than this (a pasted table, a run-on line with no full stops) is read in
 * pieces of about this size, cut at a space, so work per piece stays bounded and no part of it
 * goes unread.
 */
const MAX_SENTENCE = 1000;

/** Cuts a span longer than MAX_SENTENCE into pieces at the last space before each limit. */
function boundedSpans<S extends { start: number; end: number }>(text: string, spans: S[]): S[] {
  const out: S[] = [];
  for (const span of spans) {
    let start = span.start;
    while (span.end - start > MAX_SENTENCE) {
      const space = text.lastIndexOf(" ", start + MAX_SENTENCE);
      const cut = space > start + MAX_SENTENCE / 2 ? space + 1 : start + MAX_SENTENCE;
      out.push({ ...span, start, end: cut });
      start = cut;
    }
    out.push({ ...span, start });
  }
  return out;
}

export interface Sentence {
  /** Offsets in the body text, or in the subject for the subject line. */
  start: number;
  end: number;
  text: string;
  paragraph: number;
  tokens: Token[];
  words: WordLine;
  /** Customer targets, found on first use. */
  mentions(): Mention[];
  /**
   * Whether the lexicon's swear words occur, found on first use: disparaging-customer and
   * profanity both ask it of every sentence.
   */
  profane(): boolean;
  /**
   * The swear words, found on first use: never a capitalised given name ("Dick Jenkins", "ask
   * Willy"), which is someone's name, not swearing.
   */
  swears(): PatternMatch[];
  /** The copulas ("is", "'re", "comes across as"), found on first use: each mention's complement and the model read them. */
  copulas(): PatternMatch[];
}

export interface ToneText {
  section: "subject" | "body";
  /** Read at the external severity: internal content forwarded outward. */
  asExternal: boolean;
  sentences: Sentence[];
}

export interface ToneAnalysis {
  message: Message;
  lexicon: ToneLexicon;
  targets: TargetContext;
  texts: ToneText[];
  /** Per-rule results shared between rules (profanity skips what disparaging-customer reported). */
  memo: Map<string, unknown>;
}

const cache = new WeakMap<Message, Map<string, ToneAnalysis>>();

/** How much of a message's body the tone rules read: about 15,000 words, 30 pages. */
export const TONE_CHARS = 100_000;

export function analyseMessage(message: Message, config: ResolvedConfig): ToneAnalysis {
  const key = `${config.templates}\u0000${config.customerTerms.join("\u0000")}`;
  let byConfig = cache.get(message);
  if (!byConfig) cache.set(message, (byConfig = new Map()));
  const cached = byConfig.get(key);
  if (cached) return cached;

  const lexicon = toneLexicon(config.customerTerms);
  const hasExternal = message.recipients.some((r) => r.external);
  const targets = targetContext(message, lexicon, message.audience !== "internal");
  const forwardedTargets = targetContext(message, lexicon, false);
  const texts: ToneText[] = [];
  // Tone reads the first TONE_CHARS of the body's own words: past that it is no letter a person
  // reads through but an address book, a log or a pasted report (one real message's 1.4 MB
  // address book cost more CPU than a thousand ordinary ones).
  let budget = TONE_CHARS;
  const within = (start: number, end: number) => {
    const stop = Math.min(end, start + budget);
    budget -= stop - start;
    return stop;
  };
  if (message.subject) {
    texts.push({ section: "subject", asExternal: false, sentences: sentencesOf(message.subject, 0, message.subject.length, config.templates, targets, lexicon) });
  }
  for (const segment of message.body.segments) {
    if (budget <= 0) break;
    if (segment.kind === "new") {
      texts.push({ section: "body", asExternal: false, sentences: sentencesOf(message.body.text, segment.start, within(segment.start, segment.end), config.templates, targets, lexicon) });
    } else if (segment.kind === "quoted" && segment.internalOnly === true && hasExternal) {
      // A forwarded internal thread: "you" there was a colleague, not the customer now reading.
      texts.push({ section: "body", asExternal: true, sentences: sentencesOf(message.body.text, segment.start, within(segment.start, segment.end), config.templates, forwardedTargets, lexicon) });
    }
  }
  const analysis: ToneAnalysis = { message, lexicon, targets, texts, memo: new Map() };
  byConfig.set(key, analysis);
  return analysis;
}

function sentencesOf(text: string, from: number, to: number, templates: boolean, targets: TargetContext, lexicon: ToneLexicon): Sentence[] {
  const sentences = boundedSpans(text, splitSentences(text, from, to)).map((span) => {
    const end = span.end;
    const sentenceText = text.slice(span.start, span.end);
    // Quote markers ("> ") of a forwarded block are not words.
    const tokens = tokenise(text.slice(span.start, end), span.start, templates).filter((t) => !(t.kind === "punct" && t.text === ">"));
    readShoutingAsLowerCase(tokens);
    let mentions: Mention[] | undefined;
    let swears: PatternMatch[] | undefined;
    let copulas: PatternMatch[] | undefined;
    const words = wordLine(tokens);
    const findSwears = () =>
      (swears ??= lexicon.profanity.test(words)
        ? lexicon.profanity.matches(words).filter((m) => !(m.first === m.last && tokens[m.first].capitalised && !tokens[m.first].allCaps && lexicon.givenNames.has(tokens[m.first].norm)))
        : []);
    return {
      start: span.start,
      end: span.end,
      text: sentenceText,
      paragraph: span.paragraph,
      tokens,
      words,
      mentions: () => (mentions ??= findMentions(tokens, targets)),
      profane: () => findSwears().length > 0,
      swears: findSwears,
      copulas: () => (copulas ??= lexicon.copulas.matches(words)),
    };
  });
  markQuotesAcross(sentences);
  return sentences;
}

function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((w) => w.length > 1);
}

/** How an organisation is named in text: "brightwater" for brightwater.co.uk. */
function organisationLabel(organisation: string): string {
  return organisation.split(".")[0];
}

function targetContext(message: Message, lexicon: ToneLexicon, youIsCustomer: boolean): TargetContext {
  const externalNames = new Map<string, Recipient>();
  const organisations = new Map<string, Recipient>();
  const colleagueNames = new Set<string>();
  for (const r of message.recipients) {
    const local = r.address.split("@")[0].toLowerCase();
    const words = [...nameWords(r.name), local, ...local.split(/[._-]+/).filter((w) => w.length > 2)];
    if (r.external) {
      for (const w of words) if (!lexicon.notNames.has(w)) externalNames.set(w, r);
      const label = organisationLabel(r.organisation);
      if (!r.freemail && label.length > 2) organisations.set(label, r);
    } else {
      for (const w of words) colleagueNames.add(w);
    }
  }
  if (message.from) for (const w of nameWords(message.from.name)) colleagueNames.add(w);
  // Our own organisation by name ("the Enron Online deals" at enron.com) is no customer.
  const ownOrganisations = new Set<string>();
  for (const domain of message.internalDomains) {
    const label = organisationLabel(organisationOf(domain.toLowerCase()));
    if (label.length > 2) ownOrganisations.add(label);
  }
  // A word shared by a colleague and a customer (a common first name) says nothing about either.
  for (const w of colleagueNames) externalNames.delete(w);
  return { lexicon, youIsCustomer, externalNames, organisations, colleagueNames, ownOrganisations };
}

/**
 * A sentence written all in capitals ("WHAT A PATHETIC LITTLE MAN.") says nothing by its capitals:
 * every word would look like a name or a title. Its words are read as lower case; `allCaps` stays,
 * for the shouting rule. (Three words or more, so "ASAP", "FYI" or "NB:" alone are left as written.)
 */
function readShoutingAsLowerCase(tokens: Token[]): void {
  let words = 0;
  for (const t of tokens) {
    if (t.kind !== "word" || !/[A-Za-z]/.test(t.text)) continue;
    if (!t.allCaps && !(t.text.length === 1 && t.capitalised)) return;
    words++;
  }
  if (words < 3) return;
  for (const t of tokens) if (t.kind === "word") t.capitalised = false;
}
