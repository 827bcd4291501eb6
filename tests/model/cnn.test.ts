import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/rng.ts';
import { EngineError, type Backend } from '../../src/engine/backend.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { cpuTensor, slice } from '../../src/engine/cpu/tensor.ts';
import { cnnLayers } from '../../src/model/cnn.ts';
import { computeLayout } from '../../src/model/layout.ts';
import { createNetwork, createNetworks } from '../../src/model/network.ts';
import { uploadRows } from '../../src/model/rows.ts';
import type { TrainHyper } from '../../src/model/types.ts';
import { expectClose } from '../engine/helpers.ts';
import { barsAndCrosses, IMAGE_CLASSES } from './cnnImages.ts';
import { checkGradients } from './helpers/gradientCheck.ts';
import { referenceLogits, referenceSoftmax } from './helpers/reference.ts';
import { cnnSpec as cnn } from './helpers/cnnSpec.ts';

describe('a whole CNN against float64 finite differences', () => {
  it('1 channel of 5×7, two blocks, a hidden layer and dropout, batch 1', () => {
    const spec = cnn(1, 5, 7, [2, 3], { hidden: [4], dropout: 0.3 });
    return checkGradients({ inputDim: spec.inputDim, layers: cnnLayers(spec), rows: 1, targets: 'soft' });
  });
  it('3 channels of 7×5, one block, batch 3, per-row weights', () => {
    const spec = cnn(3, 7, 5, [3]);
    return checkGradients({ inputDim: spec.inputDim, layers: cnnLayers(spec), rows: 3, weights: 'random' });
  });
});

describe('the gradient check can fail on a broken conv or pool op', () => {
  const cpu = createCpuBackend();
  const broken = (patch: Partial<Backend>): Backend => ({ ...createCpuBackend(), ...patch });
  const spec = cnn(2, 5, 7, [3, 2]);

  it('rejects a weight gradient with its taps mirrored', async () => {
    const backend = broken({
      conv2dWeightGrad(x, dy, dw, db, rows, shape) {
        cpu.conv2dWeightGrad(x, dy, dw, db, rows, shape);
        const taps = shape.kernel * shape.kernel;
        const data = slice(cpuTensor(dw), 0);
        for (let start = 0; start < shape.outChannels * shape.inChannels * taps; start += taps) data.subarray(start, start + taps).reverse();
      },
    });
    await expect(checkGradients({ inputDim: spec.inputDim, layers: cnnLayers(spec), rows: 3, backend })).rejects.toThrow();
  });
  it('rejects a pool backward that routes every gradient to the window top-left', async () => {
    const backend = broken({
      maxPoolBackward(x, dy, dx, rows, shape) {
        const zeros = createCpuBackend().createTensor(x.size, 'zeros');
        cpu.maxPoolBackward(zeros, dy, dx, rows, shape);
      },
    });
    await expect(checkGradients({ inputDim: spec.inputDim, layers: cnnLayers(spec), rows: 3, backend })).rejects.toThrow();
  });
});

