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

describe('dense (fused x·W + b + activation)', () => {
  for (const activation of ['relu', 'tanh', 'sigmoid', 'linear'] as const) {
    it(activation, async () => {
      const backend = createCpuBackend();
      const [rows, inDim, outDim] = [5, 7, 3];
      const x = seeded(rows * inDim, 1).map((v, i) => (i % 4 === 0 ? 0 : v));
      const w = seeded(inDim * outDim, 2);
      const b = seeded(outDim, 3);
      const out = backend.createTensor(rows * outDim, 'out');
      backend.dense(tensorOf(backend, x), tensorOf(backend, w), tensorOf(backend, b), out, rows, inDim, outDim, activation);
      const expected = new Float64Array(rows * outDim);
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < outDim; j++) {
          let z = b[j];
          for (let p = 0; p < inDim; p++) z += x[r * inDim + p] * w[p * outDim + j];
          expected[r * outDim + j] = ACTIVATE[activation](z);
        }
      }
      expectClose(await backend.read(out), expected, 1e-5);
    });
  }
});
