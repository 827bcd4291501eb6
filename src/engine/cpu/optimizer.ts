import type { AdamStep, SgdStep } from '../backend.ts';

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
