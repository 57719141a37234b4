/**
 * The zod schemas that validate a rule pack on load (src/packs/schema.ts has the types they
 * produce). Kept apart from the types so that the library's published typings never pull in zod's
 * (a consumer's tsc spent 19 s in them).
 */
import { z } from "zod";
import type { Pack, PackExample, PackRule } from "./schema.js";

/** Built on first use: the built-in packs arrive validated at build time (dist/packs/*.json). */
function buildSchemas() {
  const severity = z.enum(["off", "info", "warn", "error"]);

  const defaultSeveritySchema = z.union([
    severity,
    z.object({ internal: severity, external: severity }).strict(),
  ]);

  /**
   * An example is a bare text (linted as a body with no headers), or a whole draft in RFC 5322
   * form when the rule needs recipients, with optional config for that example.
   */
  const packExampleSchema = z.union([
    z.string(),
    z
      .object({
        text: z.string().optional(),
        eml: z.string().optional(),
        config: z.record(z.string(), z.unknown()).optional(),
        note: z.string().optional(),
        target: z.string().optional(),
        messageId: z.string().optional(),
        history: z
          .array(z.object({ to: z.string().min(1), cc: z.string().optional(), from: z.string().optional(), times: z.number().int().min(1).optional() }).strict())
          .optional(),
      })
      .strict()
      .refine((e) => (e.text === undefined) !== (e.eml === undefined), {
        message: "an example needs exactly one of `text` or `eml`",
      }),
  ]);

  const packRuleSchema = z
    .object({
      id: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, "rule ids are kebab-case"),
      description: z.string().min(1),
      severity: defaultSeveritySchema,
      messages: z.record(z.string(), z.string()).refine((m) => Object.keys(m).length > 0, {
        message: "a rule needs at least one message",
      }),
      explanation: z.string().min(1),
      /** Words and patterns the rule's logic reads; each rule documents its own keys. */
      patterns: z.record(z.string(), z.unknown()).default({}),
      /**
       * For a rule with no code of its own (user packs): plain phrases, matched case-insensitively
       * on word boundaries in the new body text and the subject.
       */
      phrases: z.array(z.string().min(1)).optional(),
      suggestions: z.record(z.string(), z.string()).default({}),
      examples: z
        .object({
          flag: z.array(packExampleSchema).default([]),
          pass: z.array(packExampleSchema).default([]),
        })
        .strict()
        .default({ flag: [], pass: [] }),
    })
    .strict();

  const packSchema = z
    .object({
      pack: z.string().regex(/^[a-z][a-z0-9-]*$/),
      description: z.string().default(""),
      /** Word lists shared by the pack's rules (for example the customer-role nouns). */
      lexicons: z.record(z.string(), z.unknown()).default({}),
      rules: z.array(packRuleSchema),
    })
    .strict();

  return { defaultSeveritySchema, packExampleSchema, packRuleSchema, packSchema };
}

type Schemas = ReturnType<typeof buildSchemas>;
let schemas: Schemas | undefined;

export function packSchemas(): Schemas {
  return (schemas ??= buildSchemas());
}


/** The schemas produce exactly the published types: a change to one without the other fails typecheck. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const packTypesMatch: [
  Same<z.infer<Schemas["packExampleSchema"]>, PackExample>,
  Same<z.infer<Schemas["packRuleSchema"]>, PackRule>,
  Same<z.infer<Schemas["packSchema"]> & { source: string }, Pack>,
] = [true, true, true];
void packTypesMatch;
