import type { Backend } from '../backend.ts';
import { encodeActivationBackward } from './activationBackward.ts';
import { encodeAddNoise } from './addNoise.ts';
import { encodeAdamStep } from './adamStep.ts';
import { gpuByteTensor, gpuIndexTensor, gpuTensor } from './arena.ts';
import { encodeClassify } from './classify.ts';
import type { KernelContext } from './context.ts';
import { encodeConv2d, encodeConv2dInputGrad } from './conv2d.ts';
import { encodeConv2dWeightGrad } from './conv2dWeightGrad.ts';
import { encodeDenseSteps } from './denseSteps.ts';
import { encodeDropout } from './dropout.ts';
import { checkGather, createGatherQueue } from './gather.ts';
import { encodeGatherShifted } from './gatherShifted.ts';
import { createMatmulQueue, encodeDense } from './matmul.ts';
import { encodeMaxPool, encodeMaxPoolBackward } from './maxPool.ts';
import { encodeMixBatch } from './mixBatch.ts';
import { encodeSgdStep } from './sgdStep.ts';
import { encodeSoftmax } from './softmax.ts';
import { encodeSoftmaxCrossEntropy } from './softmaxCrossEntropy.ts';
import { checkSumRows, encodeSumRows } from './sumRows.ts';

/** The compute ops of the Backend contract. */
export type ComputeOps = Pick<
  Backend,
  'gather' | 'gatherShifted' | 'mixBatch' | 'matmul' | 'dense' | 'activationBackward' | 'dropout' | 'dropoutBackward' | 'addNoise' | 'softmaxCrossEntropy' | 'softmax' | 'classify' | 'sumRows' | 'sgdStep' | 'adamStep'
  | 'denseSteps' | ConvOpName
>;

/** The convolution and pooling ops. */
type ConvOpName = 'conv2d' | 'conv2dInputGrad' | 'conv2dWeightGrad' | 'maxPool' | 'maxPoolBackward';

/** The ops, and `flush`, which enqueues those held back to merge with the next one. */
export interface OpRecorder {
  ops: ComputeOps;
  flush(): void;
}

/**
 * Each op checks its tensors and enqueues its kernel. Two pairs merge into one dispatch:
 * back-to-back gathers over one index range, and a 'tn' matmul followed by sumRows of its
 * right operand (a layer's weight and bias gradients). `check` runs first (device loss).
 */
