import { dropoutThreshold, streamKeys, type StreamKeys } from '../shared/random.ts';
import { gpuTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { checkDistinct, checkFits, elementwiseGroups, enqueue, type KernelContext } from '../../webgpu/context.ts';
import { defineKernel } from '../../webgpu/kernel.ts';
import random from '../shared/random.wgsl?raw';
import source from './dropout.wgsl?raw';
import type { DropoutOp } from './dropout.ts';
import type { GpuOpContext } from '../../webgpu/opContext.ts';

const DROPOUT = defineKernel('dropout', `${random}\n${source}`);

/**
 * Enqueues out = x ⊙ keep / (1 - rate) with the counter-based mask of stream (seed, counter);
 * also the backward op (same mask). out may be x. Rate 0 keeps everything at scale 1: a copy.
 */
export function encodeDropout(context: KernelContext, x: GpuTensor, out: GpuTensor, count: number, rate: number, seed: number, counter: number): void {
  checkFits('dropout', 'x', x, count);
  checkFits('dropout', 'out', out, count);
  const inPlace = x === out;
  if (count === 0 || (inPlace && rate <= 0)) return;
  const keys: StreamKeys = streamKeys(seed, counter, { a: 0, b: 0 });
  // Math.fround: the CPU multiplies by the f32 scale too, so both round x·scale once.
  const scale = rate >= 1 ? 0 : Math.fround(1 / (1 - Math.max(rate, 0)));
  const params = { count, threshold: dropoutThreshold(rate), scale, keyA: keys.a, keyB: keys.b };
  if (inPlace) {
    enqueue(context, DROPOUT, { entryPoint: 'inPlace', uses: ['out'] }, params, { out }, [elementwiseGroups(count)]);
  } else {
    checkDistinct('dropout', [out], [x]);
    enqueue(context, DROPOUT, {}, params, { x, out }, [elementwiseGroups(count)]);
  }
}

export const webgpuDropout = (gpu: GpuOpContext): DropoutOp['dropout'] => (x, out, count, rate, seed, counter) => {
  gpu.begin();
  encodeDropout(gpu, gpuTensor(x), gpuTensor(out), count, rate, seed, counter);
};

/** The backward op applies the same mask: the same kernel. */
export const webgpuDropoutBackward = (gpu: GpuOpContext): DropoutOp['dropoutBackward'] => (dy, dx, count, rate, seed, counter) => {
  gpu.begin();
  encodeDropout(gpu, gpuTensor(dy), gpuTensor(dx), count, rate, seed, counter);
};
