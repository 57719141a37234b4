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

/** `x` is tokens × inputs, row-major. */
export function forward(p: NetworkParams, x: ArrayLike<number>, tokens: number, near: readonly boolean[], dense: ArrayLike<number>): ForwardPass {
  const { inputs: C, filters: F } = p;
  const maxAll = new Float64Array(F);
  const maxNear = new Float64Array(F);
  const argAll = new Int32Array(F).fill(-1);
  const argNear = new Int32Array(F).fill(-1);
  // Most inputs are zero (an unknown word's vector, the token signals that are off): each token's
  // non-zero inputs are listed once and only they are multiplied. The sums are taken in the same
  // order as before, and adding w·0 never changed one, so the results are the same to the bit.
  const nonZero: Int32Array[] = [];
  for (let at = 0; at < tokens; at++) {
    const list: number[] = [];
    for (let c = 0; c < C; c++) if (x[at * C + c] !== 0) list.push(c);
    nonZero.push(Int32Array.from(list));
  }
  for (let t = 0; t < tokens; t++) {
    for (let f = 0; f < F; f++) {
      let s = p.convBias[f];
      const base = f * WINDOW * C;
      for (let k = 0; k < WINDOW; k++) {
        const at = t + k - 1;
        if (at < 0 || at >= tokens) continue;
        const w = base + k * C;
        const xi = at * C;
        const list = nonZero[at];
        for (let n = 0; n < list.length; n++) s += p.conv[w + list[n]] * x[xi + list[n]];
      }
      if (s <= 0) continue;
      if (s > maxAll[f]) {
        maxAll[f] = s;
        argAll[f] = t;
      }
      if (near[t] && s > maxNear[f]) {
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
