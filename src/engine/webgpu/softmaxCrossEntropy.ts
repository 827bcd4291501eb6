import { STATS } from '../backend.ts';
import type { GpuTensor } from './arena.ts';
import { checkDistinct, checkFits, enqueue, type KernelContext } from './context.ts';
import { defineKernel } from './kernel.ts';
import source from './softmaxCrossEntropy.wgsl?raw';

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
