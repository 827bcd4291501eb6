// sumRows: out[c] = Σ_r x[r, c] (added to out[c] when accumulate), one invocation per column
// summing the rows in order: the CPU reference's order, so the result is deterministic.
//
// Bindings (group 0):
//   0 params  uniform              Params
//   1 x       storage, read        array<f32>  rows×cols
//   2 out     storage, read_write  array<f32>  cols

struct Params {
  models: u32,
  rows: u32,
  cols: u32,
  accumulate: u32,
  xModel: u32,
  outModel: u32,
}

override WG: u32 = 64;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  for (var model = gid.z; model < params.models; model += groups.z) {
    let xBase = model * params.xModel;
    let outBase = model * params.outModel;
    let cols = min(params.cols, room(arrayLength(&out), outBase));
    if (cols == 0u) { continue; }
    let rows = min(params.rows, room(arrayLength(&x), xBase) / params.cols);
    for (var c = gid.x; c < cols; c += groups.x * WG) {
      var sum = select(0.0, out[outBase + c], params.accumulate == 1u);
      for (var r = 0u; r < rows; r++) { sum += x[xBase + r * params.cols + c]; }
      out[outBase + c] = sum;
    }
  }
}
