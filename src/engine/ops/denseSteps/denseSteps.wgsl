// denseSteps: whole training steps of a small MLP in one dispatch, one invocation per model
// (the fully fused MLP of tiny-cuda-nn, cut down to playground sizes). Each invocation walks
// its model's steps, and each step its rows one by one: gather the row, add input noise,
// forward through the dense layers (dropout after each), softmax cross-entropy, backward,
// adding the row's gradients into `gradients`; then the SGD or Adam update over the flat
// buffers. The math, the noise streams and the element numbering of every random draw are
// the per-step kernels' (addNoise, dropout, softmaxCrossEntropy, sgdStep, adamStep), so the
// result equals theirs up to float rounding. No workgroup memory and no barriers: models sit
// in neighbouring invocations, so a software adapter runs them in its SIMD lanes and a GPU
// runs a tiny model at the latency of one thread instead of a dozen dispatches per step.
//
// Bindings (group 0):
//   0 params      uniform              Params
//   1 features    storage, read        array<f32>  training rows × inputDim
//   2 targets     storage, read        array<f32>  training rows × classes
//   3 rowWeights  storage, read        array<f32>  training rows
//   4 order       storage, read        array<i32>  the epoch's row order
//   5 parameters  storage, read_write  array<f32>  the flat parameter buffer
//   6 gradients   storage, read_write  array<f32>  scratch: the step's gradient sums
//   7 moments     storage, read_write  array<f32>  velocity (SGD) or m then v (Adam)
//   8 stats       storage, read_write  array<f32>  STATS: Σ w·CE, Σ w, correct, rows
//
// Eight storage bindings, WebGPU's default per-stage limit: L2 decays each layer's weights
// by the layer table rather than a decay mask, and the host checks the order's row indices
// (a row outside the training set still reads as zeros with weight 0 here).

struct Params {
  models: u32,
  steps: u32,
  batch: u32,
  start: u32,
  length: u32,
  counter: u32,
  inputDim: u32,
  layers: u32,
  parameterCount: u32,
  adam: u32,
  lr: f32,
  momentum: f32,
  l2: f32,
  beta1: f32,
  beta2: f32,
  epsilon: f32,
  inputNoise: f32,
  inputNoiseKey: u32,
  units0: u32, units1: u32, units2: u32, units3: u32, units4: u32,
  activation0: u32, activation1: u32, activation2: u32, activation3: u32, activation4: u32,
  weights0: u32, weights1: u32, weights2: u32, weights3: u32, weights4: u32,
  bias0: u32, bias1: u32, bias2: u32, bias3: u32, bias4: u32,
  // Dropout after each layer: its keep threshold (0: no dropout), scale and stream key.
  keep0: u32, keep1: u32, keep2: u32, keep3: u32,
  dropScale0: f32, dropScale1: f32, dropScale2: f32, dropScale3: f32,
  dropKey0: u32, dropKey1: u32, dropKey2: u32, dropKey3: u32,
  featuresModel: u32,
  targetsModel: u32,
  rowWeightsModel: u32,
  parametersModel: u32,
  gradientsModel: u32,
  momentsModel: u32,
  statsModel: u32,
}

// The widest layer (and input) and the most dense layers fused; the host checks both.
const MAX_WIDTH: u32 = 32u;
const MAX_LAYERS: u32 = 5u;

override WG: u32 = 32;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> features: array<f32>;
@group(0) @binding(2) var<storage, read> targets: array<f32>;
@group(0) @binding(3) var<storage, read> rowWeights: array<f32>;
@group(0) @binding(4) var<storage, read> order: array<i32>;
@group(0) @binding(5) var<storage, read_write> parameters: array<f32>;
@group(0) @binding(6) var<storage, read_write> gradients: array<f32>;
@group(0) @binding(7) var<storage, read_write> moments: array<f32>;
@group(0) @binding(8) var<storage, read_write> stats: array<f32>;

// One layer's numbers, read out of Params once per layer and row.
struct Layer {
  inDim: u32,
  units: u32,
  activation: u32,
  weights: u32,
  bias: u32,
  keep: u32,
  dropScale: f32,
  dropKey: u32,
}

// Per row: xs[l] is layer l's input (after the previous layer's dropout), ys[l] its output.
var<private> xs: array<f32, 160>;
var<private> ys: array<f32, 160>;
// ∂L/∂z of the layer being walked back, and ∂L/∂y of the one below it.
var<private> delta: array<f32, 32>;
var<private> below: array<f32, 32>;

