// The matmul kernels in WebAssembly SIMD (AssemblyScript, compiled by scripts/buildWasm.mjs).
// Pointers are byte offsets into the runtime's memory; matrices are row-major f32. Every output
// adds its terms in order of p (no reassociation across p, no fused multiply-add), so the
// same inputs give the same bits on every machine; only f32 rounding of each product
// separates them from the CPU reference, which adds exact products.

/**
 * out[j] = init[j] + Σ_p xs[p·xsStep]·mat[p·width + j] for j < width (init 0: from zero),
 * skipping zero xs as the CPU reference does. Sixteen outputs at a time live in four f32x4
 * registers while p runs; the rest four, then one, at a time. `init` may be `out`.
 */
@inline
export function rowTimes(out: usize, init: usize, xs: usize, xsStep: usize, mat: usize, count: i32, width: i32): void {
  const rowBytes = (<usize>width) << 2;
  let j = 0;
  for (; j + 16 <= width; j += 16) {
    const col = (<usize>j) << 2;
    let a0 = f32x4.splat(0);
    let a1 = a0;
    let a2 = a0;
    let a3 = a0;
    if (init) {
      a0 = v128.load(init + col);
      a1 = v128.load(init + col, 16);
      a2 = v128.load(init + col, 32);
      a3 = v128.load(init + col, 48);
    }
    let x = xs;
    let row = mat + col;
    for (let p = 0; p < count; p++) {
      const s = load<f32>(x);
      if (s != 0) {
        const sv = f32x4.splat(s);
        a0 = f32x4.add(a0, f32x4.mul(sv, v128.load(row)));
        a1 = f32x4.add(a1, f32x4.mul(sv, v128.load(row, 16)));
        a2 = f32x4.add(a2, f32x4.mul(sv, v128.load(row, 32)));
        a3 = f32x4.add(a3, f32x4.mul(sv, v128.load(row, 48)));
      }
      x += xsStep;
      row += rowBytes;
    }
    v128.store(out + col, a0);
    v128.store(out + col, a1, 16);
    v128.store(out + col, a2, 32);
    v128.store(out + col, a3, 48);
  }
  for (; j + 4 <= width; j += 4) {
    const col = (<usize>j) << 2;
    let a0 = init ? v128.load(init + col) : f32x4.splat(0);
    let x = xs;
    let row = mat + col;
    for (let p = 0; p < count; p++) {
      const s = load<f32>(x);
      if (s != 0) a0 = f32x4.add(a0, f32x4.mul(f32x4.splat(s), v128.load(row)));
      x += xsStep;
      row += rowBytes;
    }
    v128.store(out + col, a0);
  }
  for (; j < width; j++) {
    const col = (<usize>j) << 2;
    let a0: f32 = init ? load<f32>(init + col) : 0;
    let x = xs;
    let row = mat + col;
    for (let p = 0; p < count; p++) {
      const s = load<f32>(x);
      if (s != 0) a0 += s * load<f32>(row);
      x += xsStep;
      row += rowBytes;
    }
    store<f32>(out + col, a0);
  }
}

/** out (m×n) = a (m×k) · b (k×n), or out += it: each output row a sum of b's rows. */
export function matmulNN(a: usize, b: usize, out: usize, m: i32, k: i32, n: i32, accumulate: bool, start: i32, end: i32): void {
  for (let i = start; i < end; i++) {
    const outRow = out + ((<usize>(i * n)) << 2);
    rowTimes(outRow, accumulate ? outRow : 0, a + ((<usize>(i * k)) << 2), 4, b, k, n);
  }
}

/** out (m×n) = aᵀ·b for a stored k×m, b k×n, or out += it: output row i sums b's rows over a's column i. */
export function matmulTN(a: usize, b: usize, out: usize, m: i32, k: i32, n: i32, accumulate: bool, start: i32, end: i32): void {
  for (let i = start; i < end; i++) {
    const outRow = out + ((<usize>(i * n)) << 2);
    rowTimes(outRow, accumulate ? outRow : 0, a + ((<usize>i) << 2), (<usize>m) << 2, b, k, n);
  }
}

/**
 * out (m×n) = a (m×k) · bᵀ for b stored n×k, or out += it: dot products of contiguous rows,
 * four lanes of partial sums over p (lane l takes p ≡ l mod 4), added (l0 + l1) + (l2 + l3),
 * then the last k mod 4 terms in order.
 */
export function matmulNT(a: usize, b: usize, out: usize, m: i32, k: i32, n: i32, accumulate: bool, start: i32, end: i32): void {
  const k4 = k & ~3;
  for (let i = start; i < end; i++) {
    const aRow = a + ((<usize>(i * k)) << 2);
    const outRow = out + ((<usize>(i * n)) << 2);
    for (let j = 0; j < n; j++) {
      const bRow = b + ((<usize>(j * k)) << 2);
      let lanes = f32x4.splat(0);
      for (let p = 0; p < k4; p += 4) {
        const at = (<usize>p) << 2;
        lanes = f32x4.add(lanes, f32x4.mul(v128.load(aRow + at), v128.load(bRow + at)));
      }
      let sum: f32 = f32x4.extract_lane(lanes, 0) + f32x4.extract_lane(lanes, 1) + (f32x4.extract_lane(lanes, 2) + f32x4.extract_lane(lanes, 3));
      for (let p = k4; p < k; p++) sum += load<f32>(aRow + ((<usize>p) << 2)) * load<f32>(bRow + ((<usize>p) << 2));
      const o = outRow + ((<usize>j) << 2);
      store<f32>(o, accumulate ? load<f32>(o) + sum : sum);
    }
  }
}
