// fill: out[i] = value for i < count.
//
// Bindings (group 0):
//   0 params  uniform              Params
//   1 out     storage, read_write  array<f32>

struct Params {
  models: u32,
  count: u32,
  value: f32,
  outModel: u32,
}

override WG: u32 = 64;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  for (var model = gid.z; model < params.models; model += groups.z) {
    let base = model * params.outModel;
    let count = min(params.count, room(arrayLength(&out), base));
    for (var i = gid.x; i < count; i += groups.x * WG) {
      out[base + i] = params.value;
    }
  }
}
