/**
 * The tone network's forward pass: one convolution over three-token windows of a sentence, each
 * token read as its word's learned vector (a projection of its GloVe vector, so an unseen word
 * reads like its neighbours) and the token signals of ./features.ts (a customer mention, quotation,
 * negation, laughter, swearing, valence). Each filter's strongest window is taken over the whole
 * sentence and over the tokens near a mention; a softmax over four classes reads those, with the
 * sentence's dense signals. A window of three sees "is a proper halfwit", "like a herd of",
 * "not stupid": who is spoken about and how, together.
 *
 * `npm run train` learns the parameters (scripts/train.mjs, which checks its own forward pass
 * against this one before writing them).
 */

export interface NetworkParams {
  /** Width of a token's input: the word vector's size plus the token signals. */
  inputs: number;
  filters: number;
  /** filters × (3 × inputs), window position-major. */
  conv: ArrayLike<number>;
  convBias: ArrayLike<number>;
  /** classes × (2 × filters + dense), without the ok class (its logit is 0). */
  out: ArrayLike<number>;
  outBias: ArrayLike<number>;
  dense: number;
}

export interface ForwardPass {
  /** Logits of the classes after ok. */
  logits: Float64Array;
  /** Per filter: the strongest activation and the window centre it came from, overall and near a mention. */
  maxAll: Float64Array;
  argAll: Int32Array;
  maxNear: Float64Array;
  argNear: Int32Array;
}

export const WINDOW = 3;

/**
 * The word vectors' share of every filter's window sums, worked out once per word (projectWord)
 * instead of once per token and filter: `rows[t]` is token t's, or null for a word without a
 * vector. `x` then holds only each token's inputs after the vector: tokens × (inputs − dims).
 */
export interface WordPart {
  dims: number;
  rows: ReadonlyArray<Float64Array | null>;
}

/**
 * What a word vector (the first `dims` inputs of a token) adds to each filter at each window
 * position, indexed position × filters + filter (the order the forward pass reads them in).
 * Summed on its own and then added to the window's sum, where a plain forward pass adds its
 * products one by one: the same figures to about 1e-15, not to the bit (the verdicts of the dev
 * set, the held-out set and 5,000 real messages are the same).
 */
export function projectWord(p: NetworkParams, vector: ArrayLike<number>, dims: number): Float64Array {
  const FK = p.filters * WINDOW;
  const columns = vectorColumns(p, dims);
  const out = new Float64Array(FK);
  // Dimension by dimension over one contiguous row of weights: each sum still adds its products
  // in the order of the dimensions, from 0, so the figures are the same to the bit as the loop over
  // filters that strode through conv.
  for (let h = 0; h < dims; h++) {
    const v = vector[h];
    if (v === 0) continue;
    for (let j = 0, w = h * FK; j < FK; j++, w++) out[j] += columns[w] * v;
  }
  return out;
}

/** The word-vector weights of `conv` by dimension: [h][k × filters + f], worked out once per network. */
const columnsOf = new WeakMap<NetworkParams, Float64Array>();
function vectorColumns(p: NetworkParams, dims: number): Float64Array {
  let columns = columnsOf.get(p);
  if (!columns || columns.length !== dims * p.filters * WINDOW) {
    const { inputs: C, filters: F, conv } = p;
    columns = new Float64Array(dims * F * WINDOW);
    for (let f = 0; f < F; f++) for (let k = 0; k < WINDOW; k++) for (let h = 0; h < dims; h++) columns[h * F * WINDOW + k * F + f] = conv[(f * WINDOW + k) * C + h];
    columnsOf.set(p, columns);
  }
  return columns;
}

/**
 * The lists of non-zero inputs and the running window sums, reused from call to call and grown as
 * needed: made anew for every sentence, their backing stores were a tenth of a run's garbage
 * collection.
 */
let scratch = { index: new Int32Array(0), value: new Float64Array(0), count: new Int32Array(0), sums: new Float64Array(0) };

/** `x` is tokens × inputs, row-major (tokens × (inputs − dims) with `words`). */
export function forward(p: NetworkParams, x: ArrayLike<number>, tokens: number, near: readonly boolean[], dense: ArrayLike<number>, words?: WordPart): ForwardPass {
  const { inputs: C, filters: F } = p;
  // Read once into locals: the loops below run a few million times a folder, and V8 does not
  // hoist the loads of `p.conv` out of them by itself.
  const conv = p.conv;
  const convBias = p.convBias;
  const maxAll = new Float64Array(F);
  const maxNear = new Float64Array(F);
  const argAll = new Int32Array(F).fill(-1);
  const argNear = new Int32Array(F).fill(-1);
  const dims = words ? words.dims : 0;
  const stride = C - dims;
  // Most inputs are zero (an unknown word's vector, the token signals that are off): each token's
  // non-zero inputs are listed once, index and value side by side in flat arrays (token `at`'s
  // from at × C), and only they are multiplied. Adding w·0 never changed a sum, so skipping them
  // leaves the results the same to the bit.
  if (scratch.index.length < tokens * C || scratch.sums.length < F) {
    scratch = { index: new Int32Array(tokens * C * 2), value: new Float64Array(tokens * C * 2), count: new Int32Array(tokens * 2), sums: new Float64Array(F) };
  }
  const { index, value, count, sums } = scratch;
  for (let at = 0; at < tokens; at++) {
    const from = at * C;
    const row = at * stride - dims;
    let n = from;
    for (let c = dims; c < C; c++) {
      const v = x[row + c];
      if (v !== 0) {
        index[n] = c;
        value[n] = v;
        n++;
      }
    }
    count[at] = n - from;
  }
  // Window position by position, every filter's sum at once: each filter still adds its terms in
  // the order of a plain forward pass (the bias, then per position the word's share and the
  // token's inputs), so the sums are the same to the bit, but a token's inputs are found once per
  // position rather than once per filter.
  const WC = WINDOW * C;
  for (let t = 0; t < tokens; t++) {
    // The window's positions that fall inside the sentence (k = 0 is the token before t).
    const firstK = t === 0 ? 1 : 0;
    const lastK = t === tokens - 1 ? 1 : 2;
    for (let f = 0; f < F; f++) sums[f] = convBias[f];
    for (let k = firstK; k <= lastK; k++) {
      const at = t + k - 1;
      const word = words ? words.rows[at] : null;
      if (word) for (let f = 0, o = k * F; f < F; f++) sums[f] += word[o + f];
      const from = at * C;
      const end = from + count[at];
      for (let n = from; n < end; n++) {
        const v = value[n];
        for (let f = 0, w = k * C + index[n]; f < F; f++, w += WC) sums[f] += conv[w] * v;
      }
    }
    const isNear = near[t];
    for (let f = 0; f < F; f++) {
      const s = sums[f];
      if (s <= 0) continue;
      if (s > maxAll[f]) {
        maxAll[f] = s;
        argAll[f] = t;
      }
      if (isNear && s > maxNear[f]) {
        maxNear[f] = s;
        argNear[f] = t;
      }
    }
  }
  const K = p.outBias.length;
  const width = 2 * F + p.dense;
  const logits = new Float64Array(K);
  for (let c = 0; c < K; c++) {
    let s = p.outBias[c];
    const o = c * width;
    for (let f = 0; f < F; f++) s += p.out[o + f] * maxAll[f] + p.out[o + F + f] * maxNear[f];
    for (let d = 0; d < p.dense; d++) s += p.out[o + 2 * F + d] * dense[d];
    logits[c] = s;
  }
  return { logits, maxAll, argAll, maxNear, argNear };
}
