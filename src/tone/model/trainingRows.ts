/**
 * The rows `npm run train` learns from: every sentence of a passage read exactly as `lint` reads
 * a bare text (the same splitter, tokeniser, mention finder and features), with its offsets so
 * the trainer can tell which sentence carries a labelled span. Built as its own entry
 * (dist/training-rows.js); nothing at lint time imports it.
 */
import { validateConfig, resolveConfigFor } from "../../config/loadConfig.js";
import { readMessage } from "../../message/readMessage.js";
import { analyseMessage } from "../analysis.js";
import { modelAsks, negatedNearMention, sentenceFeatures, DENSE_FEATURES, TOKEN_FEATURES, type WordKnowledge } from "./features.js";
import { forward } from "./network.js";
import { toneModel } from "./classify.js";
import { loadBuiltinPack } from "../../packs/loadPack.js";
import { vetoedClasses } from "../../rules/tone/modelVetoes.js";

export { DENSE_FEATURES, TOKEN_FEATURES, forward };

export interface TrainingRow {
  start: number;
  end: number;
  text: string;
  dense: number[];
  words: string[];
  extras: number[][];
  nearMask: boolean[];
  mention: string | null;
  /** Whether lint time asks the model about this sentence at all (features.ts, modelAsks). */
  asked: boolean;
  /** Negated near its mention: judged only by a model trained with --judge-negated. */
  negated: boolean;
}

const loaded = validateConfig({}, null, process.cwd());
const toneRules = loadBuiltinPack("tone").rules;
const VETOING_RULES = {
  disparaging: toneRules.find((r) => r.id === "disparaging-customer"),
  gatekeeping: toneRules.find((r) => r.id === "gatekeeping"),
};
const config = resolveConfigFor("<input>", loaded);

/** A bare passage read and analysed exactly as `lint` reads a bare text. */
async function analysePassage(passage: string) {
  const message = await readMessage(Buffer.from(passage, "utf8"), "<input>", "text", { internalDomains: [], trustedDomains: [], freemailDomains: new Set() });
  return analyseMessage(message, config);
}

export async function trainingRows(passage: string, words: WordKnowledge): Promise<TrainingRow[]> {
  const analysis = await analysePassage(passage);
  const rows: TrainingRow[] = [];
  for (const text of analysis.texts) {
    if (text.section !== "body") continue;
    text.sentences.forEach((sentence, i) => {
      const f = sentenceFeatures(text, i, words);
      const m = f.mention;
      rows.push({
        start: sentence.start,
        end: sentence.end,
        text: sentence.text,
        dense: [...f.dense],
        words: f.sequence.words,
        extras: f.sequence.words.map((_, t) => [...f.sequence.extras.subarray(t * TOKEN_FEATURES.length, (t + 1) * TOKEN_FEATURES.length)]),
        nearMask: f.sequence.near,
        asked: modelAsks(text, i),
        negated: negatedNearMention(f),
        mention: m ? sentence.text.slice(sentence.tokens[m.first].start - sentence.start, sentence.tokens[m.last].end - sentence.start) : null,
      });
    });
  }
  return rows;
}

/**
 * The pass examples of a built-in tone rule that are bare texts, as the pack loader reads them:
 * the trainer keeps each class's threshold above them. A whole message (`eml:`) or an example
 * with its own config passes or fails by who reads it and how, which a bare passage cannot say.
 */
export function barePassExamples(ruleId: string): string[] {
  return bareExamples(ruleId, "pass").map((e) => e.text);
}

/**
 * The flag or pass examples of a built-in tone rule that are bare texts (as barePassExamples),
 * with the messageId a flag example names: the trainer learns them as an always-in-training
 * writer, so that the network answers the packs' own examples rather than a threshold.
 */
export function bareExamples(ruleId: string, expect: "flag" | "pass"): Array<{ text: string; messageId?: string }> {
  const rule = loadBuiltinPack("tone").rules.find((r) => r.id === ruleId);
  return (rule?.examples[expect] ?? []).flatMap((e) =>
    typeof e === "string" ? [{ text: e }] : e.text !== undefined && !e.eml && !e.config ? [{ text: e.text, messageId: e.messageId }] : [],
  );
}

/**
 * How the model written to `modelDir` scores each sentence of a bare passage at lint time — its
 * shipped, quantised weights, read as `lint` reads them — with the classes the rules veto there:
 * what the trainer keeps each class's threshold above for the packs' pass examples.
 */
export async function shippedScores(passage: string, modelDir: string): Promise<Array<{ cls: string; probability: number; vetoed: string[] }>> {
  const analysis = await analysePassage(passage);
  const model = toneModel(modelDir);
  const out: Array<{ cls: string; probability: number; vetoed: string[] }> = [];
  for (const text of analysis.texts) {
    if (text.section !== "body") continue;
    text.sentences.forEach((sentence, i) => {
      const read = modelAsks(text, i) ? model.score(text, i) : null;
      if (read) out.push({ ...read, vetoed: vetoedClasses(analysis, VETOING_RULES, sentence) });
    });
  }
  return out;
}
