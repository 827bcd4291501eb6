import type { Tensor, IndexTensor } from '../../core/tensor.ts';
import type { Activation } from '../../core/shapes.ts';
import type { AdamStep } from '../adamStep/adamStep.ts';
import type { SgdStep } from '../sgdStep/sgdStep.ts';

/** One dense layer of a fused run (Backend.denseSteps): y = act(x·W + b), then dropout. */
export interface DenseStepsLayer {
  units: number;
  activation: Activation;
  /** Where W (inDim × units) and b start in the flat parameter buffer. */
  weights: number;
  bias: number;
  /** Dropout rate on the layer's output while training (0: none) and its stream seed (see the dropout op). */
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

/**
 * What the denseSteps op computes, on a backend that fuses. webgpu.ts beside this file
 * implements it (the CPU leaves it out); src/engine/ops/registry.ts lists it with its parity case.
 */
export interface DenseStepsOp {
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