export function createOpRecorder(context: KernelContext, check: () => void): OpRecorder {
  const gathers = createGatherQueue(context);
  const matmuls = createMatmulQueue(context);
  const flush = () => {
    gathers.flush();
    matmuls.flush();
  };
  /** Wraps an op that merges with nothing: whatever is held goes first. */
  const plain =
    <A extends unknown[]>(encode: (...args: A) => void) =>
    (...args: A) => {
      check();
      flush();
      encode(...args);
    };

  const ops: ComputeOps = {
    gather(src, dim, index, indexOffset, rows, out) {
      check();
      matmuls.flush();
      const op = { src: src.dtype === 'u8' ? gpuByteTensor(src) : gpuTensor(src), dim, index: gpuIndexTensor(index), indexOffset, rows, out: gpuTensor(out) };
      checkGather(op);
      gathers.push(op);
    },
    gatherShifted: plain((src, shape, index, indexOffset, rows, out, maxShift, seed, counter) =>
      encodeGatherShifted(context, src.dtype === 'u8' ? gpuByteTensor(src) : gpuTensor(src), shape, gpuIndexTensor(index), indexOffset, rows, gpuTensor(out), maxShift, seed, counter),
    ),
    matmul: plain((a, b, out, m, k, n, transpose, accumulate) =>
      matmuls.push({ a: gpuTensor(a), b: gpuTensor(b), out: gpuTensor(out), m, k, n, transpose, accumulate }),
    ),
    sumRows(x, rows, cols, out, accumulate) {
      check();
      gathers.flush();
      const [input, sums] = [gpuTensor(x), gpuTensor(out)];
      checkSumRows(input, rows, cols, sums);
      if (matmuls.joinSumRows(input, rows, cols, sums, accumulate)) return;
      matmuls.flush();
      encodeSumRows(context, input, rows, cols, sums, accumulate);
    },
    dense: plain((x, w, b, out, rows, inDim, outDim, activation) =>
      encodeDense(context, gpuTensor(x), gpuTensor(w), gpuTensor(b), gpuTensor(out), rows, inDim, outDim, activation),
    ),
    activationBackward: plain((y, dy, dx, count, activation) =>
      encodeActivationBackward(context, gpuTensor(y), gpuTensor(dy), gpuTensor(dx), count, activation),
    ),
    dropout: plain((x, out, count, rate, seed, counter) => encodeDropout(context, gpuTensor(x), gpuTensor(out), count, rate, seed, counter)),
    // The backward op applies the same mask: the same kernel.
    dropoutBackward: plain((dy, dx, count, rate, seed, counter) => encodeDropout(context, gpuTensor(dy), gpuTensor(dx), count, rate, seed, counter)),
    addNoise: plain((x, count, std, seed, counter) => encodeAddNoise(context, gpuTensor(x), count, std, seed, counter)),
    mixBatch: plain((x, inputDim, targets, classes, weights, rows, seed, counter) =>
      encodeMixBatch(context, gpuTensor(x), inputDim, gpuTensor(targets), classes, gpuTensor(weights), rows, seed, counter),
    ),
    softmaxCrossEntropy: plain((logits, targets, weights, rows, classes, dLogits, stats) => {
      const [l, t, w, d, s] = [logits, targets, weights, dLogits, stats].map(gpuTensor);
      encodeSoftmaxCrossEntropy(context, l, t, w, rows, classes, d, s);
    }),
    softmax: plain((logits, rows, classes, probs, probsRow) => encodeSoftmax(context, gpuTensor(logits), rows, classes, gpuTensor(probs), probsRow)),
    classify: plain((logits, rows, classes, out, outRow) => encodeClassify(context, gpuTensor(logits), rows, classes, gpuTensor(out), outRow)),
    conv2d: plain((x, w, b, out, rows, shape, activation) =>
      encodeConv2d(context, gpuTensor(x), gpuTensor(w), gpuTensor(b), gpuTensor(out), rows, shape, activation),
    ),
    conv2dInputGrad: plain((dy, w, dx, rows, shape) => encodeConv2dInputGrad(context, gpuTensor(dy), gpuTensor(w), gpuTensor(dx), rows, shape)),
    conv2dWeightGrad: plain((x, dy, dw, db, rows, shape) =>
      encodeConv2dWeightGrad(context, gpuTensor(x), gpuTensor(dy), gpuTensor(dw), gpuTensor(db), rows, shape),
    ),
    maxPool: plain((x, out, rows, shape) => encodeMaxPool(context, gpuTensor(x), gpuTensor(out), rows, shape)),
    maxPoolBackward: plain((x, dy, dx, rows, shape) => encodeMaxPoolBackward(context, gpuTensor(x), gpuTensor(dy), gpuTensor(dx), rows, shape)),
    sgdStep: plain((params, grads, velocity, decay, count, hyper) =>
      encodeSgdStep(context, gpuTensor(params), gpuTensor(grads), gpuTensor(velocity), gpuTensor(decay), count, hyper),
    ),
    denseSteps(run) {
      check();
      flush();
      return encodeDenseSteps(context, run);
    },
    adamStep: plain((params, grads, moments, decay, count, hyper) =>
      encodeAdamStep(context, gpuTensor(params), gpuTensor(grads), gpuTensor(moments), gpuTensor(decay), count, hyper),
    ),
  };
  return { ops, flush };
}
