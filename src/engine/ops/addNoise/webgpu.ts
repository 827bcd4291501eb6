import { NOISE_SCALE, streamKeys } from '../shared/random.ts';
import { gpuTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { checkFits, elementwiseGroups, enqueue, type KernelContext } from '../../webgpu/context.ts';
import { defineKernel } from '../../webgpu/kernel.ts';
import noise from '../shared/noise.wgsl?raw';
import random from '../shared/random.wgsl?raw';
import source from './addNoise.wgsl?raw';
import type { AddNoiseOp } from './addNoise.ts';
import type { GpuOpContext } from '../../webgpu/opContext.ts';

const ADD_NOISE = defineKernel('addNoise', `${random}\n${noise}\n${source}`);

/** Enqueues x[i] += std·z[i] for i < count, z the approximate normal of stream (seed, counter). */
export function encodeAddNoise(context: KernelContext, x: GpuTensor, count: number, std: number, seed: number, counter: number): void {
  checkFits('addNoise', 'x', x, count);
  if (count === 0 || std === 0) return;
  const keys = streamKeys(seed, counter, { a: 0, b: 0 });
  const variant = { constants: { NOISE_SCALE } };
  enqueue(context, ADD_NOISE, variant, { count, deviation: std, keyA: keys.a, keyB: keys.b }, { x }, [elementwiseGroups(count)]);
}

export const webgpuAddNoise = (gpu: GpuOpContext): AddNoiseOp['addNoise'] => (x, count, std, seed, counter) => {
  gpu.begin();
  encodeAddNoise(gpu, gpuTensor(x), count, std, seed, counter);
};
