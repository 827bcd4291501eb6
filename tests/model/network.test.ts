import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/data/rng.ts';
import { EngineError } from '../../src/engine/backend.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { computeLayout } from '../../src/model/layout.ts';
import { mlpLayers } from '../../src/model/mlp.ts';
import { createNetwork, PREDICT_CHUNK } from '../../src/model/network.ts';
import { uploadRows } from '../../src/model/rows.ts';
import type { ModelSpec, TrainHyper } from '../../src/model/types.ts';
import { expectClose } from '../engine/helpers.ts';
import { referenceLogits, referenceLoss, referenceSoftmax } from './helpers/reference.ts';

const SPEC: ModelSpec = { kind: 'mlp', inputDim: 2, classes: 2, hidden: [16, 16], activation: 'tanh', dropout: 0 };
const SGD: TrainHyper = { optimizer: 'sgd', lr: 0.1, momentum: 0.9, l2: 0, batch: 16, inputNoise: 0 };
const ADAM: TrainHyper = { optimizer: 'adam', lr: 0.01, momentum: 0, l2: 1e-3, batch: 8, inputNoise: 0.2 };

/** n points in 2-D, class 1 where x + 0.5·y > 0.2 (linearly separable), hard targets. */
function toySet(n: number, seed: number) {
  const rng = createRng(seed);
  const x = new Float32Array(2 * n);
  const labels = new Int32Array(n);
  const targets = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    x[2 * i] = 2 * rng.next() - 1;
    x[2 * i + 1] = 2 * rng.next() - 1;
    labels[i] = x[2 * i] + 0.5 * x[2 * i + 1] > 0.2 ? 1 : 0;
    targets[2 * i + labels[i]] = 1;
  }
  return { x, labels, targets, weights: new Float32Array(n).fill(1), n };
}

function trainedNetwork(spec: ModelSpec, hyper: TrainHyper, epochs: number, noiseSeed = 5) {
  const backend = createCpuBackend();
  const data = toySet(100, 1);
  const network = createNetwork(backend, spec, 7);
  network.setTrainingSet(uploadRows(backend, data.x, data.n, 2), data.targets, data.weights);
  const rng = createRng(3);
  const order = Int32Array.from({ length: data.n }, (_, i) => i);
  return (async () => {
    for (let e = 0; e < epochs; e++) await network.trainEpoch(rng.shuffle(order), hyper, noiseSeed + e);
    return network;
  })();
}

