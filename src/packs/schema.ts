/**
 * The shape of a rule pack (`rules/<pack>.yaml`, or a user's pack): validated on load
 * (src/packs/packSchema.ts) so that a mistake is reported as one line naming the file and the key,
 * never as a crash mid-lint. Plain types, so the library's typings do not need zod.
 */
import type { Severity } from "../types.js";

/**
 * An example is a bare text (linted as a body with no headers), or a whole draft in RFC 5322
 * form when the rule needs recipients, with optional config for that example.
 */
/**
 * A flag example may also name the `target` its finding must be about and the `messageId` it
 * must carry (ESLint's `errors: [{ messageId }]`): it then passes only on that finding.
 */
export type PackExample =
  | string
  | { text?: string; eml?: string; config?: Record<string, unknown>; note?: string; target?: string; messageId?: string; history?: HistoryExample[] };

/**
 * Sent mail a history-pack example is linted against, as if learnt: each entry is `times`
 * messages (default 1) from `from` (default the example's sender) to `to` and `cc`.
 */
export interface HistoryExample {
  to: string;
  cc?: string;
  from?: string;
  times?: number;
}

export interface PackRule {
  id: string;
  description: string;
  severity: Severity | { internal: Severity; external: Severity };
  messages: Record<string, string>;
  explanation: string;
  /** Words and patterns the rule's logic reads; each rule documents its own keys. */
  patterns: Record<string, unknown>;
  /**
   * For a rule with no code of its own (user packs): plain phrases, matched case-insensitively
   * on word boundaries in the new body text and the subject.
   */
  phrases?: string[];
  suggestions: Record<string, string>;
  examples: { flag: PackExample[]; pass: PackExample[] };
}

export interface Pack {
  pack: string;
  description: string;
  /** Word lists shared by the pack's rules (for example the customer-role nouns). */
  lexicons: Record<string, unknown>;
  rules: PackRule[];
  /** The file the pack was read from. */
  source: string;
}
