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
import { ownCopy } from "../../text/words.js";
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
  /** The class the model leans to and how sure it is, whatever the threshold (for `npm run train`). */
  score(text: ToneText, index: number): { cls: ModelClass; probability: number } | null;
}

export interface ModelVerdict {
  cls: ModelClass;
  probability: number;
  /** The words the decision rests on, strongest first. */
  evidence: string[];
  mention: Mention | null;
}

/** What the model reads of a word in the table: its row when it has a vector (else -1), and its scores. */
interface WordEntry {
  row: number;
  valence: number;
  profanity: number;
}
const UNKNOWN_WORD: WordEntry = { row: -1, valence: 0, profanity: 0 };
/**
 * Distinct words whose entries are remembered, about 0.5 MB. A word not remembered costs one
 * binary search of the table (about 18 comparisons); at 50,000 the map held 2.2 MB of a worker's
 * heap on 5,000 real messages for no CPU that paired runs could tell apart.
 */
const ENTRIES_KEPT = 10_000;


const models = new Map<string, ToneModel>();
/**
 * Word projections kept per model, about 0.8 MB at 1.5 KB each. At 2,048 (3.2 MB) the run on
 * 5,000 real messages took the same CPU (12.3 against 12.5 s, medians of 3 paired runs) and
 * peaked 3 MB higher with one worker, 8 MB with two: the words used most stay.
 */
const PROJECTIONS_KEPT = 512;

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
  // A token's word is asked for three times (its valence, its swearing, its vector), and common
  // words in every sentence: its row and scores are read from the table once and remembered, up
  // to a bound so a huge run stays flat.
  const entries = new Map<string, WordEntry>();
  const entryOf = (w: string): WordEntry => {
    let found = entries.get(w);
    if (found === undefined) {
      const r = table.row(w);
      found = r < 0 ? UNKNOWN_WORD : { row: table.known(r) ? r : -1, valence: table.value(r, valence), profanity: table.value(r, profanity) };
      if (entries.size >= ENTRIES_KEPT) entries.clear();
      // (A word of 13 characters or more may be a slice of its message; kept as its own copy, it does
      // not keep the message alive. Long words were searched for afresh before: 57k of the 75k
      // table searches on 5,000 real messages.)
      entries.set(w.length >= 13 ? ownCopy(w) : w, found);
    }
    return found;
  };
  const words: WordKnowledge = { valence: (w) => entryOf(w).valence, profanity: (w) => entryOf(w).profanity };
  // Each word's share of the window sums (network.ts, projectWord), kept for the words used most
  // lately: a projection is 1.5 KB and costs a few microseconds, and the 5,000 real messages use
  // 11k distinct words in 170k tokens. The least recently used goes first (a Map iterates in
  // insertion order, and a hit is moved to the end): emptying the map when full, as it did,
  // projected 36k words there, this 25k (both kept 2,048).
  const projections = new Map<number, Float64Array>();
  const vector = new Float64Array(H);
  const projectionOf = (row: number): Float64Array => {
    let found = projections.get(row);
    if (found) {
      projections.delete(row);
    } else {
      for (let h = 0; h < H; h++) vector[h] = table.value(row, h);
      found = projectWord(net, vector, H);
      if (projections.size >= PROJECTIONS_KEPT) projections.delete(projections.keys().next().value!);
    }
    projections.set(row, found);
    return found;
  };

  function judge(text: ToneText, index: number): ModelVerdict | null {
    const read = classify(text, index);
    if (!read || read.probability < weights.thresholds[classes[read.best]]) return null;
    return { cls: classes[read.best], probability: read.probability, evidence: evidenceOf(text.sentences[index], net, read.pass, read.best), mention: read.mention };
  }
  function classify(text: ToneText, index: number) {
    const f = sentenceFeatures(text, index, words);
    // A model trained without negated sentences in its held-out scores leaves them to the
    // constructions, which read negation's scope (weights.json says which it was).
    if (!weights.judgesNegated && negatedNearMention(f)) return null;
    const seq = f.sequence;
    const T = seq.words.length;
    if (!T) return null;
    // The word vectors enter as projections, the token signals after them as the features made them.
    const rows: Array<Float64Array | null> = [];
    for (let t = 0; t < T; t++) {
      const r = seq.words[t] ? entryOf(seq.words[t]).row : -1;
      rows.push(r >= 0 ? projectionOf(r) : null);
    }
    const pass = forward(net, seq.extras, T, seq.near, f.dense, { dims: H, rows });
    const z = pass.logits;
    let best = 0;
    for (let c = 1; c < z.length; c++) if (z[c] > z[best]) best = c;
    const max = Math.max(0, ...z);
    const sum = Math.exp(-max) + z.reduce((s, v) => s + Math.exp(v - max), 0);
    const probability = 1 - Math.exp(-max) / sum;
    return { best, probability, pass, mention: f.mention };
  }
  function score(text: ToneText, index: number) {
    const read = classify(text, index);
    return read && { cls: classes[read.best], probability: read.probability };
  }
  return { words, judge, score };
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

