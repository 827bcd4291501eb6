import type { SgdStep } from '../backend.ts';
import type { GpuTensor } from './arena.ts';
import { checkDistinct, checkFits, elementwiseGroups, enqueue, type KernelContext } from './context.ts';
import { defineKernel } from './kernel.ts';
import source from './sgdStep.wgsl?raw';

const SGD_STEP = defineKernel('sgdStep', source);

/** Enqueues one SGD-with-momentum step over `count` elements of the flat buffers. */
export function encodeSgdStep(context: KernelContext, weights: GpuTensor, grads: GpuTensor, velocity: GpuTensor, decay: GpuTensor, count: number, hyper: SgdStep): void {
  for (const [name, tensor] of [['params', weights], ['grads', grads], ['velocity', velocity], ['decay', decay]] as const) checkFits('sgdStep', name, tensor, count);
  checkDistinct('sgdStep', [weights, velocity], [grads, decay]);
  if (count === 0) return;
  const params = { count, lr: hyper.lr, momentum: hyper.momentum, l2: hyper.l2 };
  enqueue(context, SGD_STEP, {}, params, { weights, grads, velocity, decay }, [elementwiseGroups(count)]);
}
