// The forward activation's relu in WebAssembly SIMD, in place: f32x4.pmax(x, 0) is `x < 0 ? 0 : x`,
// the CPU reference's `if (x < 0) x = 0` lane by lane (so -0 and NaN stay as they are), bit for
// bit. tanh and sigmoid stay JavaScript's Math.tanh and Math.exp (activationBackward/wasm.ts).

export function reluInPlace(out: usize, count: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const at = out + ((<usize>i) << 2);
    v128.store(at, f32x4.pmax(v128.load(at), zero));
  }
  for (; i < count; i++) {
    const at = out + ((<usize>i) << 2);
    if (load<f32>(at) < 0) store<f32>(at, 0);
  }
}
