import type { Transpose } from '../backend.ts';

/**
 * out (m×n) = op(a)·op(b), or out += it. Each case keeps its innermost loop over
 * contiguous memory; no transposed copy is made.
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

/** out[i, j] += Σ_p a[p, i]·b[p, j]: a sum of outer products, one per row p of a and b. */
function matmulTN(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number): void {
  for (let p = 0; p < k; p++) {
    const aRow = p * m;
    const bRow = p * n;
    for (let i = 0; i < m; i++) {
      const scale = a[aRow + i];
      if (scale === 0) continue;
      const outRow = i * n;
      for (let j = 0; j < n; j++) out[outRow + j] += scale * b[bRow + j];
    }
  }
}
