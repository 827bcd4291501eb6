/** What a backend says about itself; shown in the page and printed by the CLI. */
export interface BackendInfo {
  kind: 'cpu' | 'webgpu';
  /** The adapter's description ("CPU (JavaScript)", "google swiftshader (software)"). */
  adapter: string;
  /** Why this backend was chosen. */
  reason: string;
}

/**
 * The op-level contract every backend implements (CPU now, WebGPU later).
 *
 * Execution model: tensors are allocated once per model and data size, never per step.
 * Every op is a synchronous enqueue: the CPU backend runs it at once, the WebGPU backend
 * records a dispatch into the current command buffer. Ops, `write`, `writeIndices` and
 * `fill` take effect in the order they are called; numbers passed to an op are captured
 * when it is enqueued. Only `read` waits (and on WebGPU submits what was recorded).
 * So one training epoch is a run of enqueues followed by a single `read` of its stats.
 *
 * Sizes count elements (float32 or int32), matrices are row-major. Ops that take `rows`
 * touch only the first `rows` rows of tensors that may be sized for a larger batch, so
 * the last, partial batch of an epoch reuses the full-batch tensors.
 *
 * The model dimension: a float tensor may be stacked, holding `models` slices of `size`
 * elements, one per model, so K networks of one shape train in the same dispatches. An op
 * runs once per model on that model's slices, every stacked operand having the same K; an
 * operand with `models` 1 is shared (every model reads it: the dataset, the decay mask), and
 * may only be an input. Sizes and offsets stay per model. `write` and `read` of a stacked
 * tensor see its slices back to back (K × size, model-major), `fill` fills every slice;
 * dropout and noise
 * draw model k's element i at index k·count + i, so model 0 draws what a single model does.
 */
export interface Backend {
  readonly info: BackendInfo;

  /**
   * A zero-filled float32 tensor of `size` elements; `label` names it in GPU tools. With
   * `models` > 1 it is stacked: `models` slices of `size` (see the model dimension above).
   */
  createTensor(size: number, label: string, models?: number): Tensor;
  /** A zero-filled int32 tensor (row indices). */
  createIndexTensor(size: number, label: string): IndexTensor;
  /** Image pixels kept as bytes (a quarter of their floats' memory); gathers read byte v as PIXEL_VALUES[v]. */
  createByteTensor(data: Uint8Array, label: string): ByteTensor;
  /**
   * A window `[offset, offset + size)` of a tensor, sharing its storage. `offset` must be a
   * multiple of VIEW_ALIGN (WebGPU binds storage at 256-byte offsets). A view of a stacked
   * tensor is stacked: the same window of every model's slice. Views cannot be written or
   * read directly when stacked (their slices are not back to back); ops take them.
   */
  view(tensor: Tensor, offset: number, size: number, label: string): Tensor;
  /** Writes `data` into `tensor` from element `offset`. */
  write(tensor: Tensor, data: Float32Array, offset?: number): void;
  /** Writes `data` into an index tensor from element `offset`. */
  writeIndices(tensor: IndexTensor, data: Int32Array, offset?: number): void;
  /** Writes `value` into every element of `tensor`. */
  fill(tensor: Tensor, value: number): void;
  /**
   * A copy of the first `count` elements (default all) once every op enqueued before it has
   * run; of a stacked tensor, the first `count` of each model's slice, K × count in all.
   */
  read(tensor: Tensor, count?: number): Promise<Float32Array>;
  /** Frees a tensor made by createTensor, createIndexTensor or createByteTensor (views die with their parent). */
  destroy(tensor: Tensor | IndexTensor | ByteTensor): void;
  /** Frees everything this backend allocated. */
  dispose(): void;

