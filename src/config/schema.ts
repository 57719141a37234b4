/**
 * The configuration a user writes (SPEC §5), validated with zod so that an unknown key, a wrong
 * type or a bad severity is reported with its key path.
 */
import { z } from "zod";

/**
 * The schemas are built on first use, not at import: a run with no config file never needs them,
 * and building zod schemas is a measurable part of a cold start.
 */
function buildSchemas() {
  const severity = z.enum(["off", "info", "warn", "error"]);

  /** `off`, `[warn, { max: 20 }]`, or `{ internal: warn, external: error }`. */
  const ruleSettingSchema = z.union([
    severity,
    z.tuple([severity]),
    z.tuple([severity, z.record(z.string(), z.unknown())]),
    z
      .object({
        internal: severity.optional(),
        external: severity.optional(),
        options: z.record(z.string(), z.unknown()).optional(),
      })
      .strict(),
  ]);

  const sharedKeys = {
    internalDomains: z.array(z.string().min(1)).optional(),
    trustedDomains: z.array(z.string().min(1)).optional(),
    internalHosts: z.array(z.string().min(1)).optional(),
    people: z.array(z.string().min(1)).optional(),
    customerTerms: z.array(z.string().min(1)).optional(),
    rules: z.record(z.string(), ruleSettingSchema).optional(),
    templates: z.boolean().optional(),
  };

  const overrideSchema = z
    .object({
      files: z.array(z.string().min(1)).min(1),
      ...sharedKeys,
    })
    .strict();

  const configSchema = z
    .object({
      ...sharedKeys,
      packs: z.array(z.string().min(1)).optional(),
      overrides: z.array(overrideSchema).optional(),
      ignorePatterns: z.array(z.string().min(1)).optional(),
      /** Text and template files a directory walk lints (globs relative to the config file). */
      files: z.array(z.string().min(1)).optional(),
      /** The real sendmail that `draftlint-sendmail` hands clean messages to. */
      sendmail: z.string().min(1).optional(),
      /** What `draftlint-sendmail` does when draftlint itself fails: refuse (default) or send. */
      onFailure: z.enum(["refuse", "send"]).optional(),
    })
    .strict();

  return { ruleSettingSchema, overrideSchema, configSchema };
}

type Schemas = ReturnType<typeof buildSchemas>;
let schemas: Schemas | undefined;

export function configSchemas(): Schemas {
  return (schemas ??= buildSchemas());
}

export type RuleSetting = z.infer<Schemas["ruleSettingSchema"]>;
export type UserConfig = z.infer<Schemas["configSchema"]>;
export type Override = z.infer<Schemas["overrideSchema"]>;

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
  /** false with `--no-inline-config`: disable comments in drafts silence nothing. */
  inlineConfig?: boolean;
  /** `--report-unused-disable-directives`: a disable comment that silenced nothing is an error. */
  reportUnusedDisableDirectives?: boolean;
  /** The file the config came from, for error messages; null for defaults. */
  source: string | null;
}