fn layerAt(l: u32) -> Layer {
  var layer: Layer;
  switch l {
    case 0u: { layer = Layer(params.inputDim, params.units0, params.activation0, params.weights0, params.bias0, params.keep0, params.dropScale0, params.dropKey0); }
    case 1u: { layer = Layer(params.units0, params.units1, params.activation1, params.weights1, params.bias1, params.keep1, params.dropScale1, params.dropKey1); }
    case 2u: { layer = Layer(params.units1, params.units2, params.activation2, params.weights2, params.bias2, params.keep2, params.dropScale2, params.dropKey2); }
    case 3u: { layer = Layer(params.units2, params.units3, params.activation3, params.weights3, params.bias3, params.keep3, params.dropScale3, params.dropKey3); }
    default: { layer = Layer(params.units3, params.units4, params.activation4, params.weights4, params.bias4, 0u, 1.0, 0u); }
  }
  layer.inDim = min(layer.inDim, MAX_WIDTH);
  layer.units = min(layer.units, MAX_WIDTH);
  return layer;
}

// The second key of stream (seed, counter), from its first (see ops/shared/random.ts streamKeys).
fn counterKey(keyA: u32, counter: u32) -> u32 {
  return lowbias32(keyA ^ lowbias32(counter));
}

// dropout's mask times its scale for element i (1 without dropout).
fn dropFactor(layer: Layer, keyB: u32, i: u32) -> f32 {
  if (layer.keep == 0u) { return 1.0; }
  return select(0.0, layer.dropScale, streamHash(layer.dropKey, keyB, i) >> 8u >= layer.keep);
}

