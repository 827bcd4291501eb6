import { describe, expect, test } from 'vitest';
import type { DenseSteps } from '../../../../src/engine/backend.ts';
import { createCpuBackend } from '../../../../src/engine/backends/cpu.ts';
import { fusesDenseSteps } from '../../../../src/engine/ops/denseSteps/webgpu.ts';
import type { WebGpuBackend } from '../../../../src/engine/backends/webgpu.ts';
import { createNetworks } from '../../../../src/model/network.ts';
import { uploadRows } from '../../../../src/model/rows.ts';
import type { MlpSpec, TrainHyper } from '../../../../src/model/types.ts';
import { useNodeBackend } from '../../webgpu/nodeGpu.ts';
import { uniform } from '../../webgpu/parity.ts';

let gpu: WebGpuBackend;
useNodeBackend((backend) => (gpu = backend));

const W1: MlpSpec = { kind: 'mlp', inputDim: 2, classes: 2, hidden: [16, 16], activation: 'tanh', dropout: 0 };
const SGD: TrainHyper = { optimizer: 'sgd', lr: 0.1, momentum: 0.9, l2: 0, batch: 16, inputNoise: 0 };

/** The dispatches one epoch of `seeds.length` networks of `spec` issues over `rows` rows. */
async function epochDispatches(spec: MlpSpec, seeds: number[], rows: number): Promise<number> {
  const train = uploadRows(gpu, uniform(rows * spec.inputDim, 1, -1, 1), rows, spec.inputDim);
  const networks = createNetworks(gpu, spec, seeds);
  try {
    const targets = new Float32Array(rows * spec.classes).map((_, i) => (i % spec.classes === 0 ? 1 : 0));
    networks.setTrainingSet(train, targets, new Float32Array(rows).fill(1));
    const order = Int32Array.from({ length: rows }, (_, i) => i);
    await networks.trainEpoch(order, SGD, 1);
    const before = gpu.counters.dispatches;
    await networks.trainEpoch(order, SGD, 2);
    return gpu.counters.dispatches - before;
  } finally {
    networks.dispose();
    train.dispose();
  }
}

describe('fused training steps (denseSteps)', () => {
  test('an epoch of 128 W1 steps, for one model or sixteen, is a few dispatches instead of a dozen per step', async () => {
    const one = await epochDispatches(W1, [1], 2048);
    const sixteen = await epochDispatches(W1, Array.from({ length: 16 }, (_, k) => k + 1), 2048);
    // A stats fill and the fused dispatches (each ≤ 2^20 multiply-adds per model).
    expect(one).toBeLessThanOrEqual(4);
    expect(sixteen).toBe(one);
  });

  test('a layer wider than 32 trains through the per-step ops', async () => {
    const wide = await epochDispatches({ ...W1, hidden: [33] }, [1], 160);
    expect(wide).toBeGreaterThanOrEqual(10 * 9);
  });

  test('the kernel takes only plans it can hold', () => {
    const cpu = createCpuBackend();
    const tensor = cpu.createTensor(1024, 't');
    const run = (layers: DenseSteps['layers'], inputDim = 2): DenseSteps => ({
      inputDim, layers, features: tensor, targets: tensor, weights: tensor, order: cpu.createIndexTensor(4, 'o'), start: 0, length: 4, batch: 2,
      parameters: tensor, gradients: tensor, moments: tensor, parameterCount: 512, stats: tensor, counter: 1, inputNoise: 0, inputNoiseSeed: 0,
      optimizer: { kind: 'sgd', hyper: { lr: 0.1, momentum: 0, l2: 0 } },
    });
    const dense = (units: number, weights: number, bias: number, dropout = 0) => ({ units, activation: 'relu' as const, weights, bias, dropout, dropoutSeed: 0 });
    expect(fusesDenseSteps(run([dense(16, 0, 64, 0.5), dense(3, 128, 192)]))).toBe(true);
    expect(fusesDenseSteps(run([dense(33, 0, 128), dense(3, 192, 320)]))).toBe(false);
    expect(fusesDenseSteps(run([dense(16, 0, 64), dense(3, 128, 192)], 33))).toBe(false);
    expect(fusesDenseSteps(run([dense(16, 0, 64), dense(3, 128, 192, 0.5)]))).toBe(false);
    expect(fusesDenseSteps(run([dense(16, 0, 64), dense(3, 128, 510)]))).toBe(false);
    expect(fusesDenseSteps(run(Array.from({ length: 6 }, (_, l) => dense(2, 64 * l, 64 * l + 32))))).toBe(false);
    expect(fusesDenseSteps(run([dense(1, 0, 64)]))).toBe(false);
  });
});

describe('trainEpoch checks its order on every backend', () => {
  test.each([
    ['cpu', () => createCpuBackend()],
    ['webgpu', () => gpu],
  ])('%s: a row outside the training set is a clear error', async (_, backend) => {
    const b = backend();
    const train = uploadRows(b, new Float32Array(8), 4, 2);
    const networks = createNetworks(b, W1, [1]);
    try {
      networks.setTrainingSet(train, new Float32Array(8), new Float32Array(4).fill(1));
      await expect(networks.trainEpoch(Int32Array.from([0, 1, 4]), SGD, 1)).rejects.toThrow('order[2] = 4 is not one of the 4 training rows');
    } finally {
      networks.dispose();
      train.dispose();
    }
  });
});
