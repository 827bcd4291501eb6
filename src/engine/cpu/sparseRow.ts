/**
 * out[outAt + j] = init[initAt + j] + Σ_q xs[xsAt + p_q]·m[p_q·width + j] for j < width, p_q the
 * `count` positions in `nz` (a row's non-zero inputs, see listNonZero). Eight outputs at a time
 * are summed in registers, the last few as axpys of m's rows; each adds in the order of nz with
 * f32 rounding at every step, exactly as `out[j] += x·m[p, j]` over the rows would. `init` may
 * be `out` itself at the same place (adding onto it).
 */
export function addSparseRowTimes(
  out: Float32Array,
  outAt: number,
  init: Float32Array,
  initAt: number,
  xs: Float32Array,
  xsAt: number,
  nz: Int32Array,
  count: number,
  m: Float32Array,
  width: number,
): void {
  const fr = Math.fround;
  let j = 0;
  for (; j + 8 <= width; j += 8) {
    const i0 = initAt + j;
    let a0 = init[i0], a1 = init[i0 + 1], a2 = init[i0 + 2], a3 = init[i0 + 3], a4 = init[i0 + 4], a5 = init[i0 + 5], a6 = init[i0 + 6], a7 = init[i0 + 7];
    for (let q = 0; q < count; q++) {
      const p = nz[q];
      const s = xs[xsAt + p];
      const at = p * width + j;
      a0 = fr(a0 + s * m[at]);
      a1 = fr(a1 + s * m[at + 1]);
      a2 = fr(a2 + s * m[at + 2]);
      a3 = fr(a3 + s * m[at + 3]);
      a4 = fr(a4 + s * m[at + 4]);
      a5 = fr(a5 + s * m[at + 5]);
      a6 = fr(a6 + s * m[at + 6]);
      a7 = fr(a7 + s * m[at + 7]);
    }
    const o = outAt + j;
    out[o] = a0;
    out[o + 1] = a1;
    out[o + 2] = a2;
    out[o + 3] = a3;
    out[o + 4] = a4;
    out[o + 5] = a5;
    out[o + 6] = a6;
    out[o + 7] = a7;
  }
  if (j === width) return;
  for (let c = j; c < width; c++) out[outAt + c] = init[initAt + c];
  for (let q = 0; q < count; q++) {
    const p = nz[q];
    const s = xs[xsAt + p];
    const row = p * width;
    for (let c = j; c < width; c++) out[outAt + c] += s * m[row + c];
  }
}

/** Writes the positions of xs[at, at + length) that are not zero into nz; returns how many. */
export function listNonZero(xs: Float32Array, at: number, length: number, nz: Int32Array): number {
  let count = 0;
  for (let p = 0; p < length; p++) if (xs[at + p] !== 0) nz[count++] = p;
  return count;
}
