import type { GpuTensor } from './arena.ts';
import { elementwiseGroups, enqueue, type KernelContext } from './context.ts';
import { defineKernel } from './kernel.ts';
import source from './fill.wgsl?raw';

const FILL = defineKernel('fill', source);

/** Enqueues tensor[i] = value for every element: a dispatch, so it stays in order with the ops around it. */
export function encodeFill(context: KernelContext, tensor: GpuTensor, value: number): void {
  if (tensor.size === 0) return;
  enqueue(context, FILL, {}, { count: tensor.size, value }, { out: tensor }, [elementwiseGroups(tensor.size)]);
}
