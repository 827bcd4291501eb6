import type { Activation } from '../backend.ts';

/** Positions of a row's non-zero inputs (grown to the widest row seen; the CPU backend runs one op at a time). */
let nonZero = new Int32Array(64);

/**
 * out (rows×outDim) = act(x·w + b). Per row, the non-zero inputs are listed once (relu
 * outputs, one-hot rows and blank pixels are mostly zeros); then eight outputs at a time
 * are summed in registers over them, and the last few as axpys of w's rows. Each output
 * starts as its bias and adds x[p]·w[p, j] in order of p, rounding to f32 at every step.
 */
export function dense(
  x: Float32Array,
  w: Float32Array,
  b: Float32Array,
  out: Float32Array,
  rows: number,
  inDim: number,
  outDim: number,
  activation: Activation,
): void {
  const fr = Math.fround;
  if (nonZero.length < inDim) nonZero = new Int32Array(inDim);
  const nz = nonZero;
  for (let r = 0; r < rows; r++) {
    const outRow = r * outDim;
    const xRow = r * inDim;
    let count = 0;
    for (let p = 0; p < inDim; p++) if (x[xRow + p] !== 0) nz[count++] = p;
    let j = 0;
    for (; j + 8 <= outDim; j += 8) {
      let a0 = b[j], a1 = b[j + 1], a2 = b[j + 2], a3 = b[j + 3], a4 = b[j + 4], a5 = b[j + 5], a6 = b[j + 6], a7 = b[j + 7];
      for (let q = 0; q < count; q++) {
        const p = nz[q];
        const s = x[xRow + p];
        const at = p * outDim + j;
        a0 = fr(a0 + s * w[at]);
        a1 = fr(a1 + s * w[at + 1]);
        a2 = fr(a2 + s * w[at + 2]);
        a3 = fr(a3 + s * w[at + 3]);
        a4 = fr(a4 + s * w[at + 4]);
        a5 = fr(a5 + s * w[at + 5]);
        a6 = fr(a6 + s * w[at + 6]);
        a7 = fr(a7 + s * w[at + 7]);
      }
      out[outRow + j] = a0;
      out[outRow + j + 1] = a1;
      out[outRow + j + 2] = a2;
      out[outRow + j + 3] = a3;
      out[outRow + j + 4] = a4;
      out[outRow + j + 5] = a5;
      out[outRow + j + 6] = a6;
      out[outRow + j + 7] = a7;
    }
    if (j < outDim) {
      for (let c = j; c < outDim; c++) out[outRow + c] = b[c];
      for (let q = 0; q < count; q++) {
        const p = nz[q];
        const s = x[xRow + p];
        const wRow = p * outDim;
        for (let c = j; c < outDim; c++) out[outRow + c] += s * w[wRow + c];
      }
    }
    activate(out, outRow, outRow + outDim, activation);
  }
}

/** The activation in place on out[from, to), while the row is still in cache. */
function activate(out: Float32Array, from: number, to: number, activation: Activation): void {
  if (activation === 'relu') {
    for (let i = from; i < to; i++) if (out[i] < 0) out[i] = 0;
  } else if (activation === 'tanh') {
    for (let i = from; i < to; i++) out[i] = Math.tanh(out[i]);
  } else if (activation === 'sigmoid') {
    for (let i = from; i < to; i++) out[i] = 1 / (1 + Math.exp(-out[i]));
  }
}
