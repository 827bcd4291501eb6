// reconstructionLoss, fused, one workgroup per model for the whole batch. Per row r:
// dy = w_r·2·(y - t) / (dim·Σ w), and the loss Σ_r w_r·Σ_d (y - t)² / dim. Each invocation
// takes every WG-th column of each row in turn, so its squares are summed row by row (short
// sums, as the CPU's are) before they are weighted; Σ w and the weighted squares are reduced
// in a fixed tree order in workgroup memory, and invocation 0 alone adds them to stats:
// deterministic, no float atomics.
//
// Bindings (group 0):
//   0 params    uniform              Params
//   1 outputs   storage, read        array<f32>  rows×dim
//   2 targets   storage, read        array<f32>  rows×dim
//   3 weights   storage, read        array<f32>  rows
//   4 dOutputs  storage, read_write  array<f32>  rows×dim
//   5 stats     storage, read_write  array<f32>  STATS: Σ w·E, Σ w, correct (untouched), rows

struct Params {
  models: u32,
  rows: u32,
  dim: u32,
  outputsModel: u32,
  targetsModel: u32,
  weightsModel: u32,
  dOutputsModel: u32,
  statsModel: u32,
}

// A power of two: the tree reduction halves it.
override WG: u32 = 64;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> outputs: array<f32>;
@group(0) @binding(2) var<storage, read> targets: array<f32>;
@group(0) @binding(3) var<storage, read> weights: array<f32>;
@group(0) @binding(4) var<storage, read_write> dOutputs: array<f32>;
@group(0) @binding(5) var<storage, read_write> stats: array<f32>;

var<workgroup> sums: array<f32, WG>;

// Leaves Σ of every invocation's `value` in sums[0], same order every run.
fn reduce(t: u32, value: f32) {
  sums[t] = value;
  workgroupBarrier();
  for (var half = WG / 2u; half > 0u; half /= 2u) {
    if (t < half) {
      sums[t] += sums[t + half];
    }
    workgroupBarrier();
  }
}

@compute @workgroup_size(WG)
fn main(@builtin(local_invocation_index) t: u32, @builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let dim = params.dim;
  for (var model = wid.z; model < params.models; model += groups.z) {
    let outputsBase = model * params.outputsModel;
    let targetsBase = model * params.targetsModel;
    let weightsBase = model * params.weightsModel;
    let dOutputsBase = model * params.dOutputsModel;
    let statsBase = model * params.statsModel;
    let cells = min(min(room(arrayLength(&outputs), outputsBase), room(arrayLength(&targets), targetsBase)), room(arrayLength(&dOutputs), dOutputsBase));
    let rows = min(min(params.rows, room(arrayLength(&weights), weightsBase)), cells / max(dim, 1u));
    var weightSum = 0.0;
    for (var r = t; r < rows; r += WG) { weightSum += weights[weightsBase + r]; }
    reduce(t, weightSum);
    let totalWeight = sums[0];
    workgroupBarrier();
    let gradScale = select(0.0, 2.0 / (f32(dim) * totalWeight), totalWeight > 0.0);

    var loss = 0.0;
    for (var r = 0u; r < rows; r++) {
      let weight = weights[weightsBase + r];
      let rowScale = weight * gradScale;
      var squares = 0.0;
      for (var d = t; d < dim; d += WG) {
        let error = outputs[outputsBase + r * dim + d] - targets[targetsBase + r * dim + d];
        squares += error * error;
        dOutputs[dOutputsBase + r * dim + d] = rowScale * error;
      }
      loss += weight * squares;
    }
    reduce(t, loss);
    if (t == 0u && room(arrayLength(&stats), statsBase) >= 4u) {
      stats[statsBase] += sums[0] / f32(dim);
      stats[statsBase + 1u] += totalWeight;
      stats[statsBase + 3u] += f32(rows);
    }
    // The next model's reductions reuse sums.
    workgroupBarrier();
  }
}
