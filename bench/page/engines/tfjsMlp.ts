// The bench MLP written the way TensorFlow.js's docs recommend for a fast custom loop:
// variables, fused matmul + bias (+ relu), optimizer.minimize, called inside tf.tidy by the caller.
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../../../src/data/rng.ts';
import type { TrainHyper } from '../../../src/model/types.ts';
import type { Workload } from '../../workloads.ts';

export interface TfjsModel {
  /** One optimizer step on a batch; returns the batch's mean loss. Call inside tf.tidy. */
  step(x: tf.Tensor2D, targets: tf.Tensor2D): tf.Scalar;
  dispose(): void;
}

/** tfjs's optimizer for the workload's hyperparameters (Adam with epsilon 1e-8, as the engines). */
export function tfjsOptimizer(hyper: TrainHyper): tf.Optimizer {
  if (hyper.optimizer === 'adam') return tf.train.adam(hyper.lr, 0.9, 0.999, 1e-8);
  return hyper.momentum > 0 ? tf.train.momentum(hyper.lr, hyper.momentum) : tf.train.sgd(hyper.lr);
}

export function createTfjsMlp(workload: Workload, seed: number): TfjsModel {
  const { sizes, activation, hyper } = workload;
  const rng = createRng(seed);
  // The same Glorot-uniform draw as bench/plainMlp.ts.
  const layers = sizes.slice(1).map((fanOut, l) => {
    const fanIn = sizes[l];
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const w = Float32Array.from({ length: fanIn * fanOut }, () => (2 * rng.next() - 1) * limit);
    return { w: tf.variable(tf.tensor2d(w, [fanIn, fanOut])), b: tf.variable(tf.zeros([fanOut])) };
  });
  const variables = layers.flatMap(({ w, b }) => [w, b]);
  const optimizer = tfjsOptimizer(hyper);

  // tfjs fuses relu into the matmul but not tanh, which stays a separate op.
  const forward = (x: tf.Tensor2D): tf.Tensor2D => {
    let h = x;
    layers.forEach(({ w, b }, l) => {
      const hidden = l < layers.length - 1;
      const z = tf.fused.matMul({ a: h, b: w, bias: b, activation: hidden && activation === 'relu' ? 'relu' : 'linear' }) as tf.Tensor2D;
      h = hidden && activation === 'tanh' ? tf.tanh(z) : z;
    });
    return h;
  };

  return tfjsModel(forward, variables, optimizer);
}

/** A model of a forward pass over `variables`: a step minimizes softmax cross-entropy with `optimizer`. */
export function tfjsModel(forward: (x: tf.Tensor2D) => tf.Tensor2D, variables: tf.Variable[], optimizer: tf.Optimizer): TfjsModel {
  return {
    step(x, targets) {
      const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(targets, forward(x)) as tf.Scalar, true, variables);
      if (!loss) throw new Error('optimizer.minimize returned no loss');
      return loss;
    },
    dispose() {
      optimizer.dispose();
      for (const variable of variables) variable.dispose();
    },
  };
}
