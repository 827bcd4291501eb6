import { checkMixBatch } from '../cpu/mix.ts';
import { streamKeys } from '../cpu/random.ts';
import type { GpuTensor } from './arena.ts';
import { checkDistinct, elementwiseGroups, enqueue, type KernelContext } from './context.ts';
import { defineKernel } from './kernel.ts';
import random from './random.wgsl?raw';
import source from './mixBatch.wgsl?raw';

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
