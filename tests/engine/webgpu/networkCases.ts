/**
 * Whole-network parity: the model code (src/model) builds the same MLP on the CPU and on
 * WebGPU from one seed (or K networks side by side from K seeds), trains a few epochs on one
 * seeded set in one seeded order, and the epoch stats, parameters, predictions and
 * classify's verdicts of every model must agree. Layers up to 32 wide train through the
 * fused denseSteps kernel on WebGPU; the 33-wide ones through the per-step ops.
 */
import { createRng } from '../../../src/data/rng.ts';
import type { Backend } from '../../../src/engine/backend.ts';
import { createCpuBackend } from '../../../src/engine/backends/cpu.ts';
import type { WebGpuBackend } from '../../../src/engine/backends/webgpu.ts';
import { createNetworks } from '../../../src/model/network.ts';
import { uploadRows } from '../../../src/model/rows.ts';
import type { EpochStats, ModelSpec, TrainHyper } from '../../../src/model/types.ts';
import { compare, targetRows, uniform, type CustomCase } from './parity.ts';

/** What one backend produced, every model's after the other's: per-epoch stats, then parameters, predictions and verdicts. */
interface Trace {
  stats: EpochStats[];
  parameters: Float32Array;
  predictions: Float32Array;
  /** classify of the same rows: class and confidence per row, interleaved. */
  verdicts: Float32Array;
}

interface NetworkRun {
  spec: ModelSpec;
  hyper: TrainHyper;
  rows: number;
  epochs: number;
  softTargets: boolean;
  /** One network per seed, trained side by side (default: one, seed 42). */
  seeds?: number[];
}

async function train(backend: Backend, run: NetworkRun): Promise<Trace> {
  const { spec, hyper, rows, epochs } = run;
  const x = uniform(rows * spec.inputDim, 11, -2, 2);
  const targets = targetRows(rows, spec.classes, 12, run.softTargets);
  const weights = uniform(rows, 13, 0.5, 1.5);
  const train = uploadRows(backend, x, rows, spec.inputDim);
  const test = uploadRows(backend, uniform(37 * spec.inputDim, 14, -2, 2), 37, spec.inputDim);
  const network = createNetworks(backend, spec, run.seeds ?? [42]);
  try {
    network.setTrainingSet(train, targets, weights);
    const rng = createRng(15);
    const order = Int32Array.from({ length: rows }, (_, i) => i);
    const stats: EpochStats[] = [];
    for (let epoch = 0; epoch < epochs; epoch++) stats.push(...(await network.trainEpoch(rng.shuffle(order), hyper, 100 + epoch)));
    const verdicts = (await network.classify(test)).flatMap(({ labels, confidence }) => Array.from({ length: 2 * labels.length }, (_, i) => (i % 2 ? confidence : labels)[i >> 1]));
    const flat = (arrays: Float32Array[]) => Float32Array.from(arrays.flatMap((a) => Array.from(a)));
    return { stats, parameters: flat(await network.getParameters()), predictions: flat(await network.predict(test)), verdicts: Float32Array.from(verdicts) };
  } finally {
    network.dispose();
    train.dispose();
    test.dispose();
  }
}

/** Parameters drift apart by rounding over the epochs (about 1e-6 after three); 1e-5 of (1 + |w|) leaves room and is far below any learning signal. */
const NETWORK_TOLERANCE = 1e-5;

export function networkCase(name: string, run: NetworkRun): CustomCase {
  return {
    name: `network ${name}`,
    async check(gpu: WebGpuBackend) {
      const expected = await train(createCpuBackend(), run);
      const actual = await train(gpu, run);
      const flatStats = (trace: Trace) => Float32Array.from(trace.stats.flatMap((s) => [s.loss, s.accuracy, s.steps]));
      let worst = 0;
      for (const [what, a, e] of [
        ['epoch stats', flatStats(actual), flatStats(expected)],
        ['parameters', actual.parameters, expected.parameters],
        ['predictions', actual.predictions, expected.predictions],
        ['class and confidence', actual.verdicts, expected.verdicts],
      ] as const) {
        const diff = compare(a, e, NETWORK_TOLERANCE);
        worst = Math.max(worst, diff.worst);
        if (diff.message) return { message: `${what}: ${diff.message}`, worst };
      }
      return { message: null, worst };
    },
  };
}

