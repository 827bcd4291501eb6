import type { ComputeOps } from './ops/registry.ts';
import type { ByteTensor, IndexTensor, Tensor } from './core/tensor.ts';

// The types and checks every layer above the engine uses, from their one home each.
export { EngineError } from './core/errors.ts';
export { checkModels, opModels, PIXEL_VALUES, VIEW_ALIGN, type ByteTensor, type IndexTensor, type Tensor } from './core/tensor.ts';
export { MAX_CONV_KERNEL, type Activation, type ConvShape, type ImageShape } from './core/shapes.ts';
export type { ComputeOps, OpName } from './ops/registry.ts';
export { CLASSIFY } from './ops/classify/classify.ts';
export type { DenseSteps, DenseStepsLayer } from './ops/denseSteps/denseSteps.ts';
export type { Transpose } from './ops/matmul/matmul.ts';
export type { AdamStep } from './ops/adamStep/adamStep.ts';
export type { SgdStep } from './ops/sgdStep/sgdStep.ts';
export { STATS } from './ops/softmaxCrossEntropy/softmaxCrossEntropy.ts';

/** What a backend says about itself; shown in the page and printed by the CLI. */
export interface BackendInfo {
  kind: 'cpu' | 'wasm' | 'webgpu';
  /** The adapter's description ("CPU (JavaScript)", "google swiftshader (software)"). */
  adapter: string;
  /** Why this backend was chosen. */
  reason: string;
}

/**
 * The contract every backend implements: the tensor methods below, and the compute ops of
 * ComputeOps (src/engine/ops/registry.ts), each documented in its folder src/engine/ops/<op>/.
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
export interface Backend extends ComputeOps {
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
  /**
   * A copy of the first `count` elements (default all) once every op enqueued before it has
   * run; of a stacked tensor, the first `count` of each model's slice, K × count in all.
   */
  read(tensor: Tensor, count?: number): Promise<Float32Array>;
  /** Frees a tensor made by createTensor, createIndexTensor or createByteTensor (views die with their parent). */
  destroy(tensor: Tensor | IndexTensor | ByteTensor): void;
  /** Frees everything this backend allocated. */
  dispose(): void;
}
