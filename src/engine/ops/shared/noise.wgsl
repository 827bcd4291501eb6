// The approximate normal of ops/shared/random.ts, after random.wgsl (no bindings of its
// own): element i of the stream with keys (keyA, keyB) is the sum of four 16-bit halves of
// hashes 2i and 2i+1, centred (-131070) and scaled by NOISE_SCALE = √3/65536. The integer sum
// is exact and each float step is one f32 operation, as in the CPU reference.

override NOISE_SCALE: f32;

fn noiseNormal(keyA: u32, keyB: u32, i: u32) -> f32 {
  let h1 = streamHash(keyA, keyB, 2u * i);
  let h2 = streamHash(keyA, keyB, 2u * i + 1u);
  let sum = (h1 & 0xffffu) + (h1 >> 16u) + (h2 & 0xffffu) + (h2 >> 16u);
  return f32(i32(sum) - 131070) * NOISE_SCALE;
}
