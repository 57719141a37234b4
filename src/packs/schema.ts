/**
 * The shape of a rule pack (`rules/<pack>.yaml`, or a user's pack): validated on load so that a
 * mistake is reported as one line naming the file and the key, never as a crash mid-lint.
 */
import { z } from "zod";

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

export type PackExample = z.infer<Schemas["packExampleSchema"]>;
export type PackRule = z.infer<Schemas["packRuleSchema"]>;
export type Pack = z.infer<Schemas["packSchema"]> & { source: string };
