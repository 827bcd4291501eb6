import type { Activation } from '../../core/shapes.ts';
import { gpuTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { checkDistinct, checkFits, elementwiseGroups, enqueue, type KernelContext } from '../../webgpu/context.ts';
import activation from './activation.wgsl?raw';
import { defineKernel } from '../../webgpu/kernel.ts';
import source from './activationBackward.wgsl?raw';
import type { ActivationBackwardOp } from './activationBackward.ts';
import type { GpuOpContext } from '../../webgpu/opContext.ts';

/** The activation's number in WGSL (the kernels' `switch params.activation`, activation.wgsl). */
export const ACTIVATION_CODE: Readonly<Record<Activation, number>> = { linear: 0, relu: 1, tanh: 2, sigmoid: 3 };

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

export const webgpuActivationBackward = (gpu: GpuOpContext): ActivationBackwardOp['activationBackward'] => (y, dy, dx, count, activation) => {
  gpu.begin();
  encodeActivationBackward(gpu, gpuTensor(y), gpuTensor(dy), gpuTensor(dx), count, activation);
};
