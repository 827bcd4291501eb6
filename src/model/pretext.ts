/**
 * The self-supervised warm-up's network (config.pretrain): the classifier's layers but its last
 * (the encoder), then a head for a task that needs no label. `denoise` rebuilds each input from
 * a noisy copy (a linear head as wide as the input, mean squared error); `rotate` tells which of
 * four quarter turns an image was given (a linear head of four logits, cross-entropy). The
 * parameters are packed layer by layer (layout.ts), so the encoder (encoderSize) is the same
 * prefix of the warm-up's parameters and of the classifier's.
 */
import { ROTATIONS } from '../engine/ops/gatherRotated/gatherRotated.ts';
import { EngineError } from '../engine/backend.ts';
import { computeLayout } from './layout.ts';
import { modelLayers } from './network.ts';
import type { ModelSpec, TrainHyper } from './types.ts';

/** A task that needs no label. */
export type PretextTask = 'denoise' | 'rotate';

/** The warm-up network of `spec`: the same layers, with the task's head in place of the logits. */
export function pretextSpec(spec: ModelSpec, task: PretextTask): ModelSpec {
  if (task === 'rotate' && (spec.kind !== 'cnn' || spec.image.height !== spec.image.width)) {
    throw new EngineError('The rotation warm-up turns square images: it needs the CNN on square images.');
  }
  return { ...spec, classes: task === 'rotate' ? ROTATIONS : spec.inputDim };
}

/**
 * How the warm-up trains: the run's optimizer, learning rate, L2 and batch, no label noise of
 * the run's own (shifts, mixup, input noise), and the task; `noise` corrupts the denoising task's inputs.
 */
export function pretextHyper(hyper: TrainHyper, spec: ModelSpec, task: PretextTask, noise: number): TrainHyper {
  const { optimizer, lr, momentum, l2, batch } = hyper;
  if (task === 'denoise') return { optimizer, lr, momentum, l2, batch, inputNoise: noise, task: { kind: 'reconstruct' } };
  if (spec.kind !== 'cnn') throw new EngineError('The rotation warm-up needs the CNN.');
  return { optimizer, lr, momentum, l2, batch, inputNoise: 0, task: { kind: 'rotate', image: spec.image } };
}

/**
 * How many of a classifier's packed parameters its encoder holds: an MLP's hidden layers, a CNN's
 * conv blocks. A CNN's dense layers learn the warm-up's task itself (which turn, which pixels) and
 * start generation 0 worse than fresh ones: on MNIST with 100 labels (seed 11), handing on the
 * rotation warm-up's dense layer too cost generation 0 8.6 points, the conv blocks alone gained 4.8.
 */
export function encoderSize(spec: ModelSpec): number {
  const layers = modelLayers(spec);
  const layout = computeLayout(spec.inputDim, layers);
  const end = spec.kind === 'cnn' ? layers.findIndex((layer) => layer.kind === 'dense') : layers.length - 1;
  return layout.layers[end][0].packedOffset;
}

/** `parameters` (a classifier's, packed) with its encoder taken from `encoder` (encoderSize floats). */
export function withEncoder(parameters: Float32Array, encoder: Float32Array): Float32Array {
  if (encoder.length > parameters.length) throw new EngineError(`An encoder of ${encoder.length} parameters does not fit a model of ${parameters.length}.`);
  const started = parameters.slice();
  started.set(encoder);
  return started;
}
