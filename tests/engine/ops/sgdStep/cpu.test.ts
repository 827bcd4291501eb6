import { describe, it } from 'vitest';
import { createCpuBackend } from '../../../../src/engine/backends/cpu.ts';
import { expectClose, tensorOf } from '../../helpers.ts';

// Two parameters: a weight (decay 1) and a bias (decay 0), two steps, worked by hand.
const PARAMS = [1, 2];
const DECAY = [1, 0];
const GRADS = [0.5, -1];

describe('sgdStep', () => {
  it('applies momentum and L2 on weights only', async () => {
    const backend = createCpuBackend();
    const params = tensorOf(backend, PARAMS);
    const velocity = backend.createTensor(2, 'velocity');
    const hyper = { lr: 0.1, momentum: 0.9, l2: 0.01 };
    backend.sgdStep(params, tensorOf(backend, GRADS), velocity, tensorOf(backend, DECAY), 2, hyper);
    // g = (0.5 + 0.01·1, -1) = (0.51, -1); v = g; p = (1 - 0.051, 2 + 0.1).
    expectClose(await backend.read(velocity), [0.51, -1], 1e-6);
    expectClose(await backend.read(params), [0.949, 2.1], 1e-6);
    backend.sgdStep(params, tensorOf(backend, GRADS), velocity, tensorOf(backend, DECAY), 2, hyper);
    // g = (0.5 + 0.00949, -1); v = (0.9·0.51 + 0.50949, -0.9 - 1) = (0.96849, -1.9); p -= 0.1·v.
    expectClose(await backend.read(velocity), [0.96849, -1.9], 1e-6);
    expectClose(await backend.read(params), [0.949 - 0.096849, 2.29], 1e-6);
  });
});

describe('adamStep', () => {
  it('applies bias-corrected Adam and L2 on weights only', async () => {
    const backend = createCpuBackend();
    const params = tensorOf(backend, PARAMS);
    const moments = backend.createTensor(4, 'moments');
    const hyper = { lr: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, l2: 0.1, step: 1 };
    backend.adamStep(params, tensorOf(backend, GRADS), moments, tensorOf(backend, DECAY), 2, hyper);
    // t = 1: g = (0.6, -1); m = 0.1·g; v = 0.001·g²; m̂ = g, v̂ = g², so each parameter moves lr·sign(g).
    expectClose(await backend.read(moments), [0.06, -0.1, 0.00036, 0.001], 1e-6);
    expectClose(await backend.read(params), [0.9, 2.1], 1e-6);
    hyper.step = 2;
    backend.adamStep(params, tensorOf(backend, GRADS), moments, tensorOf(backend, DECAY), 2, hyper);
    // t = 2, weight: g = 0.5 + 0.1·0.9 = 0.59; m = 0.9·0.06 + 0.059 = 0.113; v = 0.999·0.00036 + 0.001·0.3481 = 0.00070774.
    // m̂ = 0.113 / 0.19; v̂ = 0.00070774 / 0.001999; bias: g = -1, m = -0.19, v = 0.001999, m̂ = -1, v̂ = 1.
    const weight = 0.9 - (0.1 * (0.113 / 0.19)) / Math.sqrt(0.00070774 / 0.001999);
    expectClose(await backend.read(moments), [0.113, -0.19, 0.00070774, 0.001999], 1e-6);
    expectClose(await backend.read(params), [weight, 2.2], 1e-6);
  });
});
