import { gpuTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { checkDistinct, checkFits, enqueue, type KernelContext } from '../../webgpu/context.ts';
import { defineKernel } from '../../webgpu/kernel.ts';
import source from './softmaxCrossEntropy.wgsl?raw';
import { STATS, type SoftmaxCrossEntropyOp } from './softmaxCrossEntropy.ts';
import type { GpuOpContext } from '../../webgpu/opContext.ts';

const SOFTMAX_CROSS_ENTROPY = defineKernel('softmaxCrossEntropy', source);

/**
 * Invocations of the one workgroup (the shader's WG, a power of two): 64 on a GPU; 4 on a
 * software adapter, one SIMD group that meets the reductions' barriers without switching
 * (3-4× faster on SwiftShader than 64).
 */
const GPU_WG = 64;
const SOFTWARE_WG = 4;

/**
 * Enqueues the fused softmax, cross-entropy, gradient, argmax and stats of a batch (see
 * Backend.softmaxCrossEntropy): one workgroup, so the batch sums need no second pass.
 */
export function encodeSoftmaxCrossEntropy(
  context: KernelContext,
  logits: GpuTensor,
  targets: GpuTensor,
  weights: GpuTensor,
  rows: number,
  classes: number,
  dLogits: GpuTensor,
  stats: GpuTensor,
): void {
  const op = 'softmaxCrossEntropy';
  checkFits(op, 'logits', logits, rows * classes);
  checkFits(op, 'targets', targets, rows * classes);
  checkFits(op, 'weights', weights, rows);
  checkFits(op, 'dLogits', dLogits, rows * classes);
  checkFits(op, 'stats', stats, STATS.size);
  checkDistinct(op, [dLogits, stats], [logits, targets, weights]);
  enqueue(context, SOFTMAX_CROSS_ENTROPY, { constants: { WG: context.software ? SOFTWARE_WG : GPU_WG } }, { rows, classes }, { logits, targets, weights, dLogits, stats }, [1]);
}

export const webgpuSoftmaxCrossEntropy = (gpu: GpuOpContext): SoftmaxCrossEntropyOp['softmaxCrossEntropy'] => (logits, targets, weights, rows, classes, dLogits, stats) => {
  gpu.begin();
  const [l, t, w, d, s] = [logits, targets, weights, dLogits, stats].map(gpuTensor);
  encodeSoftmaxCrossEntropy(gpu, l, t, w, rows, classes, d, s);
};
