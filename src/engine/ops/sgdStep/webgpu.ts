import { gpuTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { checkDistinct, checkFits, elementwiseGroups, enqueue, type KernelContext } from '../../webgpu/context.ts';
import { defineKernel } from '../../webgpu/kernel.ts';
import source from './sgdStep.wgsl?raw';
import type { SgdStep, SgdStepOp } from './sgdStep.ts';
import type { GpuOpContext } from '../../webgpu/opContext.ts';

const SGD_STEP = defineKernel('sgdStep', source);

/** Enqueues one SGD-with-momentum step over `count` elements of the flat buffers. */
export function encodeSgdStep(context: KernelContext, weights: GpuTensor, grads: GpuTensor, velocity: GpuTensor, decay: GpuTensor, count: number, hyper: SgdStep): void {
  for (const [name, tensor] of [['params', weights], ['grads', grads], ['velocity', velocity], ['decay', decay]] as const) checkFits('sgdStep', name, tensor, count);
  checkDistinct('sgdStep', [weights, velocity], [grads, decay]);
  if (count === 0) return;
  const params = { count, lr: hyper.lr, momentum: hyper.momentum, l2: hyper.l2 };
  enqueue(context, SGD_STEP, {}, params, { weights, grads, velocity, decay }, [elementwiseGroups(count)]);
}

export const webgpuSgdStep = (gpu: GpuOpContext): SgdStepOp['sgdStep'] => (params, grads, velocity, decay, count, hyper) => {
  gpu.begin();
  encodeSgdStep(gpu, gpuTensor(params), gpuTensor(grads), gpuTensor(velocity), gpuTensor(decay), count, hyper);
};
