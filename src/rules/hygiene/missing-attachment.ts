/**
 * `missing-attachment`: the sender's own text says something is attached or enclosed, and the
 * message carries no attachment. Bare text has no attachment information, so email only.
 */
import { defineRule } from "../../engine/rule.js";
import { locateInBody } from "../../message/body.js";
import { splitSentences } from "../../text/sentences.js";
import { newSegments } from "./authoredText.js";
import { rulePatterns, type WordLists } from "./hygieneData.js";
import { literalAlternation } from "./findPlaceholders.js";

const patternKeys = ["phrases", "theirsAfter", "theirsBefore", "undoneBefore", "inlineAfter", "notFiles", "attachedToMessage"] as const;
type AttachmentPatterns = WordLists<(typeof patternKeys)[number]>;

export interface AttachmentMatcher {
  /** One word of each phrase ("attached", "enclosed", "pfa"): a text with none of them claims nothing. */
  keyWords: string[];
  phrases: RegExp;
  theirsBefore: RegExp | null;
  undoneBefore: RegExp | null;
  theirsAfter: RegExp | null;
  inlineAfter: RegExp | null;
  notFiles: RegExp | null;
  attachedToMessage: RegExp | null;
}

/** Anchored at the start of what follows: "a link …", "this email …". */
function leading(phrases: string[]): RegExp | null {
  const any = literalAlternation(phrases, false);
  return any ? new RegExp(`^\\s*${any.source}`, "i") : null;
}

/** Anchored at the end of what precedes: "… thanks for". */
function trailing(phrases: string[]): RegExp | null {
  const any = literalAlternation(phrases, false);
  return any ? new RegExp(`${any.source}\\s*$`, "i") : null;
}

function anywhere(phrases: string[]): RegExp | null {
  const any = literalAlternation(phrases, false);
  return any ? new RegExp(any.source, "i") : null;
}

export function compileAttachmentMatcher(p: AttachmentPatterns): AttachmentMatcher {
  const phrases = literalAlternation(p.phrases, false);
  if (!phrases) throw new Error("missing-attachment needs at least one phrase");
  const longestWord = (phrase: string) => phrase.toLowerCase().split(/[^a-z]+/).reduce((a, b) => (b.length > a.length ? b : a), "");
  return {
    keyWords: [...new Set(p.phrases.map(longestWord).filter(Boolean))],
    phrases,
    theirsBefore: trailing(p.theirsBefore),
    undoneBefore: anywhere(p.undoneBefore),
    theirsAfter: anywhere(p.theirsAfter),
    inlineAfter: anywhere(p.inlineAfter),
    notFiles: leading(p.notFiles),
    attachedToMessage: leading(p.attachedToMessage),
  };
}

/** The clause around a match: back to and forward to the nearest sentence or clause break. */
function clauseBefore(text: string, start: number): string {
  const window = text.slice(Math.max(0, start - 60), start);
  const cut = Math.max(window.lastIndexOf("."), window.lastIndexOf("!"), window.lastIndexOf("?"), window.lastIndexOf("\n"), window.lastIndexOf(";"), window.lastIndexOf(","));
  return window.slice(cut + 1);
}

function clauseAfter(text: string, end: number): string {
  const window = text.slice(end, end + 80);
  const cut = window.search(/[.!?;\n]/);
  return cut === -1 ? window : window.slice(0, cut);
}

/**
 * The first place where `text` says the sender attaches something, or null. The text's curly
 * apostrophes must already be straight ("I’ve" → "I've").
 */
export function findAttachmentClaim(text: string, matcher: AttachmentMatcher): { start: number; end: number } | null {
  // Most drafts attach nothing: a substring test spares them the phrase scan.
  const lower = text.toLowerCase();
  if (!matcher.keyWords.some((word) => lower.includes(word))) return null;
  const pattern = matcher.phrases;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = clauseBefore(text, start);
    const after = clauseAfter(text, end);
    const rejected =
      // "thanks for the attached", "your attached plan"
      (matcher.theirsBefore?.test(before) ?? false) ||
      // "I haven't attached", "I'll be attaching it tomorrow"
      (matcher.undoneBefore?.test(before) ?? false) ||
      // "the attached file you sent"
      (matcher.theirsAfter?.test(after) ?? false) ||
      // "the form (which I have enclosed below)": in the text, not a file
      (matcher.inlineAfter?.test(after) ?? false) ||
      // "I've attached a link to the folder"
      (matcher.notFiles !== null && matcher.notFiles.test(after)) ||
      // "the shed is attached to the house" (but "is attached to this email" is a claim)
      (/(?:attached|enclosed)$/i.test(m[0]) && /^\s*to\b/i.test(after) && !(matcher.attachedToMessage?.test(after.replace(/^\s*to\b/i, "")) ?? false));
    if (!rejected) return { start, end };
    // A rejected match may hide a longer claim that starts inside it ("is attached to this email").
    pattern.lastIndex = start + 1;
  }
  return null;
}

export const missingAttachment = defineRule({
  id: "missing-attachment",
  pack: "hygiene",
  appliesTo: ["eml"],
  check(context) {
    const { message } = context;
    if (message.attachments.length > 0) return;
    const matcher = rulePatterns(context.data, patternKeys, compileAttachmentMatcher);
    for (const segment of newSegments(message)) {
      // Straightening apostrophes keeps every offset: one character for one.
      const text = message.body.text.slice(segment.start, segment.end).replace(/’/g, "'");
      const claim = findAttachmentClaim(text, matcher);
      if (!claim) continue;
      const start = segment.start + claim.start;
      const end = segment.start + claim.end;
      const phrase = message.body.text.slice(start, end);
      const sentence = splitSentences(message.body.text, segment.start, segment.end).find((s) => s.start <= start && end <= s.end);
      context.report({
        messageId: "default",
        data: { phrase },
        excerpt: sentence ? message.body.text.slice(sentence.start, sentence.end) : phrase,
        location: locateInBody(message.body, start, end),
        suggestion: "Attach the file, or take out the sentence that mentions it.",
      });
      return; // one forgotten attachment is one problem, however often the text mentions it
    }
  },
});
