import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../../../src/engine/backends/cpu.ts';
import { mixWeight } from '../../../../src/engine/ops/mixBatch/mix.ts';
import { expectClose, seeded, tensorOf } from '../../helpers.ts';

describe('mixBatch', () => {
  it('blends row r with row rows-1-r by the pair weight, both ways, and leaves the middle row and the rest', async () => {
    const backend = createCpuBackend();
    const [rows, dim] = [7, 5];
    const x = seeded(rows * dim + 4, 1);
    const tensor = tensorOf(backend, x);
    backend.mixBatch(tensor, dim, backend.createTensor(rows, 'targets'), 1, backend.createTensor(rows, 'weights'), rows, 11, 2);
    const out = await backend.read(tensor);
    for (let r = 0; r < 3; r++) {
      const p = rows - 1 - r;
      const lambda = mixWeight(11, 2, r);
      for (let e = 0; e < dim; e++) {
        const [a, b] = [x[r * dim + e], x[p * dim + e]];
        expectClose([out[r * dim + e], out[p * dim + e]], [lambda * a + (1 - lambda) * b, lambda * b + (1 - lambda) * a], 1e-6);
      }
    }
    expect(Array.from(out.subarray(3 * dim, 4 * dim))).toEqual(Array.from(x.subarray(3 * dim, 4 * dim)));
    expect(Array.from(out.subarray(rows * dim))).toEqual(Array.from(x.subarray(rows * dim)));
  });

  it('mixes features, targets and weights alike: a one-hot target becomes the features\' blend', async () => {
    const backend = createCpuBackend();
    const rows = 10;
    // Row r's feature is r, its target one-hot on r and its weight 2r: each blended row's
    // feature must be Σ_c c·t_c, and its weight twice its feature.
    const features = tensorOf(backend, Array.from({ length: rows }, (_, r) => r));
    const targets = tensorOf(backend, Array.from({ length: rows * rows }, (_, i) => (i % (rows + 1) === 0 ? 1 : 0)));
    const weights = tensorOf(backend, Array.from({ length: rows }, (_, r) => 2 * r));
    backend.mixBatch(features, 1, targets, rows, weights, rows, 3, 9);
    const [f, t, w] = [await backend.read(features), await backend.read(targets), await backend.read(weights)];
    for (let r = 0; r < rows; r++) {
      const row = t.subarray(r * rows, (r + 1) * rows);
      expect(row.reduce((sum, v) => sum + v, 0)).toBeCloseTo(1, 6);
      expect(row.reduce((sum, v, c) => sum + c * v, 0)).toBeCloseTo(f[r], 5);
      expect(w[r]).toBeCloseTo(2 * f[r], 5);
    }
    // Every pair was blended, not left as it was.
    expect(Array.from(f).filter((v, r) => v !== r).length).toBe(rows);
  });

  it('draws weights spread over [0, 1), new ones for a new counter', () => {
    const draws = Array.from({ length: 4000 }, (_, i) => mixWeight(5, 1, i));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((sum, v) => sum + v, 0) / draws.length;
    expect(mean).toBeCloseTo(0.5, 1);
    // A uniform's quarters hold a quarter each.
    for (let q = 0; q < 4; q++) expect(draws.filter((v) => Math.floor(v * 4) === q).length / draws.length).toBeCloseTo(0.25, 1);
    expect(mixWeight(5, 2, 0)).not.toBe(mixWeight(5, 1, 0));
  });

  it('refuses rows that do not fit a tensor, and fractional counts', () => {
    const backend = createCpuBackend();
    const [x, targets, weights] = [backend.createTensor(10, 'x'), backend.createTensor(8, 'targets'), backend.createTensor(4, 'weights')];
    expect(() => backend.mixBatch(x, 3, targets, 2, weights, 4, 1, 1)).toThrow(/mixBatch: x holds 10 elements/);
    expect(() => backend.mixBatch(x, 2, targets, 3, weights, 4, 1, 1)).toThrow(/mixBatch: targets holds 8 elements/);
    expect(() => backend.mixBatch(x, 2, targets, 2, backend.createTensor(3, 'weights'), 4, 1, 1)).toThrow(/mixBatch: weights holds 3 elements/);
    expect(() => backend.mixBatch(x, 2.5, targets, 2, weights, 2, 1, 1)).toThrow(/mixBatch: rows and x's values per row must be whole numbers/);
  });
});
