/**
 * The configuration a user writes (SPEC §5), as types: validated by the schemas in
 * src/config/configSchema.ts. Plain types, so the library's typings do not need zod.
 */
import type { Severity } from "../types.js";

/** `off`, `[warn, { max: 20 }]`, or `{ internal: warn, external: error }`. */
export type RuleSetting =
  | Severity
  | [Severity]
  | [Severity, Record<string, unknown>]
  | { internal?: Severity; external?: Severity; options?: Record<string, unknown> };

/** The keys a config and an `overrides` entry share. */
interface SharedKeys {
  internalDomains?: string[];
  trustedDomains?: string[];
  internalHosts?: string[];
  people?: string[];
  customerTerms?: string[];
  rules?: Record<string, RuleSetting>;
  templates?: boolean;
}

export interface Override extends SharedKeys {
  files: string[];
}

export interface UserConfig extends SharedKeys {
  packs?: string[];
  overrides?: Override[];
  ignorePatterns?: string[];
  /** Text and template files a directory walk lints (globs relative to the config file). */
  files?: string[];
  /** The real sendmail that `draftlint-sendmail` hands clean messages to. */
  sendmail?: string;
  /** What `draftlint-sendmail` does when draftlint itself fails: refuse (default) or send. */
  onFailure?: "refuse" | "send";
  /** The largest message `draftlint-sendmail` accepts: bytes, or "25 MB" (default 100 MB). */
  maxMessageSize?: number | string;
  /**
   * The recipient history `draftlint learn` writes and the history pack reads (relative to the
   * config file, or `~/…`); false: none. Default: $XDG_DATA_HOME/draftlint/history.
   */
  history?: string | false;
}

/** The config that applies to one file: overrides merged in, defaults filled. */
export interface ResolvedConfig {
  /** From config (and overrides): when empty, the sender's organisation is internal. */
  internalDomains: string[];
  /** `--internal-domain`: internal as well as the configured domains, or the sender's. */
  addedInternalDomains: string[];
  trustedDomains: string[];
  internalHosts: string[];
  people: string[];
  customerTerms: string[];
  packs: string[];
  rules: Record<string, RuleSetting>;
  templates: boolean;
  ignorePatterns: string[];
  sendmail?: string;
  onFailure: "refuse" | "send";
  /** The recipient history to consult (used only when the file exists); null: none. */
  history: string | null;
  /** false with `--no-inline-config`: disable comments in drafts silence nothing. */
  inlineConfig?: boolean;
  /** `--report-unused-disable-directives`: a disable comment that silenced nothing is an error. */
  reportUnusedDisableDirectives?: boolean;
  /** The file the config came from, for error messages; null for defaults. */
  source: string | null;
}

