/**
 * What a rule is. One rule, one file under `src/rules/<pack>/`: the file exports a `Rule` whose
 * words (description, messages, explanation, examples, patterns) live in `rules/<pack>.yaml`
 * under the same id, and whose logic is `check`. The engine knows no rule by name.
 */
import type { Location, Message, Severity } from "../types.js";
import type { ResolvedConfig } from "../config/schema.js";
import type { PackRule } from "../packs/schema.js";
import type { ValidationIssue } from "../config/errors.js";
import type { Redaction } from "./redact.js";
import type { RecipientHistory } from "../history/historyModel.js";

/** `warn`, or audience-aware `internal → external` (SPEC §3). */
export type DefaultSeverity = Severity | { internal: Severity; external: Severity };

export interface ReportDescriptor {
  /** Key into the rule's `messages` in its pack; `{{name}}` placeholders are filled from `data`. */
  messageId: string;
  data?: Record<string, string | number>;
  location: Location;
  excerpt?: string | null;
  target?: string | null;
  /** The words the decision rests on. */
  evidence?: string[];
  /** Addresses of who will read the offending text; defaults to every recipient. */
  readers?: string[];
  suggestion?: string | null;
  /**
   * Read the finding at the external severity whatever the message's audience: used for internal
   * content that is being forwarded outward.
   */
  asExternal?: boolean;
  /**
   * Report one level below the rule's severity (error → warn → info): for the same fact in a
   * milder form, such as an outsider on Bcc, who sees the message but is not seen by the others.
   */
  demote?: boolean;
  /**
   * Sensitive values this finding is about (a card number, a token), reported masked: no finding
   * of any rule may print them, so the engine replaces each with its masked form in every finding.
   */
  redact?: Redaction[];
}

export interface RuleContext<Options = Record<string, unknown>> {
  message: Message;
  config: ResolvedConfig;
  options: Options;
  /** The rule's entry in its pack: messages, patterns, word lists, suggestions. */
  data: PackRule;
  /**
   * Another active rule's entry, from the packs in use (undefined when no active pack has it): a
   * rule that reads another's findings (profanity skips what disparaging-customer reported) reads
   * them with the words of the pack being linted or tested, never the built-in copy.
   */
  dataOf(ruleId: string): PackRule | undefined;
  /**
   * The sender's recipient history (`draftlint learn`), read on first call. Only rules with
   * `needsHistory` are given one: they are not run at all when there is none.
   */
  history(): RecipientHistory;
  report(descriptor: ReportDescriptor): void;
}

/** What a rule's options schema must do (a zod schema does); no zod types in the typings. */
export interface OptionsSchema<Options> {
  safeParse(value: unknown): { success: true; data: Options } | { success: false; error: { issues: ValidationIssue[] } };
}

export interface Rule<Options = Record<string, unknown>> {
  id: string;
  pack: string;
  /**
   * Validates the options a user gives in `rules: { id: [severity, options] }`. A function, so
   * the schema (and zod) is built only when a user gives options.
   */
  optionsSchema?: () => OptionsSchema<Options>;
  defaultOptions?: Options;
  /** Runs on messages of these kinds; bare text has no recipients. */
  appliesTo?: Array<Message["kind"]>;
  /** Runs only when a recipient history exists (the `history` pack). */
  needsHistory?: boolean;
  /**
   * The keys of `patterns` its logic reads from its pack entry. When given, a pack entry for this
   * rule must have exactly these (an empty list is allowed): a misspelt key would otherwise leave
   * the list the code reads empty, and silently switch a construction off.
   */
  dataKeys?: readonly string[];
  check(context: RuleContext<Options>): void | Promise<void>;
}

export function defineRule<Options = Record<string, unknown>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}
