// mixRows: mixup of a batch in place. Rows r and p = rows - 1 - r (r < pairs = rows / 2)
// become λ·x_r + (1 - λ)·x_p and λ·x_p + (1 - λ)·x_r, both from the old values, with
// λ = (hash >> 8) · 2^-24 of element model·rows + r of the stream (keyA, keyB), as
// src/engine/cpu/mix.ts draws it. An invocation owns one element of one pair, so the update
// is in place without a race; an odd batch's middle row is left as it is.
//
// Bindings (group 0):
//   0 params  uniform              Params
//   1 x       storage, read_write  array<f32>

struct Params {
  models: u32,
  rows: u32,
  dim: u32,
  keyA: u32,
  keyB: u32,
  xModel: u32,
}

override WG: u32 = 64;
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;

const UNIT: f32 = 5.9604644775390625e-8; // 2^-24

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let pairs = params.rows / 2u;
  let count = pairs * params.dim;
  for (var model = gid.z; model < params.models; model += groups.z) {
    let base = model * params.xModel;
    if (params.rows * params.dim > room(arrayLength(&x), base)) { continue; }
    for (var i = gid.x; i < count; i += groups.x * WG) {
      let r = i / params.dim;
      let e = i - r * params.dim;
      let p = params.rows - 1u - r;
      let lambda = f32(streamHash(params.keyA, params.keyB, model * params.rows + r) >> 8u) * UNIT;
      let rest = 1.0 - lambda;
      let a = x[base + r * params.dim + e];
      let b = x[base + p * params.dim + e];
      x[base + r * params.dim + e] = lambda * a + rest * b;
      x[base + p * params.dim + e] = lambda * b + rest * a;
    }
  }
}
