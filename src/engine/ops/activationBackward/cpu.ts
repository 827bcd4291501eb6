import { cpuTensor, slice } from '../../cpu/tensor.ts';
import { opModels } from '../../core/tensor.ts';
import type { Activation } from '../../core/shapes.ts';
import type { ActivationBackwardOp } from './activationBackward.ts';

/**
 * dx = dy ⊙ act'(z), written from the output y = act(z): relu' = [y > 0], tanh' = 1 - y²,
 * sigmoid' = y·(1 - y), linear' = 1.
 */
export function activationBackward(y: Float32Array, dy: Float32Array, dx: Float32Array, count: number, activation: Activation): void {
  if (activation === 'relu') {
    for (let i = 0; i < count; i++) dx[i] = y[i] > 0 ? dy[i] : 0;
  } else if (activation === 'tanh') {
    for (let i = 0; i < count; i++) dx[i] = dy[i] * (1 - y[i] * y[i]);
  } else if (activation === 'sigmoid') {
    for (let i = 0; i < count; i++) dx[i] = dy[i] * y[i] * (1 - y[i]);
  } else if (dx !== dy) {
    for (let i = 0; i < count; i++) dx[i] = dy[i];
  }
}

/** out[from, to) = act(out[from, to)) in place. */
export function activate(out: Float32Array, from: number, to: number, activation: Activation): void {
  if (activation === 'relu') {
    for (let i = from; i < to; i++) if (out[i] < 0) out[i] = 0;
  } else if (activation === 'tanh') {
    for (let i = from; i < to; i++) out[i] = Math.tanh(out[i]);
  } else if (activation === 'sigmoid') {
    for (let i = from; i < to; i++) out[i] = 1 / (1 + Math.exp(-out[i]));
  }
}

/** The op on the CPU: activationBackward over each model's slices. */
export const cpuActivationBackward: ActivationBackwardOp['activationBackward'] = (y, dy, dx, count, activation) => {
  const [ty, tdy, tdx] = [cpuTensor(y), cpuTensor(dy), cpuTensor(dx)];
  for (let k = 0, K = opModels('activationBackward', [tdx], [ty, tdy]); k < K; k++) activationBackward(slice(ty, k), slice(tdy, k), slice(tdx, k), count, activation);
};
