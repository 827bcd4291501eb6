// The sumRows kernel in WebAssembly SIMD: out[c] = Σ_r x[r, c] (or out[c] += it), summed in
// row order as the CPU reference does, so the two agree bit for bit.

/** Sixteen columns at a time in four f32x4 registers, then four, then one. */
export function sumRows(x: usize, rows: i32, cols: i32, out: usize, accumulate: bool): void {
  const rowBytes = (<usize>cols) << 2;
  let c = 0;
  for (; c + 16 <= cols; c += 16) {
    const col = (<usize>c) << 2;
    let a0 = f32x4.splat(0);
    let a1 = a0;
    let a2 = a0;
    let a3 = a0;
    if (accumulate) {
      a0 = v128.load(out + col);
      a1 = v128.load(out + col, 16);
      a2 = v128.load(out + col, 32);
      a3 = v128.load(out + col, 48);
    }
    let at = x + col;
    for (let r = 0; r < rows; r++) {
      a0 = f32x4.add(a0, v128.load(at));
      a1 = f32x4.add(a1, v128.load(at, 16));
      a2 = f32x4.add(a2, v128.load(at, 32));
      a3 = f32x4.add(a3, v128.load(at, 48));
      at += rowBytes;
    }
    v128.store(out + col, a0);
    v128.store(out + col, a1, 16);
    v128.store(out + col, a2, 32);
    v128.store(out + col, a3, 48);
  }
  for (; c + 4 <= cols; c += 4) {
    const col = (<usize>c) << 2;
    let a0 = accumulate ? v128.load(out + col) : f32x4.splat(0);
    let at = x + col;
    for (let r = 0; r < rows; r++) {
      a0 = f32x4.add(a0, v128.load(at));
      at += rowBytes;
    }
    v128.store(out + col, a0);
  }
  for (; c < cols; c++) {
    const col = (<usize>c) << 2;
    let a0: f32 = accumulate ? load<f32>(out + col) : 0;
    let at = x + col;
    for (let r = 0; r < rows; r++) {
      a0 += load<f32>(at);
      at += rowBytes;
    }
    store<f32>(out + col, a0);
  }
}
