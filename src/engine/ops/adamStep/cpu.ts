import { cpuTensor, slice } from '../../cpu/tensor.ts';
import { opModels } from '../../core/tensor.ts';
import type { AdamStep, AdamStepOp } from './adamStep.ts';

/** Adam: param -= lr·m̂/(√v̂ + ε), m̂ = m/(1-β1^t), v̂ = v/(1-β2^t); m in moments[0, count), v after it. */
export function adamStep(
  params: Float32Array,
  grads: Float32Array,
  moments: Float32Array,
  decay: Float32Array,
  count: number,
  hyper: AdamStep,
): void {
  const { lr, beta1, beta2, epsilon, l2, step } = hyper;
  const firstCorrection = 1 / (1 - Math.pow(beta1, step));
  const secondCorrection = 1 / (1 - Math.pow(beta2, step));
  for (let i = 0; i < count; i++) {
    const g = grads[i] + l2 * decay[i] * params[i];
    const m = beta1 * moments[i] + (1 - beta1) * g;
    const v = beta2 * moments[count + i] + (1 - beta2) * g * g;
    moments[i] = m;
    moments[count + i] = v;
    params[i] -= (lr * (m * firstCorrection)) / (Math.sqrt(v * secondCorrection) + epsilon);
  }
}

/** The op on the CPU: adamStep over each model's slices. */
export const cpuAdamStep: AdamStepOp['adamStep'] = (params, grads, moments, decay, count, hyper) => {
  const [tp, tg, tm, td] = [cpuTensor(params), cpuTensor(grads), cpuTensor(moments), cpuTensor(decay)];
  for (let k = 0, K = opModels('adamStep', [tp, tm], [tg, td]); k < K; k++) adamStep(slice(tp, k), slice(tg, k), slice(tm, k), slice(td, k), count, hyper);
};
