// addNoise: x[i] += deviation · z_i, z_i the approximate normal of noise.wgsl (the CPU
// reference's, bit for bit).
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
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  for (var model = gid.z; model < params.models; model += groups.z) {
    let base = model * params.xModel;
    let count = min(params.count, room(arrayLength(&x), base));
    for (var i = gid.x; i < count; i += groups.x * WG) {
      x[base + i] = x[base + i] + params.deviation * noiseNormal(params.keyA, params.keyB, model * params.count + i);
    }
  }
}