const W1: TrainHyper = { optimizer: 'sgd', lr: 0.1, momentum: 0.9, l2: 0, batch: 16, inputNoise: 0 };

export const NETWORK_CASES: CustomCase[] = [
  networkCase('2-16-16-2 tanh, SGD, batch 16 (W1)', { spec: { kind: 'mlp', inputDim: 2, classes: 2, hidden: [16, 16], activation: 'tanh', dropout: 0 }, hyper: W1, rows: 100, epochs: 3, softTargets: false }),
  networkCase('2-16-16-3 relu, dropout 0.2, input noise, L2, partial batch', {
    spec: { kind: 'mlp', inputDim: 2, classes: 3, hidden: [16, 16], activation: 'relu', dropout: 0.2 },
    hyper: { ...W1, l2: 1e-3, inputNoise: 0.1, batch: 32 },
    rows: 70,
    epochs: 3,
    softTargets: false,
  }),
  networkCase('17-33-5 sigmoid, Adam, soft targets', {
    spec: { kind: 'mlp', inputDim: 17, classes: 5, hidden: [33], activation: 'sigmoid', dropout: 0 },
    hyper: { optimizer: 'adam', lr: 0.01, momentum: 0, l2: 1e-4, batch: 20, inputNoise: 0.05 },
    rows: 90,
    epochs: 3,
    softTargets: true,
  }),
  networkCase('sixteen 2-16-16-2 tanh side by side, SGD, batch 16 (W1x16)', {
    spec: { kind: 'mlp', inputDim: 2, classes: 2, hidden: [16, 16], activation: 'tanh', dropout: 0 },
    hyper: W1,
    rows: 100,
    epochs: 3,
    softTargets: false,
    seeds: Array.from({ length: 16 }, (_, k) => 42 + k),
  }),
  networkCase('three 5-24-24-4 sigmoid side by side, fused: dropout, input noise, Adam, L2, soft targets, partial batch', {
    spec: { kind: 'mlp', inputDim: 5, classes: 4, hidden: [24, 24], activation: 'sigmoid', dropout: 0.3 },
    hyper: { optimizer: 'adam', lr: 0.01, momentum: 0, l2: 1e-3, batch: 20, inputNoise: 0.2 },
    rows: 90,
    epochs: 3,
    softTargets: true,
    seeds: [1, 2, 3],
  }),
  networkCase('3-8-8-8-8-32 relu, five dense layers fused, dropout, SGD with momentum', {
    spec: { kind: 'mlp', inputDim: 3, classes: 32, hidden: [8, 8, 8, 8], activation: 'relu', dropout: 0.1 },
    hyper: { ...W1, lr: 0.05, l2: 1e-4, batch: 7 },
    rows: 50,
    epochs: 2,
    softTargets: false,
    seeds: [5, 6],
  }),
  networkCase('three 6-20-3 tanh side by side, mixup (per-step ops, not fused), SGD, odd partial batch', {
    spec: { kind: 'mlp', inputDim: 6, classes: 3, hidden: [20], activation: 'tanh', dropout: 0 },
    hyper: { ...W1, batch: 15, mixup: true },
    rows: 52,
    epochs: 3,
    softTargets: true,
    seeds: [7, 8, 9],
  }),
  networkCase('three 17-33-33-5 relu side by side, dropout, input noise, Adam, soft targets', {
    spec: { kind: 'mlp', inputDim: 17, classes: 5, hidden: [33, 33], activation: 'relu', dropout: 0.2 },
    hyper: { optimizer: 'adam', lr: 0.01, momentum: 0, l2: 1e-4, batch: 20, inputNoise: 0.05 },
    rows: 90,
    epochs: 3,
    softTargets: true,
    seeds: [1, 2, 3],
  }),
];
