import type { Activation, Backend, ImageShape, Tensor } from '../../engine/backend.ts';
import { mix32 } from '../../data/rng.ts';

/** A fully connected layer: y = act(x·W + b), W stored inDim×units. */
export interface DenseSpec {
  kind: 'dense';
  units: number;
  activation: Activation;
}

/** Inverted dropout while training, identity in evaluation. */
export interface DropoutSpec {
  kind: 'dropout';
  rate: number;
}

/**
 * A 2-D convolution of NCHW images, stride 1, zero 'same' padding: y = act(conv(x, W) + b),
 * W stored [filters, channels, kernel, kernel] (ONNX Conv's layout); y is filters × height × width.
 */
export interface ConvSpec {
  kind: 'conv';
  /** The shape of each input row (its channels × height × width floats). */
  input: ImageShape;
  filters: number;
  /** Odd side of the square kernel (3 for 3×3). */
  kernel: number;
  activation: Activation;
}

/** 2×2 max-pooling, stride 2, of NCHW images: channels × ⌊height/2⌋ × ⌊width/2⌋ out. */
export interface MaxPoolSpec {
  kind: 'maxpool';
  input: ImageShape;
}

export type LayerSpec = DenseSpec | DropoutSpec | ConvSpec | MaxPoolSpec;

/** How a parameter is initialised: He-uniform (relu), Glorot-uniform (tanh, sigmoid, linear), or zero. */
export type ParameterInit = 'he' | 'glorot' | 'zeros';

/** One parameter array of a layer, before it is placed in the flat buffer. */
export interface ParameterShape {
  label: string;
  size: number;
  /** L2 applies to it (weights, not biases). */
  decay: boolean;
  init: ParameterInit;
  fanIn: number;
  fanOut: number;
}

/** The random stream of one training step: dropout and input noise hash (seed, counter, element). */
export interface NoiseStep {
  seed: number;
  counter: number;
}

/** A seed of its own for each consumer of a step's noise (0 is the input noise, layer i uses i + 1). */
export function streamSeed(noise: NoiseStep, stream: number): number {
  return mix32((noise.seed ^ Math.imul(stream, 0x9e3779b9)) >>> 0);
}

/** What a layer is built from: its backend, its parameter and gradient views, its place in the stack. */
export interface LayerContext {
  backend: Backend;
  inDim: number;
  /** Views of the flat parameter buffer, in the order of the layer's ParameterShapes. */
  parameters: Tensor[];
  /** Views of the flat gradient buffer, same order. */
  gradients: Tensor[];
  /** The layer's index in the stack, used to name tensors and derive its noise stream. */
  index: number;
  /** False for the first layer: nobody needs the gradient of the network's input. */
  needsInputGradient: boolean;
  /** Models trained side by side: activation tensors are stacked this many times. */
  models: number;
}

/**
 * A layer over a backend. Activation tensors are sized by `allocate` for batches of up to
 * `capacity` rows, so forward and backward allocate nothing.
 */
export interface Layer {
  readonly outDim: number;
  /** (Re)allocates the layer's activation tensors for up to `capacity` rows. */
  allocate(capacity: number): void;
  /** Enqueues the forward pass of `rows` rows of x; `noise` is null in evaluation mode. Returns the output tensor. */
  forward(x: Tensor, rows: number, noise: NoiseStep | null): Tensor;
  /**
   * Enqueues the backward pass after a training forward: writes the parameter gradients and
   * returns ∂L/∂x (null when not needed). May overwrite dy.
   */
  backward(dy: Tensor, rows: number, noise: NoiseStep): Tensor | null;
  dispose(): void;
}
