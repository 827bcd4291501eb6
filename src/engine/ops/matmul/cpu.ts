import { cpuTensor, slice } from '../../cpu/tensor.ts';
import { opModels } from '../../core/tensor.ts';
import type { MatmulOp, Transpose } from './matmul.ts';
import { addSparseRowTimes, listNonZero } from '../../cpu/sparseRow.ts';

/**
 * out (m×n) = op(a)·op(b), or out += it. Each case keeps its innermost loop over
 * contiguous memory; only 'tn' makes a transposed copy of a.
 */
export function matmul(
  a: Float32Array,
  b: Float32Array,
  out: Float32Array,
  m: number,
  k: number,
  n: number,
  transpose: Transpose,
  accumulate: boolean,
): void {
  if (!accumulate) out.fill(0, 0, m * n);
  if (transpose === 'nn') matmulNN(a, b, out, m, k, n);
  else if (transpose === 'nt') matmulNT(a, b, out, m, k, n);
  else matmulTN(a, b, out, m, k, n);
}

/** out[i, j] += Σ_p a[i, p]·b[p, j]: axpy of b's rows, skipping zero inputs (relu, one-hot, blank pixels). */
function matmulNN(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const outRow = i * n;
    const aRow = i * k;
    for (let p = 0; p < k; p++) {
      const scale = a[aRow + p];
      if (scale === 0) continue;
      const bRow = p * n;
      for (let j = 0; j < n; j++) out[outRow + j] += scale * b[bRow + j];
    }
  }
}

/** out[i, j] += Σ_p a[i, p]·b[j, p]: dot products of two contiguous rows. */
function matmulNT(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const aRow = i * k;
    const outRow = i * n;
    for (let j = 0; j < n; j++) {
      const bRow = j * k;
      let sum = 0;
      for (let p = 0; p < k; p++) sum += a[aRow + p] * b[bRow + p];
      out[outRow + j] += sum;
    }
  }
}

/** a transposed (m×k, row i holding a[·, i]), grown to the largest seen; the CPU backend runs one op at a time. */
let transposed = new Float32Array(0);
/** Positions of one row of `transposed` that are non-zero. */
let nonZero = new Int32Array(0);

/**
 * out[i, j] += Σ_p a[p, i]·b[p, j] (a weight gradient Xᵀ·dY). a is transposed once so each
 * output row reads its inputs contiguously; its non-zero ones are listed and the row is summed
 * over them onto itself (sparseRow.ts): each output adds in order of p with f32 rounding at
 * every step, as a sum of outer products would.
 */
function matmulTN(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number): void {
  if (transposed.length < m * k) transposed = new Float32Array(m * k);
  if (nonZero.length < k) nonZero = new Int32Array(k);
  const t = transposed;
  for (let p = 0; p < k; p++) for (let i = 0, from = p * m; i < m; i++) t[i * k + p] = a[from + i];
  for (let i = 0; i < m; i++) {
    const count = listNonZero(t, i * k, k, nonZero);
    if (count > 0) addSparseRowTimes(out, i * n, out, i * n, t, i * k, nonZero, count, b, n);
  }
}

/** The op on the CPU: matmul over each model's slices. */
export const cpuMatmul: MatmulOp['matmul'] = (a, b, out, m, kDim, n, transpose, accumulate) => {
  const [ta, tb, to] = [cpuTensor(a), cpuTensor(b), cpuTensor(out)];
  for (let k = 0, K = opModels('matmul', [to], [ta, tb]); k < K; k++) matmul(slice(ta, k), slice(tb, k), slice(to, k), m, kDim, n, transpose, accumulate);
};