describe('cnnLayers', () => {
  it('builds conv 3×3 + relu + pool per block, halving the image, then dense logits', () => {
    const spec = cnn(1, 28, 28, [8, 16], { classes: 10 });
    const layers = cnnLayers(spec);
    expect(layers.map((l) => l.kind)).toEqual(['conv', 'maxpool', 'conv', 'maxpool', 'dense']);
    expect(computeLayout(spec.inputDim, layers).outputDims).toEqual([8 * 28 * 28, 8 * 14 * 14, 16 * 14 * 14, 16 * 7 * 7, 10]);
    // 8·1·9 + 8, 16·8·9 + 16, 784·10 + 10.
    expect(computeLayout(spec.inputDim, layers).count).toBe(80 + 1168 + 7850);
  });

  it('refuses bad shapes with the reason', () => {
    expect(() => cnnLayers({ ...cnn(1, 5, 7, [2]), inputDim: 36 })).toThrow(/1×5×7 image has 35 values, but the model's inputDim is 36/);
    expect(() => cnnLayers(cnn(1, 3, 9, [2, 2]))).toThrow(/at least 4×4 pixels, got 3×9/);
    expect(() => cnnLayers(cnn(1, 8, 8, [2, 0]))).toThrow(EngineError);
    expect(() => cnnLayers(cnn(1, 8, 8, [2], { classes: 1 }))).toThrow(/at least 2 classes/);
  });
});

describe('createNetwork with a CNN spec (CPU backend)', () => {
  it('predicts as the float64 reference does', async () => {
    const spec = cnn(3, 6, 5, [4], { hidden: [5], dropout: 0.5 });
    const backend = createCpuBackend();
    const n = 7;
    const x = Float32Array.from({ length: n * spec.inputDim }, (_, i) => Math.sin(i));
    const network = createNetwork(backend, spec, 3);
    const layers = cnnLayers(spec);
    const logits = referenceLogits(computeLayout(spec.inputDim, layers), layers, await network.getParameters(), x, n, spec.inputDim);
    expectClose(await network.predict(uploadRows(backend, x, n, spec.inputDim)), referenceSoftmax(logits, n, 3), 1e-5);
  });

  it('learns bars vs crosses at random places to over 95% test accuracy', async () => {
    const side = 12;
    const spec = cnn(1, side, side, [4, 8], { classes: IMAGE_CLASSES });
    const hyper: TrainHyper = { optimizer: 'adam', lr: 0.01, momentum: 0, l2: 1e-4, batch: 16, inputNoise: 0 };
    const backend = createCpuBackend();
    const train = barsAndCrosses(300, side, 1);
    const test = barsAndCrosses(300, side, 2);
    const network = createNetwork(backend, spec, 4);
    network.setTrainingSet(uploadRows(backend, train.x, train.n, spec.inputDim), train.targets, train.weights);
    const rng = createRng(5);
    const order = Int32Array.from({ length: train.n }, (_, i) => i);
    const first = await network.trainEpoch(rng.shuffle(order), hyper, 0);
    let last = first;
    for (let epoch = 1; epoch < 8; epoch++) last = await network.trainEpoch(rng.shuffle(order), hyper, epoch);
    const { labels } = await network.classify(uploadRows(backend, test.x, test.n, spec.inputDim));
    const accuracy = labels.filter((label, i) => label === test.labels[i]).length / test.n;
    expect(last.loss).toBeLessThan(first.loss / 4);
    expect(accuracy).toBeGreaterThan(0.95);
  });
});

describe('createNetworks with a CNN spec (CPU backend)', () => {
  it('trains each of 2 stacked CNNs exactly as createNetwork trains its seed alone', async () => {
    const spec = cnn(1, 9, 9, [3, 4], { classes: IMAGE_CLASSES });
    const hyper: TrainHyper = { optimizer: 'adam', lr: 0.01, momentum: 0, l2: 1e-4, batch: 8, inputNoise: 0 };
    const backend = createCpuBackend();
    const data = barsAndCrosses(30, 9, 6);
    const rows = uploadRows(backend, data.x, data.n, spec.inputDim);
    const train = async (step: (order: Int32Array, epoch: number) => Promise<unknown>) => {
      const rng = createRng(9);
      const order = Int32Array.from({ length: data.n }, (_, i) => i);
      for (let epoch = 0; epoch < 2; epoch++) await step(rng.shuffle(order), epoch);
    };
    const batch = createNetworks(backend, spec, [3, 4]);
    batch.setTrainingSet(rows, data.targets, data.weights);
    await train((order, epoch) => batch.trainEpoch(order, hyper, epoch));
    const stacked = await batch.getParameters();
    for (const [k, seed] of [3, 4].entries()) {
      const single = createNetwork(backend, spec, seed);
      single.setTrainingSet(rows, data.targets, data.weights);
      await train((order, epoch) => single.trainEpoch(order, hyper, epoch));
      expect(Array.from(stacked[k])).toEqual(Array.from(await single.getParameters()));
    }
    expect(Array.from(stacked[1])).not.toEqual(Array.from(stacked[0]));
  });
});