  /**
   * Writes out[r, :] = src[index[indexOffset + r], :] for r < rows; `dim` values per row. A
   * byte source is scaled as it is gathered: byte v becomes PIXEL_VALUES[v].
   */
  gather(src: Tensor | ByteTensor, dim: number, index: IndexTensor, indexOffset: number, rows: number, out: Tensor): void;
  /**
   * gather of image rows (channels×height×width each), each row moved by its own random shift
   * (student noise): out[r, c, y, x] = src[index[indexOffset + r], c, y - dy, x - dx], 0 where
   * that falls outside the image, with (dx, dy) = imageShift(seed, counter, r, maxShift) in
   * [-maxShift, maxShift]² (src/engine/cpu/shift.ts); a stacked out's model k draws at k·rows + r.
   */
  gatherShifted(src: Tensor | ByteTensor, shape: ImageShape, index: IndexTensor, indexOffset: number, rows: number, out: Tensor, maxShift: number, seed: number, counter: number): void;
  /**
   * Mixup (Zhang et al. 2018) of a batch of `rows` rows, in place, in one op: the features
   * (rows × inputDim), targets (rows × classes) and weights (rows) alike. In each, rows r and
   * p = rows - 1 - r, for r < ⌊rows/2⌋, become λ·v_r + (1 - λ)·v_p and λ·v_p + (1 - λ)·v_r (from
   * the old values), λ = mixWeight(seed, counter, r) uniform in [0, 1) (src/engine/cpu/mix.ts);
   * an odd batch's middle row stays. Stacked tensors' model k draws at k·rows + r.
   */
  mixBatch(x: Tensor, inputDim: number, targets: Tensor, classes: number, weights: Tensor, rows: number, seed: number, counter: number): void;
  /**
   * Writes out (m×n) = op(a)·op(b), or adds it to out when `accumulate`. `transpose` says which
   * operand is stored transposed: 'nn' a is m×k, b is k×n (Y = X·W); 'nt' b is stored n×k
   * (dX = dY·Wᵀ); 'tn' a is stored k×m (dW = Xᵀ·dY).
   */
  matmul(a: Tensor, b: Tensor, out: Tensor, m: number, k: number, n: number, transpose: Transpose, accumulate: boolean): void;
  /** Writes out (rows×outDim) = act(x·w + b) for x rows×inDim, w inDim×outDim, b outDim. */
  dense(x: Tensor, w: Tensor, b: Tensor, out: Tensor, rows: number, inDim: number, outDim: number, activation: Activation): void;
  /** Writes dx = dy ⊙ act'(z), computing act' from the activation's output y = act(z); dx may be dy. */
  activationBackward(y: Tensor, dy: Tensor, dx: Tensor, count: number, activation: Activation): void;
  /**
   * Writes out = x ⊙ keep / (1 - rate) over `count` elements (inverted dropout), where
   * keep[i] = dropoutKeeps(seed, counter, i, rate) is a pure u32 hash (src/engine/cpu/random.ts, the
   * definition a WGSL kernel reproduces bit for bit), recomputed by the backward op.
   */
  dropout(x: Tensor, out: Tensor, count: number, rate: number, seed: number, counter: number): void;
  /** Writes dx = dy ⊙ keep / (1 - rate), with the mask of the forward op of the same (seed, counter). */
  dropoutBackward(dy: Tensor, dx: Tensor, count: number, rate: number, seed: number, counter: number): void;
  /** Adds std · z[i] to x[i] for i < count, z[i] = noiseNormal(seed, counter, i) (mean 0, std 1; cpu/random.ts). */
  addNoise(x: Tensor, count: number, std: number, seed: number, counter: number): void;
  /**
   * Softmax cross-entropy of a batch with soft targets (one-hot for hard labels) and per-row
   * weights. With p = softmax(logits) and CE_r = -Σ_c t_rc·log p_rc, the batch loss is
   * L = Σ_r w_r·CE_r / Σ_r w_r. Writes dLogits = ∂L/∂logits = w_r·(p_r·Σ_c t_rc - t_r) / Σ_r w_r
   * (zero when Σ w = 0), and adds to stats (see STATS): Σ w·CE, Σ w, the count of rows whose
   * argmax p equals argmax t (first maximum wins), and rows.
   */
  softmaxCrossEntropy(
    logits: Tensor,
    targets: Tensor,
    weights: Tensor,
    rows: number,
    classes: number,
    dLogits: Tensor,
    stats: Tensor,
  ): void;
  /** Writes probabilities softmax(logits) of `rows` rows into probs, starting at row `probsRow`. */
  softmax(logits: Tensor, rows: number, classes: number, probs: Tensor, probsRow: number): void;
  /**
   * The verdict of `rows` rows of logits, 2 floats per row (CLASSIFY) into out from row
   * `outRow`: out[2·(outRow+r)] = the predicted class (a small whole number, exact as a float)
   * and out[2·(outRow+r)+1] = its probability. Both are those of the row `softmax` would
   * write on the same backend: the first class with the largest probability, and that
   * probability. That is argmax of the logits (first maximum wins), except that logits too
   * close to tell apart once exp is rounded go to the lower class, as an argmax of the read
   * probabilities would. Evaluation reads 2 floats per row instead of `classes`.
   */
  classify(logits: Tensor, rows: number, classes: number, out: Tensor, outRow: number): void;
  /**
   * 2-D convolution (cross-correlation, as ONNX Conv) of `rows` images in NCHW layout, x
   * rows×inChannels×height×width, w [outChannels, inChannels, kernel, kernel] (ONNX's layout),
   * b outChannels, stride 1, zero 'same' padding p = (kernel - 1) / 2, so out is
   * rows×outChannels×height×width: out[r, o, y, x] = act(b[o] + Σ_{i, ky, kx} w[o, i, ky, kx]·
   * x[r, i, y + ky - p, x + kx - p]), taps outside the image reading 0.
   */
  conv2d(x: Tensor, w: Tensor, b: Tensor, out: Tensor, rows: number, shape: ConvShape, activation: Activation): void;
  /**
   * The gradient of conv2d's pre-activation with respect to its input: writes
   * dx[r, i, y, x] = Σ_{o, ky, kx} w[o, i, ky, kx]·dy[r, o, y - ky + p, x - kx + p] (taps outside
   * the image dropped), dy rows×outChannels×height×width, dx rows×inChannels×height×width.
   */
  conv2dInputGrad(dy: Tensor, w: Tensor, dx: Tensor, rows: number, shape: ConvShape): void;
  /**
   * conv2d's parameter gradients from dy (its pre-activation gradient) and its input x: writes
   * dw[o, i, ky, kx] = Σ_{r, y, x} dy[r, o, y, x]·x[r, i, y + ky - p, x + kx - p] (0 outside the
   * image) and db[o] = Σ_{r, y, x} dy[r, o, y, x].
   */
  conv2dWeightGrad(x: Tensor, dy: Tensor, dw: Tensor, db: Tensor, rows: number, shape: ConvShape): void;
  /**
   * 2×2 max-pooling, stride 2, of `rows` NCHW images: out is rows×channels×⌊height/2⌋×⌊width/2⌋
   * (an odd last row or column is dropped, as ONNX MaxPool without ceil_mode), out[r, c, y, x] =
   * the maximum of x[r, c, 2y + dy, 2x + dx] over dy, dx in {0, 1}.
   */
  maxPool(x: Tensor, out: Tensor, rows: number, shape: ImageShape): void;
  /**
   * maxPool's input gradient: writes every element of dx (rows×channels×height×width), routing
   * dy[r, c, y, x] to the window's argmax, the first maximum in the order (0,0), (0,1), (1,0),
   * (1,1), recomputed from the forward input x, and 0 elsewhere (dropped rows and columns too).
   */
  maxPoolBackward(x: Tensor, dy: Tensor, dx: Tensor, rows: number, shape: ImageShape): void;
  /** Writes out[c] = Σ_r x[r, c] over rows (the bias gradient), or adds it when `accumulate`. */
  sumRows(x: Tensor, rows: number, cols: number, out: Tensor, accumulate: boolean): void;
  /**
   * SGD with momentum over `count` elements of the flat parameter buffer:
   * g = grad + l2·decay⊙param; velocity = momentum·velocity + g; param -= lr·velocity.
   * `decay` is 1 for weights and 0 for biases and padding, so L2 touches weights only.
   */
  sgdStep(params: Tensor, grads: Tensor, velocity: Tensor, decay: Tensor, count: number, hyper: SgdStep): void;
  /**
   * Adam (bias-corrected) over `count` elements; `moments` holds m in [0, count) and v in
   * [count, 2·count). g = grad + l2·decay⊙param; m = β1·m + (1-β1)·g; v = β2·v + (1-β2)·g²;
   * param -= lr·(m / (1-β1^t)) / (sqrt(v / (1-β2^t)) + ε), t = hyper.step (1 on the first step).
   */
  adamStep(params: Tensor, grads: Tensor, moments: Tensor, decay: Tensor, count: number, hyper: AdamStep): void;
  /**
   * Optional, for backends that fuse: a run of whole training steps of a small MLP (dense
   * layers, each with optional dropout after it) in one op. It computes what the per-step
   * ops would (gather, input noise, forward with dropout, softmaxCrossEntropy, backward,
   * sgdStep or adamStep with L2 on every layer's weights, not its bias), with the same noise
   * streams, up to float rounding. Row indices must lie inside the training set (the caller
   * checks them). Returns false, touching nothing, when this backend cannot fuse the plan;
   * the caller then runs the per-step ops.
   */
  denseSteps?(run: DenseSteps): boolean;
}

