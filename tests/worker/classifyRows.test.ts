import * as ortWeb from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { makeSplit } from '../../src/data/split.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { createNetwork } from '../../src/model/network.ts';
import { uploadRows } from '../../src/model/rows.ts';
import type { CnnSpec } from '../../src/model/types.ts';
import type { ExperimentEvent, GenerationModel } from '../../src/selftrain/events.ts';
import { createRowClassifier } from '../../src/worker/classifyRows.ts';
import { runCollecting, smallConfig } from '../selftrain/fixtures.ts';

/** Each generation's model of a small run, and its test-set predictions as the run made them. */
async function smallRun() {
  const config = smallConfig({ gens: 2 });
  const models: GenerationModel[] = [];
  const { events } = await runCollecting(config, { onModel: (model) => models.push(model) });
  const predictions = events.flatMap((e: ExperimentEvent) => (e.type === 'generation' ? [Array.from(e.testPredictions)] : []));
  return { models, predictions, test: makeSplit(config).test };
}

/** Each row's first most probable class. */
const argmax = (probabilities: Float32Array, classes: number) =>
  Array.from({ length: probabilities.length / classes }, (_, row) => {
    const p = Array.from(probabilities.subarray(row * classes, (row + 1) * classes));
    return p.indexOf(Math.max(...p));
  });

describe('createRowClassifier', () => {
  it("predicts each generation's test set exactly as the run did, even asked all at once, with probabilities that sum to 1", async () => {
    const { models, predictions, test } = await smallRun();
    expect(models.map((m) => m.generation)).toEqual([0, 1, 2]);
    const classifier = createRowClassifier();
    // One network serves all three generations (one spec): each request must see its own parameters.
    const all = await Promise.all(models.map((model) => classifier.classify(model, test.x)));
    all.forEach(({ probabilities, by }, g) => {
      expect(by).toBe('the engine');
      const { classes } = models[g].spec;
      expect(probabilities).toHaveLength(test.n * classes);
      for (let row = 0; row < test.n; row++) expect(probabilities.subarray(row * classes, (row + 1) * classes).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(argmax(probabilities, classes)).toEqual(predictions[g]);
    });
    classifier.dispose();
  });

  it('switches to a convolutional generation on 28×28 images and gives exactly its network\'s probabilities', async () => {
    const { models } = await smallRun();
    const spec: CnnSpec = { kind: 'cnn', inputDim: 784, image: { channels: 1, height: 28, width: 28 }, classes: 10, filters: [4, 8], hidden: [16], dropout: 0.2 };
    const backend = createCpuBackend();
    const network = createNetwork(backend, spec, 11);
    const images = Float32Array.from({ length: 3 * 784 }, (_, i) => ((i * 7919) % 255) / 255);
    const expected = await network.predict(uploadRows(backend, images, 3, 784));
    const cnn: GenerationModel = { generation: 4, spec, parameters: await network.getParameters() };
    backend.dispose();
    const classifier = createRowClassifier();
    await classifier.classify(models[0], new Float32Array(2));
    expect(Array.from((await classifier.classify(cnn, images)).probabilities)).toEqual(Array.from(expected));
    classifier.dispose();
  });

  it("rejects inputs that are not whole rows of the model's features, and goes on answering", async () => {
    const { models } = await smallRun();
    const classifier = createRowClassifier();
    await expect(classifier.classify(models[0], new Float32Array(3))).rejects.toThrow(/whole rows of 2 features; got 3 values/);
    expect((await classifier.classify(models[0], new Float32Array(4))).probabilities).toHaveLength(2 * models[0].spec.classes);
    classifier.dispose();
  });

  it('with labeler=onnx runs the generation on onnxruntime-web (its exported file) and says so; without onnxruntime the engine answers and says why', async () => {
    const { models, test } = await smallRun();
    const engine = createRowClassifier();
    const onnx = createRowClassifier(async () => ({
      ort: ortWeb, options: { executionProviders: ['wasm'] }, provider: 'wasm', version: ortWeb.env.versions.web ?? '?',
      labeler: () => async () => new Float32Array(0),
    }));
    for (const model of models) {
      const expected = (await engine.classify(model, test.x)).probabilities;
      const { probabilities, by } = await onnx.classify(model, test.x, 'onnx');
      expect(by).toMatch(/^onnxruntime-web 1\.30\.\d+ \(WASM\)$/);
      expect(probabilities).toHaveLength(expected.length);
      probabilities.forEach((p, i) => expect(Math.abs(p - expected[i])).toBeLessThan(1e-5));
    }
    const missing = createRowClassifier(() => Promise.reject(new Error('no wasm here')));
    const fallback = await missing.classify(models[0], test.x, 'onnx');
    expect(fallback.by).toBe('the engine (onnxruntime-web could not load: no wasm here)');
    expect(Array.from(fallback.probabilities)).toEqual(Array.from((await engine.classify(models[0], test.x)).probabilities));
    for (const classifier of [engine, onnx, missing]) classifier.dispose();
  });
});
