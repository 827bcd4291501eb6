import { describe, it } from 'vitest';
import type { Activation } from '../../../../src/engine/backend.ts';
import { createCpuBackend } from '../../../../src/engine/backends/cpu.ts';
import { expectClose, seeded, tensorOf } from '../../helpers.ts';

const ACTIVATE: Record<Activation, (z: number) => number> = {
  relu: (z) => Math.max(0, z),
  tanh: Math.tanh,
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  linear: (z) => z,
};

describe('activationBackward (from the output y = act(z))', () => {
  for (const activation of ['relu', 'tanh', 'sigmoid', 'linear'] as const) {
    it(`${activation}: dy ⊙ act'(z) against a float64 central difference, in place`, async () => {
      const backend = createCpuBackend();
      const z = seeded(20, 1);
      const dy = seeded(20, 2);
      const y = tensorOf(backend, Array.from(z, ACTIVATE[activation]));
      const gradient = tensorOf(backend, dy);
      backend.activationBackward(y, gradient, gradient, z.length, activation);
      const h = 1e-6;
      const expected = Array.from(z, (value, i) => (dy[i] * (ACTIVATE[activation](value + h) - ACTIVATE[activation](value - h))) / (2 * h));
      expectClose(await backend.read(gradient), expected, 1e-5);
    });
  }
});
