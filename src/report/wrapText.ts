/**
 * Word wrapping for the terminal: a line that is too wide is broken between words and continued
 * under its own text, instead of being cut mid-word by the terminal at its last column.
 */

/** A run of text printed in one style; `gap` spaces go before it when it follows on a line. */
export interface Piece {
  text: string;
  style?: (text: string) => string;
  gap?: number;
}

/**
 * Lines of at most `width` visible characters: the first after `firstIndent`, the others after
 * `indent` (both already printed by the caller). A word longer than a whole line stays whole
 * on a line of its own. With no width (not a terminal), one line.
 */
export function wrapPieces(pieces: Piece[], width: number | undefined, firstIndent: number, indent: number): string[] {
  const words = pieces.flatMap((p) =>
    p.text
      .split(/ +/)
      .filter(Boolean)
      .map((w, i) => ({ text: w, style: p.style, gap: i === 0 ? (p.gap ?? 1) : 1 })),
  );
  const lines: string[] = [];
  let line = "";
  let used = 0;
  let room = width === undefined ? Infinity : Math.max(20, width - firstIndent);
  for (const word of words) {
    const gap = used === 0 ? 0 : word.gap;
    if (used > 0 && used + gap + word.text.length > room) {
      lines.push(line);
      line = "";
      used = 0;
      room = width === undefined ? Infinity : Math.max(20, width - indent);
    }
    const sep = used === 0 ? "" : " ".repeat(word.gap);
    line += sep + (word.style ? word.style(word.text) : word.text);
    used += sep.length + word.text.length;
  }
  lines.push(line);
  return lines;
}

/** One line of at most `max` characters, ending in "…" when cut (at a word when one is near). */
export function truncateLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + "…";
}
