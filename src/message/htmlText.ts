/**
 * HTML as the text a reader sees, for bare .html drafts and HTML-only .msg bodies. html-to-text
 * walks the document recursively: 100,000 nested <div>s overflowed the stack and the draft was
 * a file error saying "Maximum call stack size exceeded". A document nested deeper than any real
 * email (mailparser draws the line at 1,000 for .eml) has its tags dropped instead, so its text
 * is still linted, not lost; so does one the library fails on for any other reason.
 */
import { htmlToText } from "html-to-text";

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

export function htmlAsText(html: string): string {
  if (nestedDeeperThan(html, MAX_DEPTH)) return withoutTags(html);
  try {
    return htmlToText(html, { wordwrap: false });
  } catch {
    return withoutTags(html);
  }
}
