/**
 * The learned tone model at lint time: a softmax over four classes (ok, disparaging,
 * gatekeeping, condescension) of one sentence, from the features of ./features.ts and the
 * per-word scores of ./wordTable.ts. `scripts/train.mjs` explains how the weights are made; this
 * file only adds them up, and says which words the decision rests on.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Sentence, ToneText } from "../analysis.js";
import { DENSE_FEATURES, TOKEN_FEATURES, negatedNearMention, sentenceFeatures, type WordKnowledge } from "./features.js";
import { forward, projectWord, type ForwardPass, type NetworkParams } from "./network.js";
import { loadWordTable } from "./wordTable.js";
import type { Mention } from "../targets.js";

export type ModelClass = "disparaging" | "gatekeeping" | "condescension";

interface Weights {
  version: 2;
  classes: ["ok", ModelClass, ModelClass, ModelClass];
  columns: string[];
  tokenFeatures: string[];
  dense: string[];
  network: NetworkParams;
  /** Per class, the probability a verdict needs (chosen on held-out writers; see train/README.md). */
  thresholds: Record<ModelClass, number>;
  /** Whether the model judges sentences negated near their mention, or leaves them to the constructions. */
  judgesNegated?: boolean;
}

export interface ToneModel {
  words: WordKnowledge;
  judge(text: ToneText, index: number): ModelVerdict | null;
}

export interface ModelVerdict {
  cls: ModelClass;
  probability: number;
  /** The words the decision rests on, strongest first. */
  evidence: string[];
  mention: Mention | null;
}

const models = new Map<string, ToneModel>();
/** Word projections kept per model: about 3 MB at 1.5 KB each. */
const PROJECTIONS_KEPT = 2048;

/** The model stored in `dir` (rules/tone-model), read once per process. */
export function toneModel(dir: string): ToneModel {
  let model = models.get(dir);
  if (!model) models.set(dir, (model = loadModel(dir)));
  return model;
}

function loadModel(dir: string): ToneModel {
  const weights = JSON.parse(readFileSync(join(dir, "weights.json"), "utf8")) as Weights;
  if (weights.version !== 2 || !weights.thresholds || weights.dense.join(",") !== DENSE_FEATURES.join(",") || weights.tokenFeatures.join(",") !== TOKEN_FEATURES.join(",")) {
    throw new Error(`${dir}/weights.json was trained on other features; run npm run train`);
  }
  const table = loadWordTable(dir, weights.columns);
  // The same numbers as typed arrays: the forward pass reads them a few million times a folder,
  // and a Float64Array is read without the checks a JSON array needs (same doubles, same sums).
  const params = weights.network;
  const net: NetworkParams = { ...params, conv: Float64Array.from(params.conv), convBias: Float64Array.from(params.convBias), out: Float64Array.from(params.out), outBias: Float64Array.from(params.outBias) };
  const H = weights.columns.filter((c) => /^v\d+$/.test(c)).length;
  const E = TOKEN_FEATURES.length;
  if (net.inputs !== H + E) throw new Error(`${dir}/weights.json: the network reads ${net.inputs} inputs, the table gives ${H + E}`);
  const valence = weights.columns.indexOf("valence");
  const profanity = weights.columns.indexOf("profanity");
  const classes = weights.classes.slice(1) as ModelClass[];
  const lookup = (w: string, column: number) => {
    const r = table.row(w);
    return r < 0 ? 0 : table.value(r, column);
  };
  const words: WordKnowledge = { valence: (w) => lookup(w, valence), profanity: (w) => lookup(w, profanity) };
  // Each word's share of the window sums (network.ts, projectWord), kept for the words seen most
  // lately: the same few thousand words make up most sentences, and a projection is 1.5 KB.
  const projections = new Map<number, Float64Array>();
  const vector = new Float64Array(H);
  const projectionOf = (row: number): Float64Array => {
    let found = projections.get(row);
    if (!found) {
      for (let h = 0; h < H; h++) vector[h] = table.value(row, h);
      if (projections.size >= PROJECTIONS_KEPT) projections.clear();
      projections.set(row, (found = projectWord(net, vector, H)));
    }
    return found;
  };

  function judge(text: ToneText, index: number): ModelVerdict | null {
    const f = sentenceFeatures(text, index, words);
    // A model trained without negated sentences in its held-out scores leaves them to the
    // constructions, which read negation's scope (weights.json says which it was).
    if (!weights.judgesNegated && negatedNearMention(f)) return null;
    const seq = f.sequence;
    const T = seq.words.length;
    if (!T) return null;
    // The word vectors enter as projections; x holds only the token signals after them.
    const x = new Float64Array(T * net.inputs);
    const rows: Array<Float64Array | null> = [];
    for (let t = 0; t < T; t++) {
      const r = seq.words[t] ? table.row(seq.words[t]) : -1;
      rows.push(r >= 0 && table.known(r) ? projectionOf(r) : null);
      x.set(seq.extras[t], t * net.inputs + H);
    }
    const pass = forward(net, x, T, seq.near, f.dense, { dims: H, rows });
    const z = pass.logits;
    let best = 0;
    for (let c = 1; c < z.length; c++) if (z[c] > z[best]) best = c;
    const max = Math.max(0, ...z);
    const sum = Math.exp(-max) + z.reduce((s, v) => s + Math.exp(v - max), 0);
    const probability = 1 - Math.exp(-max) / sum;
    if (probability < weights.thresholds[classes[best]]) return null;
    return { cls: classes[best], probability, evidence: evidenceOf(text.sentences[index], net, pass, best), mention: f.mention };
  }
  return { words, judge };
}

/**
 * The words the verdict rests on: the three-token windows of the filters that pushed hardest
 * towards the class ("proper halfwit", "like a herd"), strongest first.
 */
function evidenceOf(sentence: Sentence, net: NetworkParams, pass: ForwardPass, cls: number): string[] {
  const F = net.filters;
  const width = 2 * F + net.dense;
  const pushes: { t: number; s: number }[] = [];
  for (let f = 0; f < F; f++) {
    const all = net.out[cls * width + f] * pass.maxAll[f];
    const near = net.out[cls * width + F + f] * pass.maxNear[f];
    if (all > 0) pushes.push({ t: pass.argAll[f], s: all });
    if (near > 0) pushes.push({ t: pass.argNear[f], s: near });
  }
  pushes.sort((a, b) => b.s - a.s);
  const out: string[] = [];
  for (const { t, s } of pushes) {
    // A second window only when it weighs about as much as the first.
    if (out.length && s < pushes[0].s / 2) break;
    const window = sentence.tokens.slice(Math.max(0, t - 1), t + 2).filter((tok) => tok.kind !== "punct" || /[!?]/.test(tok.text) || /\p{Extended_Pictographic}/u.test(tok.text));
    const phrase = window.map((tok) => tok.text).join(" ");
    if (phrase && !out.some((o) => o.includes(phrase) || phrase.includes(o))) out.push(phrase);
    if (out.length === 2) break;
  }
  return out;
}

