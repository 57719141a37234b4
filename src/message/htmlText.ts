/**
 * HTML as the reader sees it, for bare .html drafts, HTML-only .msg bodies and HTML email.
 *
 * In its own letter case: html-to-text writes headings and table header cells in capitals by
 * default (a plain-text convention); read that way, every <h2> in a newsletter is "shouting".
 *
 * Safely: html-to-text walks the document recursively, and 100,000 nested <div>s overflowed the
 * stack, so the draft was a file error saying "Maximum call stack size exceeded". A document
 * nested deeper than any real email (mailparser draws the line at 1,000 for .eml) has its tags
 * dropped instead, so its text is still linted, not lost; so does one the library fails on for
 * any other reason.
 */
import { htmlToText } from "html-to-text";

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } }));
const KEEP_CASE = [...HEADINGS, { selector: "table", options: { uppercaseHeaderCells: false } }];

/** The most nesting html-to-text is asked to walk (mailparser's own limit). */
const MAX_DEPTH = 1000;
const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/** Whether open tags ever stand more than `limit` deep (an estimate: unclosed <p>s count too). */
function nestedDeeperThan(html: string, limit: number): boolean {
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!m[3] && !VOID_ELEMENTS.has(m[2].toLowerCase()) && ++depth > limit) return true;
  }
  return false;
}

function withoutTags(html: string): string {
  return html.replace(/<[^>]*>/g, " ").replace(/[ \t]+/g, " ");
}

export function readableText(html: string, wordwrap: number | false | undefined = undefined): string {
  if (nestedDeeperThan(html, MAX_DEPTH)) return withoutTags(html);
  try {
    return htmlToText(html, { selectors: KEEP_CASE, limits: { maxDepth: MAX_DEPTH }, ...(wordwrap === undefined ? {} : { wordwrap }) });
  } catch {
    return withoutTags(html);
  }
}

/** The text of a bare HTML draft, unwrapped. */
export function htmlAsText(html: string): string {
  return readableText(html, false);
}
