import type { ImageShape } from '../engine/backend.ts';
import type { Activation, OptimizerName } from '../config/schema.ts';

/** The architecture of a classifier; enough to build it on any backend. */
export type ModelSpec = MlpSpec | CnnSpec;

/** A multi-layer perceptron over feature rows. */
export interface MlpSpec {
  kind: 'mlp';
  inputDim: number;
  classes: number;
  hidden: number[];
  activation: Activation;
  /** Dropout rate after each hidden activation, applied only while training. */
  dropout: number;
}

/**
 * A small convolutional network over images (src/model/cnn.ts): per entry of `filters`, a
 * 3×3 conv of that many filters + relu + 2×2 max-pool; then a dense relu layer per `hidden`
 * width and linear logits, with dropout after the last pool and each hidden layer.
 */
export interface CnnSpec {
  kind: 'cnn';
  /** channels × height × width: the flat length of one image row (NCHW, channel planes back to back). */
  inputDim: number;
  image: ImageShape;
  classes: number;
  /** Filters of each conv block, e.g. [8, 16]. */
  filters: number[];
  /** Dense relu widths between the last block and the logits; [] for none. */
  hidden: number[];
  /** Dropout rate, applied only while training. */
  dropout: number;
}

/** How one epoch trains. */
export interface TrainHyper {
  optimizer: OptimizerName;
  lr: number;
  /** SGD momentum (ignored by Adam). */
  momentum: number;
  /** L2 coefficient: adds l2 * w to each weight's gradient (not to biases). */
  l2: number;
  batch: number;
  /** Std of Gaussian noise added to each input feature while training. */
  inputNoise: number;
  /** Random shifts of each training image (student noise for images); absent for none. */
  shift?: ImageShift;
  /** Mixup: each batch trains on convex blends of its rows' pairs, features, targets and weights alike (Backend.mixBatch). */
  mixup?: boolean;
  /**
   * A self-supervised task in place of the targets (src/model/pretext.ts): `rotate` turns each
   * image by random quarter turns and trains to tell which (Backend.gatherRotated), `reconstruct`
   * trains the outputs to rebuild each clean input from its noisy copy (Backend.reconstructionLoss).
   */
  task?: { kind: 'rotate'; image: ImageShape } | { kind: 'reconstruct' };
}

/** Shifts of up to `pixels` each way (zero fill) of input rows that are `image`-shaped. */
export interface ImageShift {
  image: ImageShape;
  pixels: number;
}

/** Training statistics of one epoch, read back once per epoch. */
export interface EpochStats {
  /** Mean weighted cross-entropy over the epoch's examples. */
  loss: number;
  /** Fraction of the epoch's examples whose argmax equals the target's argmax. */
  accuracy: number;
  steps: number;
}

/** Feature rows placed on a backend once per run (the train rows, the test set, a grid). */
export interface DeviceRows {
  readonly n: number;
  readonly dim: number;
  dispose(): void;
}

/**
 * A classifier living on a backend, with its parameters and optimizer state.
 * Made by `createNetwork(backend, spec, seed)`; the same seed gives the same initial weights on every backend.
 */
export interface Network {
  readonly spec: ModelSpec;
  readonly parameterCount: number;
  /**
   * Sets what the next epochs train on: `targets` is rows.n × classes probabilities
   * (one-hot for hard labels), `weights` is rows.n per-row loss weights.
   */
  setTrainingSet(rows: DeviceRows, targets: Float32Array, weights: Float32Array): void;
  /** One epoch over `order` (row indices into the training rows, already shuffled), in batches. */
  trainEpoch(order: Int32Array, hyper: TrainHyper, noiseSeed: number): Promise<EpochStats>;
  /** Class probabilities, rows.n × classes, in evaluation mode (no dropout, no noise). */
  predict(rows: DeviceRows): Promise<Float32Array>;
  /**
   * Per row, in evaluation mode: the predicted class (the first with the largest probability)
   * and that probability, equal to the argmax and max of `predict`'s rows. Reads back 2 floats
   * per row instead of `classes`.
   */
  classify(rows: DeviceRows): Promise<{ labels: Int32Array; confidence: Float32Array }>;
  getParameters(): Promise<Float32Array>;
  /** Copies parameters in (a warm start) and clears the optimizer state. */
  setParameters(parameters: Float32Array): void;
  dispose(): void;
}

/**
 * K classifiers of one spec trained side by side in the same ops (the backend's model
 * dimension): different seeds, the same training set and epoch order. Made by
 * `createNetworks(backend, spec, seeds)`; model k starts from the weights `createNetwork`
 * gives seeds[k], and trains exactly as that network would, but for the dropout and input
 * noise it draws (model k's own stream).
 */
export interface NetworkBatch {
  readonly spec: ModelSpec;
  readonly models: number;
  readonly parameterCount: number;
  /**
   * As Network.setTrainingSet; every model trains on these rows, targets and weights. Targets
   * null: the epochs train a self-supervised task that makes its own (TrainHyper.task).
   */
  setTrainingSet(rows: DeviceRows, targets: Float32Array | null, weights: Float32Array): void;
  /** One epoch of every model over `order`; the stats of each. */
  trainEpoch(order: Int32Array, hyper: TrainHyper, noiseSeed: number): Promise<EpochStats[]>;
  /** Each model's class probabilities (rows.n × classes), read back at once. */
  predict(rows: DeviceRows): Promise<Float32Array[]>;
  /** Each model's raw outputs (rows.n × the output width: logits, or a reconstruction), in evaluation mode. */
  outputs(rows: DeviceRows): Promise<Float32Array[]>;
  /** Each model's verdicts, as Network.classify. */
  classify(rows: DeviceRows): Promise<{ labels: Int32Array; confidence: Float32Array }[]>;
  /** Each model's packed parameters. */
  getParameters(): Promise<Float32Array[]>;
  /** Copies in each model's packed parameters and clears the optimizer state. */
  setParameters(parameters: readonly Float32Array[]): void;
  dispose(): void;
}
