/**
 * Text from a draft (a subject, a display name, an excerpt, a file name) made safe to print on a
 * terminal or a log: a hostile draft must not be able to write escape sequences to the terminal
 * of whoever lints it (OSC 52 clipboard writes, OSC 8 links, screen clears, window titles), nor
 * start a line of its own in a CI log, where `::error::…` at the start of a line is a GitHub
 * workflow command. Control characters are shown as visible stand-ins instead; the colour codes
 * draftlint adds itself are applied after this, so they are kept.
 */

// C0 controls (newline and tab included: a field is printed on one line), DEL, C1 controls, and
// the bidirectional overrides that reorder what a reader sees (CVE-2021-42574, "Trojan Source").
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function standIn(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀ … ␛ … ␟ (Unicode control pictures)
  if (code === 0x7f) return "\u2421"; // ␡
  return `\\u${code.toString(16).padStart(4, "0")}`;
}

/** One line of printable text: every control character replaced by a visible stand-in. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, standIn);
}

/** For stderr: each message on one line of its own, whatever the text it quotes holds. */
export function safeLine(text: string): string {
  return `${safeText(text.replace(/\r?\n$/, ""))}\n`;
}

const UNSAFE_BUT_NEWLINES = /\u001b\[[0-9;]*m|[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * For a report of several lines written by code that quotes drafts (the git hooks' stderr): each
 * line keeps its colour codes (SGR, `ESC [ … m`) and loses every other control character, and
 * no line can start a workflow command — a line beginning `::` can only come from a newline
 * inside a quoted value, and is shown with the newline's stand-in.
 */
export function safeReport(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINES, (m) => (m.length > 1 ? m : standIn(m))).replace(/^::/gm, "\u240a::");
}
