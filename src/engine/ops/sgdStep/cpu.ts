import { cpuTensor, slice } from '../../cpu/tensor.ts';
import { opModels } from '../../core/tensor.ts';
import type { SgdStep, SgdStepOp } from './sgdStep.ts';

/** g = grad + l2·decay·param; velocity = momentum·velocity + g; param -= lr·velocity. */
export function sgdStep(
  params: Float32Array,
  grads: Float32Array,
  velocity: Float32Array,
  decay: Float32Array,
  count: number,
  hyper: SgdStep,
): void {
  const { lr, momentum, l2 } = hyper;
  if (l2 === 0) {
    // The common case without weight decay skips the mask: same result, fewer loads.
    for (let i = 0; i < count; i++) {
      const v = momentum * velocity[i] + grads[i];
      velocity[i] = v;
      params[i] -= lr * v;
    }
    return;
  }
  for (let i = 0; i < count; i++) {
    const g = grads[i] + l2 * decay[i] * params[i];
    const v = momentum * velocity[i] + g;
    velocity[i] = v;
    params[i] -= lr * v;
  }
}

/** The op on the CPU: sgdStep over each model's slices. */
export const cpuSgdStep: SgdStepOp['sgdStep'] = (params, grads, velocity, decay, count, hyper) => {
  const [tp, tg, tv, td] = [cpuTensor(params), cpuTensor(grads), cpuTensor(velocity), cpuTensor(decay)];
  for (let k = 0, K = opModels('sgdStep', [tp, tv], [tg, td]); k < K; k++) sgdStep(slice(tp, k), slice(tg, k), slice(tv, k), slice(td, k), count, hyper);
};
