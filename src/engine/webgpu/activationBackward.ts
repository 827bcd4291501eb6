import type { Activation } from '../backend.ts';
import type { GpuTensor } from './arena.ts';
import { ACTIVATION_CODE, checkDistinct, checkFits, elementwiseGroups, enqueue, type KernelContext } from './context.ts';
import activation from './activation.wgsl?raw';
import { defineKernel } from './kernel.ts';
import source from './activationBackward.wgsl?raw';

const ACTIVATION_BACKWARD = defineKernel('activationBackward', `${activation}\n${source}`);

/** Enqueues dx = dy ⊙ act'(y) over `count` elements; dx may be dy (the in-place entry point). */
export function encodeActivationBackward(context: KernelContext, y: GpuTensor, dy: GpuTensor, dx: GpuTensor, count: number, activation: Activation): void {
  const op = 'activationBackward';
  for (const [name, tensor] of [['y', y], ['dy', dy], ['dx', dx]] as const) checkFits(op, name, tensor, count);
  const inPlace = dx === dy;
  if (count === 0 || (inPlace && activation === 'linear')) return;
  const params = { count, activation: ACTIVATION_CODE[activation] };
  if (inPlace) {
    checkDistinct(op, [dx], [y]);
    enqueue(context, ACTIVATION_BACKWARD, { entryPoint: 'inPlace', uses: ['y', 'dx'] }, params, { y, dx }, [elementwiseGroups(count)]);
  } else {
    checkDistinct(op, [dx], [y, dy]);
    enqueue(context, ACTIVATION_BACKWARD, {}, params, { y, dy, dx }, [elementwiseGroups(count)]);
  }
}
