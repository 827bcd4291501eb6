// activationBackward: dx = dy ⊙ act'(z), with act' written from the output y = act(z):
// relu' = [y > 0], tanh' = 1 - y², sigmoid' = y·(1 - y), linear' = 1.
// Entry `inPlace` reads dy from dx (dx and dy are one tensor).
//
// Bindings (group 0):
//   0 params  uniform              Params
//   1 y       storage, read        array<f32>
//   2 dy      storage, read        array<f32>  (main only)
//   3 dx      storage, read_write  array<f32>

struct Params {
  models: u32,
  count: u32,
  activation: u32,
  yModel: u32,
  dyModel: u32,
  dxModel: u32,
}

override WG: u32 = 64;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> y: array<f32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read_write> dx: array<f32>;

fn gradient(upstream: f32, value: f32) -> f32 {
  return activationGradient(params.activation, upstream, value);
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  for (var model = gid.z; model < params.models; model += groups.z) {
    let yBase = model * params.yModel;
    let dyBase = model * params.dyModel;
    let dxBase = model * params.dxModel;
    let count = min(params.count, min(room(arrayLength(&y), yBase), min(room(arrayLength(&dy), dyBase), room(arrayLength(&dx), dxBase))));
    for (var i = gid.x; i < count; i += groups.x * WG) {
      dx[dxBase + i] = gradient(dy[dyBase + i], y[yBase + i]);
    }
  }
}

@compute @workgroup_size(WG)
fn inPlace(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  for (var model = gid.z; model < params.models; model += groups.z) {
    let yBase = model * params.yModel;
    let dxBase = model * params.dxModel;
    let count = min(params.count, min(room(arrayLength(&y), yBase), room(arrayLength(&dx), dxBase)));
    for (var i = gid.x; i < count; i += groups.x * WG) {
      dx[dxBase + i] = gradient(dx[dxBase + i], y[yBase + i]);
    }
  }
}
