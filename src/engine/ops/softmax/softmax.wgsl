// softmax: probs[probsRow + r, :] = softmax(logits[r, :]) (max-shifted) for r < rows, one
// invocation per row.
//
// Bindings (group 0):
//   0 params  uniform              Params
//   1 logits  storage, read        array<f32>  rows×classes
//   2 probs   storage, read_write  array<f32>  (probsRow + rows)×classes

struct Params {
  models: u32,
  rows: u32,
  classes: u32,
  probsRow: u32,
  logitsModel: u32,
  probsModel: u32,
}

override WG: u32 = 64;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> logits: array<f32>;
@group(0) @binding(2) var<storage, read_write> probs: array<f32>;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  for (var model = gid.z; model < params.models; model += groups.z) {
    let classes = params.classes;
    if (classes == 0u) { continue; }
    let inBase = model * params.logitsModel;
    let outBase = model * params.probsModel;
    let outRows = room(arrayLength(&probs), outBase) / classes;
    let rows = min(min(params.rows, room(arrayLength(&logits), inBase) / classes), outRows - min(params.probsRow, outRows));
    for (var r = gid.x; r < rows; r += groups.x * WG) {
      let row = inBase + r * classes;
      let outRow = outBase + (params.probsRow + r) * classes;
      var maxLogit = logits[row];
      for (var c = 1u; c < classes; c++) { maxLogit = max(maxLogit, logits[row + c]); }
      var expSum = 0.0;
      for (var c = 0u; c < classes; c++) {
        let e = exp(logits[row + c] - maxLogit);
        probs[outRow + c] = e;
        expSum += e;
      }
      let inverse = 1.0 / expSum;
      for (var c = 0u; c < classes; c++) { probs[outRow + c] *= inverse; }
    }
  }
}
