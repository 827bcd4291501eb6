import { gpuTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { elementwiseGroups, enqueue, type KernelContext } from '../../webgpu/context.ts';
import { defineKernel } from '../../webgpu/kernel.ts';
import source from './fill.wgsl?raw';
import type { FillOp } from './fill.ts';
import type { GpuOpContext } from '../../webgpu/opContext.ts';

const FILL = defineKernel('fill', source);

/** Enqueues tensor[i] = value for every element: a dispatch, so it stays in order with the ops around it. */
export function encodeFill(context: KernelContext, tensor: GpuTensor, value: number): void {
  if (tensor.size === 0) return;
  enqueue(context, FILL, {}, { count: tensor.size, value }, { out: tensor }, [elementwiseGroups(tensor.size)]);
}

export const webgpuFill = (gpu: GpuOpContext): FillOp['fill'] => (tensor, value) => {
  gpu.begin();
  encodeFill(gpu, gpuTensor(tensor), value);
};
