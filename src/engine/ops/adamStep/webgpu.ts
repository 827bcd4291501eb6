import { gpuTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { checkDistinct, checkFits, elementwiseGroups, enqueue, type KernelContext } from '../../webgpu/context.ts';
import { defineKernel } from '../../webgpu/kernel.ts';
import source from './adamStep.wgsl?raw';
import type { AdamStep, AdamStepOp } from './adamStep.ts';
import type { GpuOpContext } from '../../webgpu/opContext.ts';

const ADAM_STEP = defineKernel('adamStep', source);

/** Enqueues one Adam step over `count` elements; moments holds m then v. */
export function encodeAdamStep(context: KernelContext, weights: GpuTensor, grads: GpuTensor, moments: GpuTensor, decay: GpuTensor, count: number, hyper: AdamStep): void {
  for (const [name, tensor] of [['params', weights], ['grads', grads], ['decay', decay]] as const) checkFits('adamStep', name, tensor, count);
  checkFits('adamStep', 'moments', moments, 2 * count);
  checkDistinct('adamStep', [weights, moments], [grads, decay]);
  if (count === 0) return;
  const { lr, beta1, beta2, epsilon, l2, step } = hyper;
  // The bias corrections in double precision, as the CPU reference computes them.
  const params = { count, lr, beta1, beta2, epsilon, l2, firstCorrection: 1 / (1 - beta1 ** step), secondCorrection: 1 / (1 - beta2 ** step) };
  enqueue(context, ADAM_STEP, {}, params, { weights, grads, moments, decay }, [elementwiseGroups(count)]);
}

export const webgpuAdamStep = (gpu: GpuOpContext): AdamStepOp['adamStep'] => (params, grads, moments, decay, count, hyper) => {
  gpu.begin();
  encodeAdamStep(gpu, gpuTensor(params), gpuTensor(grads), gpuTensor(moments), gpuTensor(decay), count, hyper);
};
