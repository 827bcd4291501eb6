import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/rng.ts';
import { WORKLOADS, epochOrder, makeData } from '../../bench/workloads.ts';

describe('bench workloads', () => {
  it('make the same data for the same seed, with one-hot targets', () => {
    const w1 = WORKLOADS[0];
    const a = makeData(w1);
    expect(makeData(w1).x).toEqual(a.x);
    expect(a.x).toHaveLength(w1.rows * 2);
    for (const r of [0, 1, 2]) expect(a.targets[r * a.classes + a.labels[r]]).toBe(1);
  });

  it('visit every row once per pass of an epoch longer than the dataset', () => {
    const order = epochOrder(createRng(1), 5, 12);
    expect([...order.subarray(0, 5)].sort()).toEqual([0, 1, 2, 3, 4]);
    expect([...order.subarray(5, 10)].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(order.subarray(10).every((i) => i >= 0 && i < 5)).toBe(true);
  });
});
