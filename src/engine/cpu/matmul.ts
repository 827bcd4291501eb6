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

/** a transposed (m×k, row i holding a[·, i]), grown to the largest seen; the CPU backend runs one op at a time. */
let transposed = new Float32Array(0);
/** Positions of one row of `transposed` that are non-zero. */
let nonZero = new Int32Array(0);

/**
 * out[i, j] += Σ_p a[p, i]·b[p, j] (a weight gradient Xᵀ·dY). a is transposed once so each
 * output row reads its inputs contiguously; its non-zero ones are listed, and eight outputs
 * at a time are summed in registers over them. Each output adds in order of p with f32
 * rounding at every step, as a sum of outer products would.
 */
function matmulTN(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number): void {
  const fr = Math.fround;
  if (transposed.length < m * k) transposed = new Float32Array(m * k);
  if (nonZero.length < k) nonZero = new Int32Array(k);
  const t = transposed;
  const nz = nonZero;
  for (let p = 0; p < k; p++) for (let i = 0, from = p * m; i < m; i++) t[i * k + p] = a[from + i];
  for (let i = 0; i < m; i++) {
    const tRow = i * k;
    let count = 0;
    for (let p = 0; p < k; p++) if (t[tRow + p] !== 0) nz[count++] = p;
    if (count === 0) continue;
    const outRow = i * n;
    let j = 0;
    for (; j + 8 <= n; j += 8) {
      const o = outRow + j;
      let a0 = out[o], a1 = out[o + 1], a2 = out[o + 2], a3 = out[o + 3], a4 = out[o + 4], a5 = out[o + 5], a6 = out[o + 6], a7 = out[o + 7];
      for (let q = 0; q < count; q++) {
        const p = nz[q];
        const s = t[tRow + p];
        const at = p * n + j;
        a0 = fr(a0 + s * b[at]);
        a1 = fr(a1 + s * b[at + 1]);
        a2 = fr(a2 + s * b[at + 2]);
        a3 = fr(a3 + s * b[at + 3]);
        a4 = fr(a4 + s * b[at + 4]);
        a5 = fr(a5 + s * b[at + 5]);
        a6 = fr(a6 + s * b[at + 6]);
        a7 = fr(a7 + s * b[at + 7]);
      }
      out[o] = a0;
      out[o + 1] = a1;
      out[o + 2] = a2;
      out[o + 3] = a3;
      out[o + 4] = a4;
      out[o + 5] = a5;
      out[o + 6] = a6;
      out[o + 7] = a7;
    }
    for (let q = 0; q < count && j < n; q++) {
      const p = nz[q];
      const s = t[tRow + p];
      const bRow = p * n;
      for (let c = j; c < n; c++) out[outRow + c] += s * b[bRow + c];
    }
  }
}
