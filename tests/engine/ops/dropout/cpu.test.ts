import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../../../src/engine/backends/cpu.ts';
import { dropoutKeeps, noiseNormal } from '../../../../src/engine/ops/shared/random.ts';
import { expectClose, seeded, tensorOf } from '../../helpers.ts';

describe('dropout', () => {
  it('zeroes the hashed mask and scales the rest by 1 / (1 - rate); backward uses the same mask', async () => {
    const backend = createCpuBackend();
    const n = 200;
    const rate = 0.25;
    const x = seeded(n, 1);
    const out = backend.createTensor(n, 'out');
    backend.dropout(tensorOf(backend, x), out, n, rate, 42, 3);
    const expected = Array.from(x, (v, i) => (dropoutKeeps(42, 3, i, rate) ? v / (1 - rate) : 0));
    expectClose(await backend.read(out), expected, 1e-6);

    const dy = seeded(n, 2);
    const dx = tensorOf(backend, dy);
    backend.dropoutBackward(dx, dx, n, rate, 42, 3);
    expectClose(await backend.read(dx), Array.from(dy, (v, i) => (dropoutKeeps(42, 3, i, rate) ? v / (1 - rate) : 0)), 1e-6);
  });

  it('draws a new mask for a new counter, and passes x through at rate 0', async () => {
    const backend = createCpuBackend();
    const x = tensorOf(backend, new Float32Array(64).fill(1));
    const a = backend.createTensor(64, 'a');
    const b = backend.createTensor(64, 'b');
    backend.dropout(x, a, 64, 0.5, 1, 1);
    backend.dropout(x, b, 64, 0.5, 1, 2);
    expect(Array.from(await backend.read(a))).not.toEqual(Array.from(await backend.read(b)));
    backend.dropout(x, a, 64, 0, 1, 1);
    expect(Array.from(await backend.read(a))).toEqual(new Array(64).fill(1));
  });
});

describe('addNoise', () => {
  it('adds std · z from the counter-based stream to the first count elements only', async () => {
    const backend = createCpuBackend();
    const x = seeded(50, 3);
    const tensor = tensorOf(backend, x);
    backend.addNoise(tensor, 40, 0.5, 9, 4);
    const result = await backend.read(tensor);
    expectClose(result.subarray(0, 40), Array.from(x.subarray(0, 40), (v, i) => v + 0.5 * noiseNormal(9, 4, i)), 1e-6);
    expect(Array.from(result.subarray(40))).toEqual(Array.from(x.subarray(40)));
  });
});
