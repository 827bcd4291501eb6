// The bench CNN (W3, src/model/cnn.ts's network) in TensorFlow.js, written as its docs
// recommend for a fast custom loop: NHWC images, fused conv + bias + relu, 2×2 max-pool,
// dense logits, optimizer.minimize, called inside tf.tidy by the caller.
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../../../src/data/rng.ts';
import type { Workload } from '../../workloads.ts';
import { tfjsModel, tfjsOptimizer, type TfjsModel } from './tfjsMlp.ts';

const KERNEL = 3;

export function createTfjsCnn(workload: Workload, seed: number): TfjsModel {
  const { cnn, sizes, hyper } = workload;
  if (!cnn) throw new Error(`${workload.name} is not a CNN workload`);
  const rng = createRng(seed);
  // He-uniform like src/model/init.ts for the relu convolutions, Glorot for the logits.
  const uniform = (count: number, limit: number) => Float32Array.from({ length: count }, () => (2 * rng.next() - 1) * limit);
  let { channels, height, width } = cnn.image;
  const convs = cnn.filters.map((filters) => {
    const fanIn = channels * KERNEL * KERNEL;
    const w = tf.variable(tf.tensor4d(uniform(KERNEL * KERNEL * channels * filters, Math.sqrt(6 / fanIn)), [KERNEL, KERNEL, channels, filters]));
    const b = tf.variable(tf.zeros([filters]));
    [channels, height, width] = [filters, Math.floor(height / 2), Math.floor(width / 2)];
    return { w, b };
  });
  const features = channels * height * width;
  const classes = sizes[sizes.length - 1];
  const dense = {
    w: tf.variable(tf.tensor2d(uniform(features * classes, Math.sqrt(6 / (features + classes))), [features, classes])),
    b: tf.variable(tf.zeros([classes])),
  };
  const variables = [...convs.flatMap(({ w, b }) => [w, b]), dense.w, dense.b];
  const optimizer = tfjsOptimizer(hyper);
  const { image } = cnn;

  const forward = (x: tf.Tensor2D): tf.Tensor2D => {
    // The rows are NCHW; one channel is already NHWC.
    const nchw = tf.reshape(x, [x.shape[0], image.channels, image.height, image.width]) as tf.Tensor4D;
    let h = image.channels === 1 ? tf.reshape(nchw, [x.shape[0], image.height, image.width, 1]) as tf.Tensor4D : tf.transpose(nchw, [0, 2, 3, 1]);
    for (const { w, b } of convs) {
      h = tf.fused.conv2d({ x: h, filter: w, strides: 1, pad: 'same', bias: b, activation: 'relu' });
      h = tf.maxPool(h, 2, 2, 'valid');
    }
    const flat = tf.reshape(h, [h.shape[0], features]) as tf.Tensor2D;
    return tf.fused.matMul({ a: flat, b: dense.w, bias: dense.b }) as tf.Tensor2D;
  };

  return tfjsModel(forward, variables, optimizer);
}
