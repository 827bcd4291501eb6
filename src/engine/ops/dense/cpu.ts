import { cpuTensor, slice } from '../../cpu/tensor.ts';
import { opModels } from '../../core/tensor.ts';
import type { Activation } from '../../core/shapes.ts';
import type { DenseOp } from './dense.ts';
import { activate } from '../activationBackward/cpu.ts';
import { addSparseRowTimes, listNonZero } from '../../cpu/sparseRow.ts';

/** Positions of a row's non-zero inputs (grown to the widest row seen; the CPU backend runs one op at a time). */
let nonZero = new Int32Array(64);

/**
 * out (rows×outDim) = act(x·w + b). Per row, the non-zero inputs are listed once (relu
 * outputs, one-hot rows and blank pixels are mostly zeros) and the row is summed over them
 * (sparseRow.ts): each output starts as its bias and adds x[p]·w[p, j] in order of p, rounding
 * to f32 at every step; then it is activated while still in cache.
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
  if (nonZero.length < inDim) nonZero = new Int32Array(inDim);
  for (let r = 0; r < rows; r++) {
    const count = listNonZero(x, r * inDim, inDim, nonZero);
    addSparseRowTimes(out, r * outDim, b, 0, x, r * inDim, nonZero, count, w, outDim);
    activate(out, r * outDim, (r + 1) * outDim, activation);
  }
}

/** The op on the CPU: dense over each model's slices. */
export const cpuDense: DenseOp['dense'] = (x, w, b, out, rows, inDim, outDim, activation) => {
  const [tx, tw, tb, to] = [cpuTensor(x), cpuTensor(w), cpuTensor(b), cpuTensor(out)];
  for (let k = 0, K = opModels('dense', [to], [tx, tw, tb]); k < K; k++) {
    dense(slice(tx, k), slice(tw, k), slice(tb, k), slice(to, k), rows, inDim, outDim, activation);
  }
};
