import type { AdamStep } from '../backend.ts';
import type { GpuTensor } from './arena.ts';
import { checkDistinct, checkFits, elementwiseGroups, enqueue, type KernelContext } from './context.ts';
import { defineKernel } from './kernel.ts';
import source from './adamStep.wgsl?raw';

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
