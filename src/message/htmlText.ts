/**
 * HTML as the reader sees it, in its own letter case. html-to-text writes headings and table
 * header cells in capitals by default (a plain-text convention); read that way, every <h2> in a
 * newsletter is "shouting". Same conversion otherwise, so line positions stay as they were.
 */
import { htmlToText } from "html-to-text";

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } }));
const KEEP_CASE = [...HEADINGS, { selector: "table", options: { uppercaseHeaderCells: false } }];

/** The most nesting html-to-text is asked to walk (mailparser's own limit). */
const MAX_DEPTH = 1000;

export function readableText(html: string, wordwrap: number | false | undefined = undefined): string {
  return htmlToText(html, { selectors: KEEP_CASE, limits: { maxDepth: MAX_DEPTH }, ...(wordwrap === undefined ? {} : { wordwrap }) });
}