/** One dense layer of a fused run (Backend.denseSteps): y = act(x·W + b), then dropout. */
export interface DenseStepsLayer {
  units: number;
  activation: Activation;
  /** Where W (inDim × units) and b start in the flat parameter buffer. */
  weights: number;
  bias: number;
  /** Dropout rate on the layer's output while training (0: none) and its stream seed (see Backend.dropout). */
  dropout: number;
  dropoutSeed: number;
}

/**
 * Training steps over rows order[start, length) of one training set, `batch` rows a step
 * (the last may be shorter). Step s draws its noise with counter `counter + s`, and Adam's
 * t is `counter + s` too. Stats add up over every step, as softmaxCrossEntropy's do.
 */
export interface DenseSteps {
  inputDim: number;
  layers: readonly DenseStepsLayer[];
  features: Tensor;
  targets: Tensor;
  weights: Tensor;
  order: IndexTensor;
  start: number;
  length: number;
  batch: number;
  parameters: Tensor;
  gradients: Tensor;
  moments: Tensor;
  /** Floats of the flat buffers (moments hold 2 × this: Adam's v starts here). */
  parameterCount: number;
  stats: Tensor;
  counter: number;
  inputNoise: number;
  inputNoiseSeed: number;
  optimizer: { kind: 'sgd'; hyper: SgdStep } | { kind: 'adam'; hyper: Omit<AdamStep, 'step'> };
}

