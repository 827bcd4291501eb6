// dropout (and its backward, which applies the same mask): out = x ⊙ keep · scale, where
// element i is kept when streamHash(i) >> 8 >= threshold (P = 1 - rate) and scale = 1/(1 - rate)
// rounded to f32 on the host, so x·scale is the CPU's correctly rounded f32 product.
// Entry `inPlace` reads and writes `out` (x and out are one tensor).
//
// Bindings (group 0):
//   0 params  uniform              Params
//   1 x       storage, read        array<f32>  (main only)
//   2 out     storage, read_write  array<f32>

struct Params {
  models: u32,
  count: u32,
  threshold: u32,
  scale: f32,
  keyA: u32,
  keyB: u32,
  xModel: u32,
  outModel: u32,
}

override WG: u32 = 64;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

fn masked(value: f32, i: u32) -> f32 {
  if (streamHash(params.keyA, params.keyB, i) >> 8u >= params.threshold) {
    return value * params.scale;
  }
  return 0.0;
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  for (var model = gid.z; model < params.models; model += groups.z) {
    let xBase = model * params.xModel;
    let outBase = model * params.outModel;
    let count = min(params.count, min(room(arrayLength(&x), xBase), room(arrayLength(&out), outBase)));
    for (var i = gid.x; i < count; i += groups.x * WG) {
      out[outBase + i] = masked(x[xBase + i], model * params.count + i);
    }
  }
}

@compute @workgroup_size(WG)
fn inPlace(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  for (var model = gid.z; model < params.models; model += groups.z) {
    let outBase = model * params.outModel;
    let count = min(params.count, room(arrayLength(&out), outBase));
    for (var i = gid.x; i < count; i += groups.x * WG) {
      out[outBase + i] = masked(out[outBase + i], model * params.count + i);
    }
  }
}
