import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/rng.ts';
import { EngineError, type Backend } from '../../src/engine/backend.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { createNetwork, createNetworks } from '../../src/model/network.ts';
import { uploadRows } from '../../src/model/rows.ts';
import type { ModelSpec, TrainHyper } from '../../src/model/types.ts';

const SPEC: ModelSpec = { kind: 'mlp', inputDim: 2, classes: 3, hidden: [16, 16], activation: 'tanh', dropout: 0 };
const SGD: TrainHyper = { optimizer: 'sgd', lr: 0.1, momentum: 0.9, l2: 1e-3, batch: 16, inputNoise: 0 };
const ADAM: TrainHyper = { optimizer: 'adam', lr: 0.01, momentum: 0, l2: 1e-3, batch: 12, inputNoise: 0.2 };
const SEEDS = [7, 8, 1234];

/** 90 seeded 2-D points in 3 classes by angle, hard targets, weights in [0.5, 1.5). */
function dataset(backend: Backend) {
  const rng = createRng(1);
  const n = 90;
  const x = Float32Array.from({ length: 2 * n }, () => 2 * rng.next() - 1);
  const targets = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) targets[3 * i + (Math.floor(((Math.atan2(x[2 * i + 1], x[2 * i]) + Math.PI) / (2 * Math.PI)) * 3) % 3)] = 1;
  const weights = Float32Array.from({ length: n }, () => 0.5 + rng.next());
  return { rows: uploadRows(backend, x, n, 2), test: uploadRows(backend, x.subarray(0, 2 * 40), 40, 2), targets, weights, n };
}

/** Trains `epochs` epochs through `train` in one seeded order per epoch. */
async function epochs<T>(n: number, count: number, train: (order: Int32Array, epoch: number) => Promise<T>): Promise<T[]> {
  const rng = createRng(3);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const stats: T[] = [];
  for (let e = 0; e < count; e++) stats.push(await train(rng.shuffle(order), e));
  return stats;
}

describe('createNetworks: K networks in the same ops', () => {
  it('trains each model exactly as createNetwork trains its seed alone (no noise): stats, parameters, predictions, verdicts', async () => {
    const backend = createCpuBackend();
    const data = dataset(backend);
    const batch = createNetworks(backend, SPEC, SEEDS);
    batch.setTrainingSet(data.rows, data.targets, data.weights);
    const batchStats = await epochs(data.n, 3, (order, e) => batch.trainEpoch(order, SGD, e));
    const [parameters, predictions, verdicts] = [await batch.getParameters(), await batch.predict(data.test), await batch.classify(data.test)];
    for (const [k, seed] of SEEDS.entries()) {
      const single = createNetwork(backend, SPEC, seed);
      single.setTrainingSet(data.rows, data.targets, data.weights);
      const stats = await epochs(data.n, 3, (order, e) => single.trainEpoch(order, SGD, e));
      expect(batchStats.map((s) => s[k])).toEqual(stats);
      expect(Array.from(parameters[k])).toEqual(Array.from(await single.getParameters()));
      expect(Array.from(predictions[k])).toEqual(Array.from(await single.predict(data.test)));
      expect(verdicts[k]).toEqual(await single.classify(data.test));
    }
    expect(Array.from(parameters[1])).not.toEqual(Array.from(parameters[0]));
  });

  it('gives each model its own dropout and input noise; model 0 draws what a lone network draws', async () => {
    const backend = createCpuBackend();
    const data = dataset(backend);
    const spec = { ...SPEC, dropout: 0.3 };
    const batch = createNetworks(backend, spec, [5, 5]);
    batch.setTrainingSet(data.rows, data.targets, data.weights);
    await epochs(data.n, 2, (order, e) => batch.trainEpoch(order, ADAM, 10 + e));
    const single = createNetwork(backend, spec, 5);
    single.setTrainingSet(data.rows, data.targets, data.weights);
    await epochs(data.n, 2, (order, e) => single.trainEpoch(order, ADAM, 10 + e));
    const [first, second] = await batch.getParameters();
    expect(Array.from(first)).toEqual(Array.from(await single.getParameters()));
    expect(Array.from(second)).not.toEqual(Array.from(first));
  });

  it('sets and gets each model\'s parameters, and refuses a wrong count', async () => {
    const backend = createCpuBackend();
    const batch = createNetworks(backend, SPEC, SEEDS);
    const given = SEEDS.map((_, k) => Float32Array.from({ length: batch.parameterCount }, (_, i) => k + i / 1000));
    batch.setParameters(given);
    expect((await batch.getParameters()).map((p) => Array.from(p))).toEqual(given.map((p) => Array.from(p)));
    expect(() => batch.setParameters(given.slice(1))).toThrow(EngineError);
    expect(() => batch.setParameters([given[0], given[1], new Float32Array(3)])).toThrow(EngineError);
    expect(() => createNetworks(backend, SPEC, [])).toThrow(EngineError);
  });
});
