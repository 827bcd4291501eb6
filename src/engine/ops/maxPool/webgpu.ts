import { checkImageShape, type ImageShape } from '../../core/shapes.ts';
import { gpuTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { checkDistinct, checkFits, elementwiseGroups, enqueue, type KernelContext } from '../../webgpu/context.ts';
import { defineKernel } from '../../webgpu/kernel.ts';
import forward from './maxPool.wgsl?raw';
import backward from './maxPoolBackward.wgsl?raw';
import type { MaxPoolOp } from './maxPool.ts';
import window from './maxPoolWindow.wgsl?raw';
import type { GpuOpContext } from '../../webgpu/opContext.ts';

const MAX_POOL = defineKernel('maxPool', `${window}\n${forward}`);
const MAX_POOL_BACKWARD = defineKernel('maxPoolBackward', `${window}\n${backward}`);

/** Enqueues out = 2×2 max-pool, stride 2, of x (see Backend.maxPool). */
export function encodeMaxPool(context: KernelContext, x: GpuTensor, out: GpuTensor, rows: number, shape: ImageShape): void {
  checkImageShape('maxPool', rows, shape);
  const { channels, height, width } = shape;
  const planes = rows * channels;
  const count = planes * Math.floor(height / 2) * Math.floor(width / 2);
  checkFits('maxPool', 'x', x, planes * height * width);
  checkFits('maxPool', 'out', out, count);
  checkDistinct('maxPool', [out], [x]);
  if (count === 0) return;
  enqueue(context, MAX_POOL, {}, { planes, height, width }, { x, out }, [elementwiseGroups(count)]);
}

/** Enqueues dx = maxPool's input gradient (see Backend.maxPoolBackward), the argmax recomputed from x: one invocation per window. */
export function encodeMaxPoolBackward(context: KernelContext, x: GpuTensor, dy: GpuTensor, dx: GpuTensor, rows: number, shape: ImageShape): void {
  checkImageShape('maxPoolBackward', rows, shape);
  const { channels, height, width } = shape;
  const planes = rows * channels;
  const count = planes * height * width;
  checkFits('maxPoolBackward', 'x', x, count);
  checkFits('maxPoolBackward', 'dy', dy, planes * Math.floor(height / 2) * Math.floor(width / 2));
  checkFits('maxPoolBackward', 'dx', dx, count);
  checkDistinct('maxPoolBackward', [dx], [x, dy]);
  if (count === 0) return;
  const windows = planes * Math.ceil(height / 2) * Math.ceil(width / 2);
  enqueue(context, MAX_POOL_BACKWARD, {}, { planes, height, width }, { x, dy, dx }, [elementwiseGroups(windows)]);
}

export const webgpuMaxPool = (gpu: GpuOpContext): MaxPoolOp['maxPool'] => (x, out, rows, shape) => {
  gpu.begin();
  encodeMaxPool(gpu, gpuTensor(x), gpuTensor(out), rows, shape);
};

export const webgpuMaxPoolBackward = (gpu: GpuOpContext): MaxPoolOp['maxPoolBackward'] => (x, dy, dx, rows, shape) => {
  gpu.begin();
  encodeMaxPoolBackward(gpu, gpuTensor(x), gpuTensor(dy), gpuTensor(dx), rows, shape);
};
