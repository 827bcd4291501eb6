// softmaxCrossEntropy, fused, one workgroup for the whole batch. Per row r (max-shifted):
// p = softmax(z), CE_r = Σ t·(log Σ e^(z-max) - (z - max)), dz = w_r·(p·Σt - t) / Σ w,
// predicted = argmax z and target = argmax t (first maximum wins). Σ w, Σ w·CE and the
// correct count are reduced in a fixed tree order in workgroup memory, and invocation 0
// alone adds them to stats: deterministic, no float atomics.
//
// Bindings (group 0):
//   0 params   uniform              Params
//   1 logits   storage, read        array<f32>  rows×classes
//   2 targets  storage, read        array<f32>  rows×classes
//   3 weights  storage, read        array<f32>  rows
//   4 dLogits  storage, read_write  array<f32>  rows×classes
//   5 stats    storage, read_write  array<f32>  STATS: Σ w·CE, Σ w, correct, rows

struct Params {
  models: u32,
  rows: u32,
  classes: u32,
  logitsModel: u32,
  targetsModel: u32,
  weightsModel: u32,
  dLogitsModel: u32,
  statsModel: u32,
}

// A power of two: the tree reduction halves it.
override WG: u32 = 64;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> logits: array<f32>;
@group(0) @binding(2) var<storage, read> targets: array<f32>;
@group(0) @binding(3) var<storage, read> weights: array<f32>;
@group(0) @binding(4) var<storage, read_write> dLogits: array<f32>;
@group(0) @binding(5) var<storage, read_write> stats: array<f32>;

var<workgroup> sums: array<f32, WG>;
var<workgroup> counts: array<u32, WG>;

// This workgroup's model: where its slice of each binding starts.
var<private> logitsBase: u32;
var<private> targetsBase: u32;
var<private> weightsBase: u32;
var<private> dLogitsBase: u32;

// Leaves Σ of every invocation's `value` (and `count`) in sums[0] (counts[0]), same order every run.
fn reduce(t: u32, value: f32, count: u32) {
  sums[t] = value;
  counts[t] = count;
  workgroupBarrier();
  for (var half = WG / 2u; half > 0u; half /= 2u) {
    if (t < half) {
      sums[t] += sums[t + half];
      counts[t] += counts[t + half];
    }
    workgroupBarrier();
  }
}

// Writes row r's gradient; returns (weighted CE, 1 when predicted = target).
fn crossEntropyRow(r: u32, gradScale: f32) -> vec2f {
  let l = logitsBase + r * params.classes;
  let t = targetsBase + r * params.classes;
  let d = dLogitsBase + r * params.classes;
  let weight = weights[weightsBase + r];
  var maxLogit = logits[l];
  var predicted = 0u;
  var targetMax = targets[t];
  var targetClass = 0u;
  for (var c = 1u; c < params.classes; c++) {
    if (logits[l + c] > maxLogit) { maxLogit = logits[l + c]; predicted = c; }
    if (targets[t + c] > targetMax) { targetMax = targets[t + c]; targetClass = c; }
  }
  var expSum = 0.0;
  var targetSum = 0.0;
  var targetDotShifted = 0.0;
  for (var c = 0u; c < params.classes; c++) {
    let shifted = logits[l + c] - maxLogit;
    let e = exp(shifted);
    dLogits[d + c] = e;
    expSum += e;
    targetSum += targets[t + c];
    targetDotShifted += targets[t + c] * shifted;
  }
  let rowScale = weight * gradScale;
  for (var c = 0u; c < params.classes; c++) {
    dLogits[d + c] = rowScale * ((dLogits[d + c] / expSum) * targetSum - targets[t + c]);
  }
  return vec2f(weight * (targetSum * log(expSum) - targetDotShifted), select(0.0, 1.0, predicted == targetClass));
}

@compute @workgroup_size(WG)
fn main(@builtin(local_invocation_index) t: u32, @builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  for (var model = wid.z; model < params.models; model += groups.z) {
    logitsBase = model * params.logitsModel;
    targetsBase = model * params.targetsModel;
    weightsBase = model * params.weightsModel;
    dLogitsBase = model * params.dLogitsModel;
    let statsBase = model * params.statsModel;
    let cells = min(min(room(arrayLength(&logits), logitsBase), room(arrayLength(&targets), targetsBase)), room(arrayLength(&dLogits), dLogitsBase));
    let rows = min(min(params.rows, room(arrayLength(&weights), weightsBase)), cells / max(params.classes, 1u));
    var weightSum = 0.0;
    for (var r = t; r < rows; r += WG) { weightSum += weights[weightsBase + r]; }
    reduce(t, weightSum, 0u);
    let totalWeight = sums[0];
    workgroupBarrier();
    let gradScale = select(0.0, 1.0 / totalWeight, totalWeight > 0.0);

    var loss = 0.0;
    var correct = 0u;
    if (params.classes > 0u) {
      for (var r = t; r < rows; r += WG) {
        let result = crossEntropyRow(r, gradScale);
        loss += result.x;
        correct += u32(result.y);
      }
    }
    reduce(t, loss, correct);
    if (t == 0u && room(arrayLength(&stats), statsBase) >= 4u) {
      stats[statsBase] += sums[0];
      stats[statsBase + 1u] += totalWeight;
      stats[statsBase + 2u] += f32(counts[0]);
      stats[statsBase + 3u] += f32(rows);
    }
    // The next model's reductions reuse sums and counts.
    workgroupBarrier();
  }
}
