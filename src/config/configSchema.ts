/**
 * The zod schemas that validate a user's configuration (SPEC §5), so that an unknown key, a wrong
 * type or a bad severity is reported with its key path. src/config/schema.ts has the types they
 * produce; kept apart so that the library's published typings never pull in zod's.
 */
import { z } from "zod";
import type { Override, RuleSetting, UserConfig } from "./schema.js";

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
      /** The largest message `draftlint-sendmail` accepts: bytes, or "25 MB" (default 100 MB). */
      /** The recipient history file; false for none. */
      history: z.union([z.string().min(1), z.literal(false)]).optional(),
      maxMessageSize: z.union([z.number().int().positive(), z.string().regex(/^\s*\d+(\.\d+)?\s*(b|k|kb|m|mb|g|gb)?\s*$/i, "expected a size such as 100 MB")]).optional(),
    })
    .strict();

  return { ruleSettingSchema, overrideSchema, configSchema };
}

type Schemas = ReturnType<typeof buildSchemas>;
let schemas: Schemas | undefined;

export function configSchemas(): Schemas {
  return (schemas ??= buildSchemas());
}


/** The schemas produce exactly the published types: a change to one without the other fails typecheck. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const configTypesMatch: [
  Same<z.infer<Schemas["ruleSettingSchema"]>, RuleSetting>,
  Same<z.infer<Schemas["overrideSchema"]>, Override>,
  Same<z.infer<Schemas["configSchema"]>, UserConfig>,
] = [true, true, true];
void configTypesMatch;
