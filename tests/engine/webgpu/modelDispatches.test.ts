import { describe, expect, test } from 'vitest';
import type { WebGpuBackend } from '../../../src/engine/backends/webgpu.ts';
import { createNetworks } from '../../../src/model/network.ts';
import { uploadPixelRows, uploadRows } from '../../../src/model/rows.ts';
import type { ModelSpec, TrainHyper } from '../../../src/model/types.ts';
import { useNodeBackend } from './nodeGpu.ts';
import { uniform } from './parity.ts';

let gpu: WebGpuBackend;
useNodeBackend((backend) => (gpu = backend));

const ADAM: TrainHyper = { optimizer: 'adam', lr: 0.01, momentum: 0, l2: 0, batch: 4, inputNoise: 0 };
const IMAGE = { channels: 1, height: 28, width: 28 };

/**
 * Models the presets train: the playground's MLP (fused steps), two wider ones (per-step
 * ops) and the MNIST preset's CNN with its shifts and dropout. Dispatch counts do not depend
 * on the batch size, so batches of 4 keep the software adapter's work small.
 */
const CASES: { name: string; spec: ModelSpec; hyper: TrainHyper }[] = [
  { name: 'MLP 2-16-16-2 (fused steps)', spec: { kind: 'mlp', inputDim: 2, classes: 2, hidden: [16, 16], activation: 'tanh', dropout: 0 }, hyper: { ...ADAM, inputNoise: 0.2 } },
  { name: 'MLP 2-64-64-2, dropout', spec: { kind: 'mlp', inputDim: 2, classes: 2, hidden: [64, 64], activation: 'tanh', dropout: 0.1 }, hyper: ADAM },
  { name: 'MLP 784-128-10', spec: { kind: 'mlp', inputDim: 784, classes: 10, hidden: [128], activation: 'relu', dropout: 0 }, hyper: ADAM },
  {
    name: 'CNN 28×28 conv8-pool-conv16-pool-dense64, shifts, dropout',
    spec: { kind: 'cnn', inputDim: 784, image: IMAGE, classes: 10, filters: [8, 16], hidden: [64], dropout: 0.2 },
    hyper: { ...ADAM, shift: { image: IMAGE, pixels: 2 } },
  },
];

/**
 * The dispatches of one training step and of an epoch's fixed part (the stats fill) for
 * `models` networks of `spec`: an epoch of three steps less an epoch of one is two steps.
 */
async function dispatches(spec: ModelSpec, hyper: TrainHyper, models: number): Promise<{ perStep: number; perEpoch: number }> {
  const rows = 3 * hyper.batch;
  const train =
    spec.kind === 'cnn'
      ? uploadPixelRows(gpu, Uint8Array.from({ length: rows * spec.inputDim }, (_, i) => (i * 37) % 256), rows, spec.inputDim)
      : uploadRows(gpu, uniform(rows * spec.inputDim, 1, -1, 1), rows, spec.inputDim);
  const networks = createNetworks(gpu, spec, Array.from({ length: models }, (_, k) => k + 1));
  try {
    const targets = new Float32Array(rows * spec.classes).map((_, i) => (i % spec.classes === 0 ? 1 : 0));
    networks.setTrainingSet(train, targets, new Float32Array(rows).fill(1));
    const epoch = async (steps: number) => {
      const before = gpu.counters.dispatches;
      await networks.trainEpoch(Int32Array.from({ length: steps * hyper.batch }, (_, i) => i), hyper, steps);
      return gpu.counters.dispatches - before;
    };
    const one = await epoch(1);
    const three = await epoch(3);
    return { perStep: (three - one) / 2, perEpoch: one - (three - one) / 2 };
  } finally {
    networks.dispose();
    train.dispose();
  }
}

describe('eight stacked students train in the same dispatches as one (Dawn in Node)', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, { spec, hyper }) => {
    const one = await dispatches(spec, hyper, 1);
    const eight = await dispatches(spec, hyper, 8);
    expect(eight).toEqual(one);
    // The fused MLP's steps run inside its epoch's few dispatches; every other model dispatches per step.
    if (spec.kind === 'mlp' && spec.hidden[0] <= 32) expect(one.perStep).toBe(0);
    else expect(one.perStep).toBeGreaterThan(5);
  });
});
