import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/rng.ts';
import { WORKLOADS, epochOrder, makeData, workloadByName, workloadSize, workloadSpec } from '../../bench/workloads.ts';
import { createBackend } from '../../src/host/backendChoice.ts';
import { wasmWorkOf } from '../../src/host/backendCrossover.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { createNetwork } from '../../src/model/network.ts';

describe('bench workloads', () => {
  it("are weighed by auto's crossovers as a link's model is: W1 at 5,120 multiply-adds a step, W2 at 13.0 million, W3 at 18.6 million", async () => {
    const work = ['W1', 'W1x16', 'W2', 'W3'].map((name) => wasmWorkOf(workloadSize(workloadByName(name as 'W1'))));
    expect(work).toEqual([5_120, 16 * 5_120, 13_008_896, 18_565_120]);
    expect(workloadSize(workloadByName('W3')).parameters).toBe(80 + 1168 + 7850);
    // Without a GPU, auto runs every workload on WebAssembly, as the crossover table in bench/RESULTS.md has it.
    for (const name of ['W1', 'W2', 'W3'] as const) {
      const chosen = await createBackend('auto', { size: workloadSize(workloadByName(name)), gpu: null });
      expect(chosen.backend.info.kind).toBe('wasm');
      chosen.dispose();
    }
  });

  it('make the same data for the same seed, with one-hot targets', () => {
    const w1 = WORKLOADS[0];
    const a = makeData(w1);
    expect(makeData(w1).x).toEqual(a.x);
    expect(a.x).toHaveLength(w1.rows * 2);
    for (const r of [0, 1, 2]) expect(a.targets[r * a.classes + a.labels[r]]).toBe(1);
  });

  it('W3 is the CNN of 28×28 images: conv 8 + pool, conv 16 + pool, dense to 10 classes', () => {
    const spec = workloadSpec(workloadByName('W3'));
    expect(spec).toMatchObject({ kind: 'cnn', inputDim: 784, classes: 10, filters: [8, 16], hidden: [] });
    // 8·9 + 8, 16·8·9 + 16, 16·7·7·10 + 10.
    expect(createNetwork(createCpuBackend(), spec, 1).parameterCount).toBe(80 + 1168 + 7850);
  });

  it('visit every row once per pass of an epoch longer than the dataset', () => {
    const order = epochOrder(createRng(1), 5, 12);
    expect([...order.subarray(0, 5)].sort()).toEqual([0, 1, 2, 3, 4]);
    expect([...order.subarray(5, 10)].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(order.subarray(10).every((i) => i >= 0 && i < 5)).toBe(true);
  });
});
