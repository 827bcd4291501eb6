
import { streamKeys } from '../shared/random.ts';
import { gpuTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { checkDistinct, elementwiseGroups, enqueue, type KernelContext } from '../../webgpu/context.ts';
import { defineKernel } from '../../webgpu/kernel.ts';
import random from '../shared/random.wgsl?raw';
import { checkMixBatch } from './mix.ts';
import source from './mixBatch.wgsl?raw';
import type { MixBatchOp } from './mixBatch.ts';
import type { GpuOpContext } from '../../webgpu/opContext.ts';

const MIX_BATCH = defineKernel('mixBatch', `${random}\n${source}`);

/** Enqueues mixup of a batch's features, targets and weights in place, one dispatch for the three (see Backend.mixBatch). */
export function encodeMixBatch(
  context: KernelContext,
  x: GpuTensor,
  inputDim: number,
  targets: GpuTensor,
  classes: number,
  weights: GpuTensor,
  rows: number,
  seed: number,
  counter: number,
): void {
  checkMixBatch(rows, [['x', x.size, inputDim], ['targets', targets.size, classes], ['weights', weights.size, 1]]);
  checkDistinct('mixBatch', [x, targets, weights], []);
  const pairs = Math.floor(rows / 2);
  if (pairs === 0) return;
  const keys = streamKeys(seed, counter, { a: 0, b: 0 });
  enqueue(context, MIX_BATCH, {}, { rows, inputDim, classes, keyA: keys.a, keyB: keys.b }, { x, targets, weights }, [elementwiseGroups(pairs * (inputDim + classes + 1))]);
}

export const webgpuMixBatch = (gpu: GpuOpContext): MixBatchOp['mixBatch'] => (x, inputDim, targets, classes, weights, rows, seed, counter) => {
  gpu.begin();
  encodeMixBatch(gpu, gpuTensor(x), inputDim, gpuTensor(targets), classes, gpuTensor(weights), rows, seed, counter);
};
