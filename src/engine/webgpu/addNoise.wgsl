// addNoise: x[i] += deviation · z_i with z_i the Irwin-Hall approximate normal of
// src/engine/cpu/random.ts: the sum of four 16-bit halves of hashes 2i and 2i+1, centred
// (-131070) and scaled by NOISE_SCALE = √3/65536. The integer sum is exact and each float
// step is one f32 operation, as in the CPU reference.
//
// Bindings (group 0):
//   0 params  uniform              Params
//   1 x       storage, read_write  array<f32>

struct Params {
  models: u32,
  count: u32,
  deviation: f32,
  keyA: u32,
  keyB: u32,
  xModel: u32,
}

override WG: u32 = 64;
override NOISE_SCALE: f32;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;

fn noiseNormal(i: u32) -> f32 {
  let h1 = streamHash(params.keyA, params.keyB, 2u * i);
  let h2 = streamHash(params.keyA, params.keyB, 2u * i + 1u);
  let sum = (h1 & 0xffffu) + (h1 >> 16u) + (h2 & 0xffffu) + (h2 >> 16u);
  return f32(i32(sum) - 131070) * NOISE_SCALE;
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  for (var model = gid.z; model < params.models; model += groups.z) {
    let base = model * params.xModel;
    let count = min(params.count, room(arrayLength(&x), base));
    for (var i = gid.x; i < count; i += groups.x * WG) {
      x[base + i] = x[base + i] + params.deviation * noiseNormal(model * params.count + i);
    }
  }
}
