// mixBatch: mixup of a batch in place, its features, targets and weights in one dispatch.
// In each, rows r and p = rows - 1 - r (r < pairs = rows / 2) become λ·v_r + (1 - λ)·v_p and
// λ·v_p + (1 - λ)·v_r, both from the old values, with λ = (hash >> 8) · 2^-24 of element
// model·rows + r of the stream (keyA, keyB), as mix.ts (mixWeight) draws it. A pair's row
// is inputDim + classes + 1 elements wide across the three tensors; an invocation owns one
// element of one pair, so the update is in place without a race. An odd batch's middle row
// is left as it is.
//
// Bindings (group 0):
//   0 params   uniform              Params
//   1 x        storage, read_write  array<f32>  rows×inputDim
//   2 targets  storage, read_write  array<f32>  rows×classes
//   3 weights  storage, read_write  array<f32>  rows

struct Params {
  models: u32,
  rows: u32,
  inputDim: u32,
  classes: u32,
  keyA: u32,
  keyB: u32,
  xModel: u32,
  targetsModel: u32,
  weightsModel: u32,
}

override WG: u32 = 64;
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> targets: array<f32>;
@group(0) @binding(3) var<storage, read_write> weights: array<f32>;

const UNIT: f32 = 5.9604644775390625e-8; // 2^-24

// The blend of one pair's element: (λ·a + (1 - λ)·b, λ·b + (1 - λ)·a).
fn blend(lambda: f32, a: f32, b: f32) -> vec2f {
  let rest = 1.0 - lambda;
  return vec2f(lambda * a + rest * b, lambda * b + rest * a);
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let pairs = params.rows / 2u;
  let width = params.inputDim + params.classes + 1u;
  let count = pairs * width;
  for (var model = gid.z; model < params.models; model += groups.z) {
    let xBase = model * params.xModel;
    let targetsBase = model * params.targetsModel;
    let weightsBase = model * params.weightsModel;
    if (params.rows * params.inputDim > room(arrayLength(&x), xBase)
      || params.rows * params.classes > room(arrayLength(&targets), targetsBase)
      || params.rows > room(arrayLength(&weights), weightsBase)) { continue; }
    for (var i = gid.x; i < count; i += groups.x * WG) {
      let r = i / width;
      let e = i - r * width;
      let p = params.rows - 1u - r;
      let lambda = f32(streamHash(params.keyA, params.keyB, model * params.rows + r) >> 8u) * UNIT;
      if (e < params.inputDim) {
        let v = blend(lambda, x[xBase + r * params.inputDim + e], x[xBase + p * params.inputDim + e]);
        x[xBase + r * params.inputDim + e] = v.x;
        x[xBase + p * params.inputDim + e] = v.y;
      } else if (e < params.inputDim + params.classes) {
        let c = e - params.inputDim;
        let v = blend(lambda, targets[targetsBase + r * params.classes + c], targets[targetsBase + p * params.classes + c]);
        targets[targetsBase + r * params.classes + c] = v.x;
        targets[targetsBase + p * params.classes + c] = v.y;
      } else {
        let v = blend(lambda, weights[weightsBase + r], weights[weightsBase + p]);
        weights[weightsBase + r] = v.x;
        weights[weightsBase + p] = v.y;
      }
    }
  }
}
