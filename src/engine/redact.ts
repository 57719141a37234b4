/**
 * Sensitive values kept out of every finding. A rule that finds a card number or a token reports
 * it masked, and names the raw value in `redact`; another rule's finding on the same sentence (a
 * tone rule quoting it, `shouting` quoting "AKIAIOSFODNN7EXAMPLE") would reprint it, so once
 * every rule has run each raw value is replaced by its masked form in every finding's text.
 */
import type { Finding } from "../types.js";

export interface Redaction {
  /** The value as written in the message. */
  value: string;
  /** What a report shows instead. */
  masked: string;
}

function redactText(text: string, redactions: readonly Redaction[]): string {
  let out = text;
  for (const { value, masked } of redactions) if (out.includes(value)) out = out.split(value).join(masked);
  return out;
}

export function redactFindings(findings: Finding[], redactions: readonly Redaction[]): void {
  // Longest first, so that a value inside another (a sort code inside its line) is not half-masked.
  const ordered = [...redactions].filter((r) => r.value.length > 0).sort((a, b) => b.value.length - a.value.length);
  for (const f of findings) {
    f.message = redactText(f.message, ordered);
    if (f.excerpt) f.excerpt = redactText(f.excerpt, ordered);
    if (f.target) f.target = redactText(f.target, ordered);
    if (f.suggestion) f.suggestion = redactText(f.suggestion, ordered);
    f.evidence = f.evidence.map((e) => redactText(e, ordered));
  }
}
