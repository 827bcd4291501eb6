import { describe, expect, test } from 'vitest';
import type { WebGpuBackend } from '../../../src/engine/backends/webgpu.ts';
import { networkCase } from './networkCases.ts';
import { useNodeBackend } from './nodeGpu.ts';
import { runCase } from './parity.ts';
import { cnnSpec as cnn } from '../../model/helpers/cnnSpec.ts';

/** A small CNN trained a few epochs on the CPU and on WebGPU: the same epoch losses, parameters, predictions and verdicts. */
const CNN_CASES = [
  networkCase('CNN 3×9×7, conv 4 + conv 8, dense 5, dropout 0.2, Adam, L2, partial batch', {
    spec: cnn(3, 9, 7, [4, 8], { hidden: [5], dropout: 0.2 }),
    hyper: { optimizer: 'adam', lr: 0.01, momentum: 0, l2: 1e-4, batch: 16, inputNoise: 0.05 },
    rows: 50,
    epochs: 3,
    softTargets: false,
  }),
  networkCase('CNN 2×8×6, conv 4, shifts of ±2 pixels and input noise, Adam, partial batch', {
    spec: cnn(2, 8, 6, [4]),
    hyper: { optimizer: 'adam', lr: 0.01, momentum: 0, l2: 0, batch: 16, inputNoise: 0.05, shift: { image: { channels: 2, height: 8, width: 6 }, pixels: 2 } },
    rows: 40,
    epochs: 2,
    softTargets: false,
  }),
  networkCase('CNN 2×8×6, conv 4, shifts of ±1 pixel and mixup, Adam, partial batch', {
    spec: cnn(2, 8, 6, [4]),
    hyper: { optimizer: 'adam', lr: 0.01, momentum: 0, l2: 0, batch: 16, inputNoise: 0, mixup: true, shift: { image: { channels: 2, height: 8, width: 6 }, pixels: 1 } },
    rows: 40,
    epochs: 2,
    softTargets: false,
  }),
  networkCase('three CNNs 3×9×7 side by side, conv 4 + conv 8, dense 5, dropout 0.2, Adam, L2, partial batch', {
    spec: cnn(3, 9, 7, [4, 8], { hidden: [5], dropout: 0.2 }),
    hyper: { optimizer: 'adam', lr: 0.01, momentum: 0, l2: 1e-4, batch: 16, inputNoise: 0.05 },
    rows: 50,
    epochs: 2,
    softTargets: false,
    seeds: [42, 43, 44],
  }),
  networkCase('CNN 1×28×28, conv 8 + conv 16, 10 classes, SGD momentum, batch 64 (W3 shape)', {
    spec: cnn(1, 28, 28, [8, 16], { classes: 10 }),
    hyper: { optimizer: 'sgd', lr: 0.05, momentum: 0.9, l2: 0, batch: 64, inputNoise: 0 },
    rows: 100,
    epochs: 2,
    softTargets: true,
  }),
];

let gpu: WebGpuBackend;
useNodeBackend((backend) => (gpu = backend));

describe('a CNN trained on WebGPU matches the CPU reference (Dawn in Node)', () => {
  test.each(CNN_CASES.map((c) => [c.name, c] as const))('%s', async (_, testCase) => {
    const result = await runCase(gpu, testCase);
    expect(result.message).toBe('ok');
  }, 120_000);
});
