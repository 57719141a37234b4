/**
 * A pack's `examples: { flag, pass }` are its tests: every `flag` example must make the rule fire
 * (on the `target` and with the `messageId` it names, when it names them) and every `pass`
 * example must not. Used by the test suite for the built-in packs and by
 * `draftlint test-pack` for a user's own.
 */
import { dirname, resolve } from "node:path";
import type { Pack, PackExample } from "./schema.js";
import { validateConfig, resolveConfigFor } from "../config/loadConfig.js";
import { lintSource } from "../engine/lint.js";
import { BUILTIN_PACKS } from "./loadPack.js";
import type { RecipientHistory } from "../history/historyModel.js";
import { HistoryBuilder, digestOf } from "../history/historyBuilder.js";
import { freemailDomains } from "../history/historyFile.js";
import { parseMailboxes } from "../message/addresses.js";

export interface ExampleOutcome {
  ruleId: string;
  expect: "flag" | "pass";
  example: string;
  ok: boolean;
  /** What fired, for a failing example. */
  fired: string[];
}

/** An example's `history:` as an in-memory history, or undefined (the example then has none). */
function exampleHistory(example: PackExample, source: string): RecipientHistory | undefined {
  if (typeof example === "string" || !example.history) return undefined;
  const sender = /^From:\s*(.+)$/im.exec(source)?.[1];
  const h = new HistoryBuilder(freemailDomains());
  let n = 0;
  for (const entry of example.history) {
    const from = parseMailboxes(entry.from ?? sender ?? "")[0]?.address ?? null;
    const recipients = [...parseMailboxes(entry.to), ...parseMailboxes(entry.cc ?? "")];
    for (let i = 0; i < (entry.times ?? 1); i++) h.add({ from, recipients, date: Date.UTC(2024, 0, 1 + n), digest: digestOf(`example ${n++}`) });
  }
  return h;
}

function exampleSource(example: PackExample): { source: string; input: "eml" | "text"; config: Record<string, unknown> } {
  if (typeof example === "string") return { source: example, input: "text", config: {} };
  return example.eml !== undefined
    ? { source: example.eml, input: "eml", config: example.config ?? {} }
    : { source: example.text ?? "", input: "text", config: example.config ?? {} };
}

export async function runPackExamples(pack: Pack): Promise<ExampleOutcome[]> {
  const outcomes: ExampleOutcome[] = [];
  // The pack runs beside the built-in packs, in place of the built-in pack of the same name, so a
  // user's rule is tested as it will run and a built-in pack is tested from the file given.
  const packs = [...BUILTIN_PACKS.filter((name) => name !== pack.pack), resolve(pack.source)];
  for (const rule of pack.rules) {
    for (const expect of ["flag", "pass"] as const) {
      for (const example of rule.examples[expect]) {
        const { source, input, config } = exampleSource(example);
        const loaded = validateConfig({ ...config, packs }, null, dirname(pack.source));
        const result = await lintSource(Buffer.from(source, "utf8"), {
          file: `example.${input === "eml" ? "eml" : "txt"}`,
          config: resolveConfigFor("example", loaded),
          ruleSet: loaded.ruleSet,
          input,
          history: exampleHistory(example, source),
        });
        const wanted = typeof example === "string" ? {} : { target: example.target, messageId: example.messageId };
        const fired = result.findings.filter(
          (f) => f.ruleId === rule.id && (expect === "pass" || ((wanted.target === undefined || f.target === wanted.target) && (wanted.messageId === undefined || f.messageId === wanted.messageId))),
        );
        const ok = expect === "flag" ? fired.length > 0 : fired.length === 0;
        outcomes.push({
          ruleId: rule.id,
          expect,
          example: source,
          ok,
          fired: ok ? [] : result.findings.map((f) => `${f.ruleId}: ${f.message}`),
        });
      }
    }
  }
  return outcomes;
}
