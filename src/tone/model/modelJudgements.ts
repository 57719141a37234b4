/**
 * The learned model's findings for one message, worked out once and shared by the three rules
 * it speaks for (disparaging-customer, gatekeeping, condescension): each sentence the customer
 * reads gets at most one verdict, of one class. A disparaging or gatekeeping verdict needs a
 * customer target in the sentence or the one before it (SPEC §3: aimed at a customer, not near
 * one); condescension is aimed at the reader.
 */
import type { ToneAnalysis, ToneText } from "../analysis.js";
import type { ToneJudgement } from "../report.js";
import type { Mention } from "../targets.js";
import { toneModel, type ModelClass, type ToneModel } from "./classify.js";
import { modelAsks } from "./features.js";
import { SECOND_PERSON } from "../grammar.js";
import { hasAntecedent } from "../clauses.js";
import { builtinModelDir } from "./wordTable.js";

const MEMO = "model";

export function modelJudgements(analysis: ToneAnalysis, cls: ModelClass): ToneJudgement[] {
  let byClass = analysis.memo.get(MEMO) as Map<ModelClass, ToneJudgement[]> | undefined;
  if (!byClass) analysis.memo.set(MEMO, (byClass = judgeAll(analysis)));
  return byClass.get(cls) ?? [];
}

let modelDir: string | undefined;

/** The built-in model (rules/tone-model), read on first use. */
function builtinModel(): ToneModel {
  return toneModel((modelDir ??= builtinModelDir()));
}

/** A word's AFINN-165 valence (−5…5), from the model's word table. */
export function wordValence(word: string): number {
  return builtinModel().words.valence(word);
}

function judgeAll(analysis: ToneAnalysis): Map<ModelClass, ToneJudgement[]> {
  const out = new Map<ModelClass, ToneJudgement[]>();
  const model = builtinModel();
  for (const text of analysis.texts) {
    text.sentences.forEach((sentence, i) => {
      if (!modelAsks(text, i) || !mayBeReported(text, i)) return;
      const verdict = model.judge(text, i);
      if (!verdict) return;
      // A capitalised first word may be no name at all ("Trying to drag my lazy ass to the gym"):
      // it is no one to have judged.
      // "Man is a social animal" points back at no one.
      const named = verdict.mention && !verdict.mention.uncertain && !(verdict.mention.anaphor && !hasAntecedent(text, i));
      let target: ToneJudgement["target"] = named ? { sentence, mention: verdict.mention! } : null;
      if (!target && i > 0) {
        const before = text.sentences[i - 1];
        const mention: Mention | undefined = before.mentions().find((m) => m.personal && !m.possessor && !m.uncertain);
        if (mention) target = { sentence: before, mention };
      }
      if (!target && verdict.cls !== "condescension") return;
      // Talking down is done to someone: the sentence says "you" or names who it speaks to
      // ("Less complicated model to follow" talks down to no one).
      if (verdict.cls === "condescension" && !sentence.mentions().some((m) => !m.uncertain) && !sentence.tokens.some((t) => SECOND_PERSON.has(t.norm))) return;
      const list = out.get(verdict.cls) ?? [];
      list.push({ text, sentence, messageId: "judged", target, targetWords: "the reader", evidence: verdict.evidence });
      out.set(verdict.cls, list);
    });
  }
  return out;
}

/**
 * Whether a verdict on the sentence could be kept by judgeAll, which drops any verdict with no one
 * certain to aim at: no mention in the sentence that is more than a guess (a capitalised first
 * word is `uncertain`), no personal one in the sentence before, and for condescension no "you"
 * either. Such a sentence is not judged at all; the verdicts kept are the same. On 5,000 real
 * messages this spares 1,182 of the 18,917 sentences the model is asked about.
 */
function mayBeReported(text: ToneText, index: number): boolean {
  const sentence = text.sentences[index];
  if (sentence.mentions().some((m) => !m.uncertain)) return true;
  const before = text.sentences[index - 1];
  if (before?.mentions().some((m) => m.personal && !m.possessor && !m.uncertain)) return true;
  return sentence.tokens.some((t) => SECOND_PERSON.has(t.norm));
}

/**
 * A rule's findings: those of its own constructions, then the model's verdicts of its class on
 * sentences the constructions did not already report (each sentence is reported once).
 */
export function withModel(analysis: ToneAnalysis, cls: ModelClass, own: ToneJudgement[]): ToneJudgement[] {
  const seen = new Set(own.map((j) => j.sentence));
  return [...own, ...modelJudgements(analysis, cls).filter((j) => !seen.has(j.sentence))];
}