/** A float32 buffer on a backend; opaque to callers. */
export interface Tensor {
  /** Elements per model. */
  readonly size: number;
  readonly dtype: 'f32';
  /** Models stacked in it (1: an ordinary tensor, or one shared by every model of an op). */
  readonly models: number;
}

/** A uint8 buffer of image pixels on a backend, written once at creation; opaque to callers. */
export interface ByteTensor {
  readonly size: number;
  readonly dtype: 'u8';
}

/** What a gather makes of pixel byte v: v / 255 rounded to f32, as the image rows' floats are. */
export const PIXEL_VALUES: Float32Array = Float32Array.from({ length: 256 }, (_, v) => v / 255);

/** An int32 buffer of row indices on a backend; opaque to callers. */
export interface IndexTensor {
  readonly size: number;
  readonly dtype: 'i32';
}

export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear';

/** The shape of one image (NCHW without the batch): channels × height × width. */
export interface ImageShape {
  channels: number;
  height: number;
  width: number;
}

/** A convolution's shape: input and output channels, the image size it keeps, and its odd, square kernel. */
export interface ConvShape {
  inChannels: number;
  outChannels: number;
  height: number;
  width: number;
  /** Side of the kernel, odd (3 for 3×3), at most MAX_CONV_KERNEL. */
  kernel: number;
}

/** The largest conv kernel side the backends take (the WGSL weight-gradient kernel holds kernel² sums per invocation). */
export const MAX_CONV_KERNEL = 5;

/** Which matmul operand is stored transposed (see Backend.matmul). */
export type Transpose = 'nn' | 'nt' | 'tn';

/** Numbers of one SGD step; a reused object, so a step allocates nothing. */
export interface SgdStep {
  lr: number;
  momentum: number;
  l2: number;
}

/** Numbers of one Adam step; `step` is t, counted from 1. */
export interface AdamStep {
  lr: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  l2: number;
  step: number;
}

/** Views start at multiples of 64 floats: WebGPU's 256-byte minStorageBufferOffsetAlignment. */
export const VIEW_ALIGN = 64;

/** Slots of the stats tensor that softmaxCrossEntropy adds to. */
export const STATS = {
  /** Σ w·CE over the rows seen. */
  weightedLoss: 0,
  /** Σ w over the rows seen. */
  weight: 1,
  /** Rows whose predicted class equals the target's argmax. */
  correct: 2,
  rows: 3,
  /** Size of a stats tensor. */
  size: 4,
} as const;

/** The layout of a classify output row. */
export const CLASSIFY = {
  /** The predicted class, as a float. */
  label: 0,
  /** Its softmax probability. */
  confidence: 1,
  /** Floats per row. */
  size: 2,
} as const;

/**
 * The model count K of an op over these tensors: every stacked one must hold K models, and
 * only inputs may be shared (models 1) when K > 1, since K models writing one output would race.
 */
export function opModels(op: string, outputs: readonly Tensor[], inputs: readonly Tensor[]): number {
  let models = 1;
  for (const list of [outputs, inputs]) {
    for (const tensor of list) {
      if (tensor.models === 1) continue;
      if (models !== 1 && tensor.models !== models) throw new EngineError(`${op}: tensors stack different model counts (${models} and ${tensor.models}).`);
      models = tensor.models;
    }
  }
  if (models > 1 && outputs.some((out) => out.models !== models)) {
    throw new EngineError(`${op}: an output is shared by ${models} models; outputs must be stacked like the inputs.`);
  }
  return models;
}

/** Throws unless `models` is a whole number of models, at least 1. */
export function checkModels(models: number, label: string): void {
  if (!(Number.isInteger(models) && models >= 1)) throw new EngineError(`Tensor "${label}" needs a whole number of models >= 1, got ${models}.`);
}

/** A misuse of the engine (bad size, misaligned view, foreign tensor), with what to fix. */
export class EngineError extends Error {
  override name = 'EngineError';
}