// One parameter's optimizer step from its gradient sum, which it resets to 0.
fn update(p: u32, g: u32, m: u32, i: u32, l2: f32, firstCorrection: f32, secondCorrection: f32) {
  let count = params.parameterCount;
  let grad = gradients[g + i] + l2 * parameters[p + i];
  gradients[g + i] = 0.0;
  if (params.adam == 1u) {
    let mi = params.beta1 * moments[m + i] + (1.0 - params.beta1) * grad;
    let vi = params.beta2 * moments[m + count + i] + (1.0 - params.beta2) * grad * grad;
    moments[m + i] = mi;
    moments[m + count + i] = vi;
    parameters[p + i] -= (params.lr * (mi * firstCorrection)) / (sqrt(vi * secondCorrection) + params.epsilon);
  } else {
    let v = params.momentum * moments[m + i] + grad;
    moments[m + i] = v;
    parameters[p + i] -= params.lr * v;
  }
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let model = gid.x;
  if (model >= params.models || params.layers == 0u || params.layers > MAX_LAYERS) { return; }
  let featureBase = model * params.featuresModel;
  let targetBase = model * params.targetsModel;
  let weightBase = model * params.rowWeightsModel;
  let p = model * params.parametersModel;
  let g = model * params.gradientsModel;
  let m = model * params.momentsModel;
  let statsBase = model * params.statsModel;
  let inputDim = min(params.inputDim, MAX_WIDTH);
  let classes = layerAt(params.layers - 1u).units;
  // Every flat buffer must hold the walked parameters (moments twice over); otherwise nothing is touched.
  let count = params.parameterCount;
  let fits = count <= room(arrayLength(&parameters), p) && count <= room(arrayLength(&gradients), g) &&
    2u * count <= room(arrayLength(&moments), m);
  if (!fits) { return; }
  let trainingRows = min(min(room(arrayLength(&features), featureBase) / max(inputDim, 1u), room(arrayLength(&targets), targetBase) / classes),
    room(arrayLength(&rowWeights), weightBase));
  let length = min(params.length, arrayLength(&order));
  for (var i = 0u; i < count; i++) { gradients[g + i] = 0.0; }

  var lossSum = 0.0;
  var weightSum = 0.0;
  var correct = 0.0;
  var rowsSeen = 0.0;
  for (var step = 0u; step < params.steps; step++) {
    let first = params.start + step * params.batch;
    if (first >= length) { break; }
    let rows = min(params.batch, length - first);
    let counter = params.counter + step;
    // softmaxCrossEntropy scales every row's gradient by 1 / Σ w over the batch.
    var batchWeight = 0.0;
    for (var r = 0u; r < rows; r++) {
      let row = order[first + r];
      if (row >= 0 && u32(row) < trainingRows) { batchWeight += rowWeights[weightBase + u32(row)]; }
    }
    let gradScale = select(0.0, 1.0 / batchWeight, batchWeight > 0.0);
    let noiseKeyB = counterKey(params.inputNoiseKey, counter);

    for (var r = 0u; r < rows; r++) {
      let signed = order[first + r];
      let valid = signed >= 0 && u32(signed) < trainingRows;
      let row = select(0u, u32(signed), valid);
      // The row, with input noise numbered as addNoise numbers the batch tensor's elements.
      for (var j = 0u; j < inputDim; j++) {
        var x = select(0.0, features[featureBase + row * inputDim + j], valid);
        if (params.inputNoise > 0.0) {
          x += params.inputNoise * noiseNormal(params.inputNoiseKey, noiseKeyB, model * rows * inputDim + r * inputDim + j);
        }
        xs[j] = x;
      }
      // Forward.
      for (var l = 0u; l < params.layers; l++) {
        let layer = layerAt(l);
        let dropKeyB = counterKey(layer.dropKey, counter);
        for (var u = 0u; u < layer.units; u++) {
          var z = 0.0;
          for (var i = 0u; i < layer.inDim; i++) {
            z += xs[l * MAX_WIDTH + i] * parameters[p + layer.weights + i * layer.units + u];
          }
          let y = activation(layer.activation, z + parameters[p + layer.bias + u]);
          ys[l * MAX_WIDTH + u] = y;
          if (l + 1u < MAX_LAYERS) {
            xs[(l + 1u) * MAX_WIDTH + u] = y * dropFactor(layer, dropKeyB, model * rows * layer.units + r * layer.units + u);
          }
        }
      }
      // Softmax cross-entropy on the logits (max-shifted), its gradient into delta.
      let top = (params.layers - 1u) * MAX_WIDTH;
      let t = targetBase + row * classes;
      let weight = select(0.0, rowWeights[weightBase + row], valid);
      var maxLogit = ys[top];
      var predicted = 0u;
      var targetMax = select(0.0, targets[t], valid);
      var targetClass = 0u;
      for (var c = 1u; c < classes; c++) {
        if (ys[top + c] > maxLogit) { maxLogit = ys[top + c]; predicted = c; }
        let goal = select(0.0, targets[t + c], valid);
        if (goal > targetMax) { targetMax = goal; targetClass = c; }
      }
      var expSum = 0.0;
      var targetSum = 0.0;
      var targetDotShifted = 0.0;
      for (var c = 0u; c < classes; c++) {
        let shifted = ys[top + c] - maxLogit;
        let e = exp(shifted);
        let goal = select(0.0, targets[t + c], valid);
        delta[c] = e;
        expSum += e;
        targetSum += goal;
        targetDotShifted += goal * shifted;
      }
      let rowScale = weight * gradScale;
      for (var c = 0u; c < classes; c++) {
        let goal = select(0.0, targets[t + c], valid);
        delta[c] = rowScale * ((delta[c] / expSum) * targetSum - goal);
      }
      lossSum += weight * (targetSum * log(expSum) - targetDotShifted);
      weightSum += weight;
      correct += select(0.0, 1.0, predicted == targetClass);
      rowsSeen += 1.0;
      // Backward, top layer first; weights change only after the whole batch.
      for (var down = 0u; down < params.layers; down++) {
        let l = params.layers - 1u - down;
        let layer = layerAt(l);
        for (var u = 0u; u < layer.units; u++) {
          delta[u] = activationGradient(layer.activation, delta[u], ys[l * MAX_WIDTH + u]);
          gradients[g + layer.bias + u] += delta[u];
        }
        for (var i = 0u; i < layer.inDim; i++) {
          let x = xs[l * MAX_WIDTH + i];
          var sum = 0.0;
          for (var u = 0u; u < layer.units; u++) {
            let at = layer.weights + i * layer.units + u;
            gradients[g + at] += x * delta[u];
            sum += delta[u] * parameters[p + at];
          }
          below[i] = sum;
        }
        if (l == 0u) { break; }
        // Into the layer below: through its dropout (the same mask), as ∂L/∂y.
        let under = layerAt(l - 1u);
        let dropKeyB = counterKey(under.dropKey, counter);
        for (var i = 0u; i < layer.inDim; i++) {
          delta[i] = below[i] * dropFactor(under, dropKeyB, model * rows * under.units + r * under.units + i);
        }
      }
    }

    // The optimizer (sgdStep / adamStep) over each layer's weights (L2-decayed) and bias; the
    // gradient sums restart at 0. Padding between them keeps its zeros, as there.
    var firstCorrection = 1.0;
    var secondCorrection = 1.0;
    if (params.adam == 1u) {
      firstCorrection = 1.0 / (1.0 - pow(params.beta1, f32(counter)));
      secondCorrection = 1.0 / (1.0 - pow(params.beta2, f32(counter)));
    }
    for (var l = 0u; l < params.layers; l++) {
      let layer = layerAt(l);
      for (var i = 0u; i < layer.inDim * layer.units; i++) {
        update(p, g, m, layer.weights + i, params.l2, firstCorrection, secondCorrection);
      }
      for (var u = 0u; u < layer.units; u++) {
        update(p, g, m, layer.bias + u, 0.0, firstCorrection, secondCorrection);
      }
    }
  }
  if (room(arrayLength(&stats), statsBase) >= 4u) {
    stats[statsBase] += lossSum;
    stats[statsBase + 1u] += weightSum;
    stats[statsBase + 2u] += correct;
    stats[statsBase + 3u] += rowsSeen;
  }
}
