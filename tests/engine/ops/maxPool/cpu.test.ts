import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../../src/engine/backend.ts';
import { createCpuBackend } from '../../../../src/engine/backends/cpu.ts';
import { referenceMaxPool } from '../../../model/helpers/convReference.ts';
import { expectClose, seeded, tensorOf } from '../../helpers.ts';

describe('maxPool (2×2, stride 2)', () => {
  it('takes each window maximum and drops an odd last row and column', async () => {
    const backend = createCpuBackend();
    // One 3×5 plane: pooled 1×2 from the first two rows; row 2 and column 4 are dropped.
    const x = tensorOf(backend, [1, 5, 2, 0, 99, 3, 4, 8, 7, 99, 99, 99, 99, 99, 99]);
    const out = tensorOf(backend, [-1, -1, -1]);
    backend.maxPool(x, out, 1, { channels: 1, height: 3, width: 5 });
    expect(Array.from(await backend.read(out))).toEqual([5, 8, -1]);
  });

  it('matches the float64 definition on batches of odd-sized planes', async () => {
    for (const [rows, channels, height, width] of [[1, 1, 5, 7], [3, 3, 7, 5], [2, 8, 28, 28]]) {
      const backend = createCpuBackend();
      const x = seeded(rows * channels * height * width, rows + height);
      const out = backend.createTensor(rows * channels * Math.floor(height / 2) * Math.floor(width / 2), 'out');
      backend.maxPool(tensorOf(backend, x), out, rows, { channels, height, width });
      expectClose(await backend.read(out), referenceMaxPool(x, rows, { channels, height, width }), 0);
    }
  });

  it('backward routes each gradient to the first maximum of its window and zeroes the rest', async () => {
    const backend = createCpuBackend();
    // A 2×4 plane, two windows: [7, 7 / 7, 1] ties (the first, top-left, wins) and [0, 2 / 3, 3] (bottom-left).
    const x = tensorOf(backend, [7, 7, 0, 2, 7, 1, 3, 3]);
    const dx = tensorOf(backend, new Float32Array(8).fill(5));
    backend.maxPoolBackward(x, tensorOf(backend, [10, 20]), dx, 1, { channels: 1, height: 2, width: 4 });
    expect(Array.from(await backend.read(dx))).toEqual([10, 0, 0, 0, 0, 0, 20, 0]);
  });

  it('backward is the adjoint of the forward op away from ties', async () => {
    const [rows, channels, height, width] = [3, 2, 5, 7];
    const backend = createCpuBackend();
    const x = seeded(rows * channels * height * width, 8);
    const dy = seeded(rows * channels * 2 * 3, 9);
    const dx = backend.createTensor(x.length, 'dx');
    backend.maxPoolBackward(tensorOf(backend, x), tensorOf(backend, dy), dx, rows, { channels, height, width });
    // Pooling is linear in x for a fixed argmax: <pool(x), dy> = <x, dx>.
    const pooled = referenceMaxPool(x, rows, { channels, height, width });
    const grad = await backend.read(dx);
    const lhs = pooled.reduce((sum, v, i) => sum + v * dy[i], 0);
    const rhs = x.reduce((sum, v, i) => sum + v * grad[i], 0);
    expect(rhs).toBeCloseTo(lhs, 4);
    expect(grad.filter((v) => v !== 0).length).toBe(dy.length);
  });

  it('refuses a zero channel count and short tensors, with EngineError', () => {
    const backend = createCpuBackend();
    const t = (n: number) => backend.createTensor(n, 't');
    expect(() => backend.maxPool(t(4), t(1), 1, { channels: 0, height: 2, width: 2 })).toThrow(EngineError);
    expect(() => backend.maxPool(t(3), t(1), 1, { channels: 1, height: 2, width: 2 })).toThrow(/x holds 3/);
    expect(() => backend.maxPoolBackward(t(4), t(1), t(3), 1, { channels: 1, height: 2, width: 2 })).toThrow(/dx holds 3/);
  });
});
