// classify: the verdict of each logits row, 2 floats per output row (CLASSIFY in classify.ts):
// out[2·(outRow + r)] = the first class with the largest softmax probability, as a float,
// out[2·(outRow + r) + 1] = that probability, for r < rows; one invocation per row. Each
// probability is computed as softmax.wgsl computes it (exp(z - max) · (1 / Σ exp)), so the
// verdict is the argmax and max of what softmax would write.
//
// Bindings (group 0):
//   0 params  uniform              Params
//   1 logits  storage, read        array<f32>  rows×classes
//   2 out     storage, read_write  array<f32>  (outRow + rows)×2

struct Params {
  models: u32,
  rows: u32,
  classes: u32,
  outRow: u32,
  logitsModel: u32,
  outModel: u32,
}

override WG: u32 = 64;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> logits: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  for (var model = gid.z; model < params.models; model += groups.z) {
    let classes = params.classes;
    if (classes == 0u) { continue; }
    let inBase = model * params.logitsModel;
    let outBase = model * params.outModel;
    let outRows = room(arrayLength(&out), outBase) / 2u;
    let rows = min(min(params.rows, room(arrayLength(&logits), inBase) / classes), outRows - min(params.outRow, outRows));
    for (var r = gid.x; r < rows; r += groups.x * WG) {
      let row = inBase + r * classes;
      var maxLogit = logits[row];
      for (var c = 1u; c < classes; c++) { maxLogit = max(maxLogit, logits[row + c]); }
      var expSum = 0.0;
      for (var c = 0u; c < classes; c++) { expSum += exp(logits[row + c] - maxLogit); }
      let inverse = 1.0 / expSum;
      var best = 0u;
      var bestProbability = exp(logits[row] - maxLogit) * inverse;
      for (var c = 1u; c < classes; c++) {
        let probability = exp(logits[row + c] - maxLogit) * inverse;
        if (probability > bestProbability) {
          best = c;
          bestProbability = probability;
        }
      }
      let at = outBase + 2u * (params.outRow + r);
      out[at] = f32(best);
      out[at + 1u] = bestProbability;
    }
  }
}