describe('createNetwork', () => {
  it('reproduces parameters bit for bit from the same seeds, dropout and input noise included', async () => {
    const spec = { ...SPEC, dropout: 0.3 };
    const a = await (await trainedNetwork(spec, ADAM, 2)).getParameters();
    const b = await (await trainedNetwork(spec, ADAM, 2)).getParameters();
    const otherNoise = await (await trainedNetwork(spec, ADAM, 2, 99)).getParameters();
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(otherNoise)).not.toEqual(Array.from(a));
  });

  it('ignores the noise seed when there is no dropout and no input noise', async () => {
    const a = await (await trainedNetwork(SPEC, SGD, 1, 1)).getParameters();
    const b = await (await trainedNetwork(SPEC, SGD, 1, 2)).getParameters();
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('learns a linearly separable set to over 95% test accuracy', async () => {
    const network = await trainedNetwork(SPEC, SGD, 30);
    const backend = createCpuBackend();
    const test = toySet(500, 2);
    const predict = createNetwork(backend, SPEC, 0);
    predict.setParameters(await network.getParameters());
    const probs = await predict.predict(uploadRows(backend, test.x, test.n, 2));
    const correct = Array.from(test.labels).filter((label, i) => (probs[2 * i + 1] > probs[2 * i] ? 1 : 0) === label).length;
    expect(correct / test.n).toBeGreaterThan(0.95);
  });

  it('trains a partial last batch in full-size tensors, and reports the epoch loss Σ w·CE / Σ w', async () => {
    const backend = createCpuBackend();
    const data = toySet(10, 4);
    const weights = Float32Array.from({ length: 10 }, (_, i) => (i % 4 === 0 ? 0 : 1 + i / 10));
    const rows = uploadRows(backend, data.x, data.n, 2);
    const network = createNetwork(backend, SPEC, 3);
    network.setTrainingSet(rows, data.targets, weights);
    const order = Int32Array.from([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    const parameters = await network.getParameters();
    // lr 0: the parameters stay put, so every batch's loss is the reference's at the initial parameters.
    const stats = await network.trainEpoch(order, { ...SGD, lr: 0, batch: 4 }, 1);
    const logits = referenceLogits(computeLayout(2, mlpLayers(SPEC)), mlpLayers(SPEC), parameters, data.x, 10, 2);
    expect(stats.steps).toBe(3);
    expect(stats.loss).toBeCloseTo(referenceLoss(logits, data.targets, weights, 10, 2), 5);
    const probs = referenceSoftmax(logits, 10, 2);
    const correct = Array.from(data.targets).filter((t, i) => i % 2 === 1 && (t === 1) === probs[i] > probs[i - 1]).length;
    expect(stats.accuracy).toBeCloseTo(correct / 10, 6);

    // One partial batch of 5 rows in tensors filled with other rows must equal one full batch of 5
    // (momentum 0, so the velocity left by the lr-0 epoch plays no part).
    const fresh = createNetwork(backend, SPEC, 3);
    fresh.setTrainingSet(rows, data.targets, weights);
    await network.trainEpoch(order.subarray(0, 5), { ...SGD, momentum: 0, batch: 8 }, 1);
    await fresh.trainEpoch(order.subarray(0, 5), { ...SGD, momentum: 0, batch: 5 }, 1);
    expect(Array.from(await network.getParameters())).toEqual(Array.from(await fresh.getParameters()));
  });

  it('predicts in evaluation mode, in chunks, as the float64 reference does', async () => {
    const spec = { ...SPEC, classes: 3, dropout: 0.5 };
    const backend = createCpuBackend();
    const n = 2 * PREDICT_CHUNK + 17;
    const x = Float32Array.from({ length: 2 * n }, (_, i) => Math.sin(i));
    const network = createNetwork(backend, spec, 11);
    const rows = uploadRows(backend, x, n, 2);
    const probs = await network.predict(rows);
    const layers = mlpLayers(spec);
    const expected = referenceSoftmax(referenceLogits(computeLayout(2, layers), layers, await network.getParameters(), x, n, 2), n, 3);
    expectClose(probs, expected, 1e-5);
    expect(Array.from(await network.predict(rows))).toEqual(Array.from(probs));
  });

  it('classifies in chunks: class and confidence are the argmax and max of predict, bit for bit', async () => {
    const spec = { ...SPEC, classes: 3, dropout: 0.5 };
    const backend = createCpuBackend();
    const n = 2 * PREDICT_CHUNK + 17;
    const x = Float32Array.from({ length: 2 * n }, (_, i) => 3 * Math.sin(i));
    const network = createNetwork(backend, spec, 11);
    const rows = uploadRows(backend, x, n, 2);
    const probs = await network.predict(rows);
    const { labels, confidence } = await network.classify(rows);
    expect(labels.length).toBe(n);
    expect(new Set(labels).size).toBeGreaterThan(1);
    for (let r = 0; r < n; r++) {
      const row = Array.from(probs.subarray(3 * r, 3 * r + 3));
      const max = Math.max(...row);
      expect([labels[r], confidence[r]]).toEqual([row.indexOf(max), max]);
    }
    const none = await network.classify(uploadRows(backend, new Float32Array(0), 0, 2));
    expect([none.labels.length, none.confidence.length]).toEqual([0, 0]);
    await expect(network.classify(uploadRows(createCpuBackend(), new Float32Array(4), 2, 2))).rejects.toThrow(EngineError);
  });

  it('setParameters copies weights in and clears the optimizer state', async () => {
    const backend = createCpuBackend();
    const data = toySet(64, 5);
    const rows = uploadRows(backend, data.x, data.n, 2);
    const order = Int32Array.from({ length: data.n }, (_, i) => i);
    const a = createNetwork(backend, SPEC, 1);
    const b = createNetwork(backend, SPEC, 2);
    for (const network of [a, b]) network.setTrainingSet(rows, data.targets, data.weights);
    const initial = await a.getParameters();
    await b.trainEpoch(order, ADAM, 1);
    b.setParameters(initial);
    expect(Array.from(await b.getParameters())).toEqual(Array.from(initial));
    await a.trainEpoch(order, ADAM, 1);
    await b.trainEpoch(order, ADAM, 1);
    expect(Array.from(await b.getParameters())).toEqual(Array.from(await a.getParameters()));
  });

  it('says what is wrong when misused', async () => {
    const backend = createCpuBackend();
    const network = createNetwork(backend, SPEC, 1);
    expect(network.parameterCount).toBe(2 * 16 + 16 + 16 * 16 + 16 + 16 * 2 + 2);
    await expect(network.trainEpoch(new Int32Array(1), SGD, 1)).rejects.toThrow(EngineError);
    expect(() => network.setParameters(new Float32Array(3))).toThrow(EngineError);
    const foreign = uploadRows(createCpuBackend(), new Float32Array(4), 2, 2);
    await expect(network.predict(foreign)).rejects.toThrow(EngineError);
    expect(() => network.setTrainingSet(uploadRows(backend, new Float32Array(6), 2, 3), new Float32Array(4), new Float32Array(2))).toThrow(EngineError);
    expect(() => createNetwork(backend, { ...SPEC, classes: 1 }, 1)).toThrow(EngineError);
  });
});
