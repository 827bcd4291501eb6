import { describe, expect, it } from 'vitest';
import { STATS, type Backend } from '../../../../src/engine/backend.ts';
import { createCpuBackend } from '../../../../src/engine/backends/cpu.ts';
import { seeded } from '../../helpers.ts';

/** The op over fresh tensors: its gradient, and what it added to stats (which start at `stats`). */
async function reconstructionLoss(backend: Backend, outputs: ArrayLike<number>, targets: ArrayLike<number>, weights: ArrayLike<number>, dim: number, stats = [0, 0, 0, 0], models = 1) {
  const rows = weights.length / models;
  const tensor = (values: ArrayLike<number>, label: string) => {
    const t = backend.createTensor(values.length / models, label, models);
    backend.write(t, Float32Array.from(values));
    return t;
  };
  const dOutputs = backend.createTensor(rows * dim, 'dOutputs', models);
  const totals = tensor(Array.from({ length: models }, () => stats).flat(), 'stats');
  backend.reconstructionLoss(tensor(outputs, 'outputs'), tensor(targets, 'targets'), tensor(weights, 'weights'), rows, dim, dOutputs, totals);
  return { dOutputs: Array.from(await backend.read(dOutputs)), stats: Array.from(await backend.read(totals)) };
}

describe('reconstructionLoss', () => {
  it('computes a hand-worked batch: the gradient, and Σ w·E, Σ w and the rows added to stats, the correct count left alone', async () => {
    // Row 0: errors (1, 2), E = 5/2, weight 1. Row 1: errors (-1, 1), E = 2/2, weight 3.
    // Σ w·E = 2.5 + 3 = 5.5, Σ w = 4; dy = 2·w·error / (2·4) = w·error / 4.
    const { dOutputs, stats } = await reconstructionLoss(createCpuBackend(), [1, 2, 0, 0], [0, 0, 1, -1], [1, 3], 2, [0.5, 0.25, 7, 2]);
    expect(dOutputs).toEqual([0.25, 0.5, -0.75, 0.75]);
    expect(stats).toEqual([6, 4.25, 7, 4]);
  });

  it('writes the gradient of L = Σ w·E / Σ w: central differences agree (exactly, up to rounding, for a quadratic)', async () => {
    const backend = createCpuBackend();
    const [rows, dim] = [4, 5];
    const outputs = seeded(rows * dim, 3);
    const targets = seeded(rows * dim, 4);
    // Row 2 has weight 0: its gradient is 0, and so is its difference.
    const weights = [0.5, 2, 0, 1.25];
    const loss = async (y: Float32Array) => {
      const { stats } = await reconstructionLoss(backend, y, targets, weights, dim);
      return stats[STATS.weightedLoss] / stats[STATS.weight];
    };
    const { dOutputs } = await reconstructionLoss(backend, outputs, targets, weights, dim);
    const h = 0.5;
    for (let i = 0; i < rows * dim; i++) {
      const [up, down] = [Float32Array.from(outputs), Float32Array.from(outputs)];
      up[i] += h;
      down[i] -= h;
      const difference = ((await loss(up)) - (await loss(down))) / (2 * h);
      expect(Math.abs(dOutputs[i] - difference), `element ${i}: ${dOutputs[i]} against ${difference}`).toBeLessThan(1e-6);
      if (Math.floor(i / dim) === 2) expect(Math.abs(dOutputs[i])).toBe(0);
    }
  });

  it('writes a zero gradient when every weight is zero, and adds no loss and no weight, only the rows', async () => {
    const { dOutputs, stats } = await reconstructionLoss(createCpuBackend(), seeded(6, 1), seeded(6, 2), [0, 0], 3, [1, 2, 3, 4]);
    expect(dOutputs.every((g) => g === 0)).toBe(true);
    expect(stats).toEqual([1, 2, 3, 6]);
  });

  it("takes each model's own slices when stacked: model k is the op on model k's rows", async () => {
    const backend = createCpuBackend();
    const [rows, dim, models] = [3, 4, 3];
    const outputs = seeded(models * rows * dim, 5);
    const targets = seeded(models * rows * dim, 6);
    const weights = [1, 0.5, 2, 0, 1, 1, 3, 0.25, 0];
    const together = await reconstructionLoss(backend, outputs, targets, weights, dim, [1, 2, 3, 4], models);
    for (let k = 0; k < models; k++) {
      const cells = (values: Float32Array) => values.subarray(k * rows * dim, (k + 1) * rows * dim);
      const alone = await reconstructionLoss(backend, cells(outputs), cells(targets), weights.slice(k * rows, (k + 1) * rows), dim, [1, 2, 3, 4]);
      expect(together.dOutputs.slice(k * rows * dim, (k + 1) * rows * dim)).toEqual(alone.dOutputs);
      expect(together.stats.slice(k * STATS.size, (k + 1) * STATS.size)).toEqual(alone.stats);
    }
  });
});
