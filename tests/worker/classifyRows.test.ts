import { describe, expect, it } from 'vitest';
import { makeSplit } from '../../src/data/split.ts';
import { createCpuBackend } from '../../src/engine/cpu/backend.ts';
import { createNetwork } from '../../src/model/network.ts';
import { uploadRows } from '../../src/model/rows.ts';
import type { CnnSpec } from '../../src/model/types.ts';
import type { ExperimentEvent, GenerationModel } from '../../src/selftrain/events.ts';
import { classifyRows } from '../../src/worker/classifyRows.ts';
import { runCollecting, smallConfig } from '../selftrain/fixtures.ts';

describe('classifyRows', () => {
  it("predicts each generation's test set exactly as the run did, with probabilities that sum to 1", async () => {
    const config = smallConfig({ gens: 2 });
    const models: GenerationModel[] = [];
    const { events } = await runCollecting(config, { onModel: (model) => models.push(model) });
    const split = makeSplit(config);
    const generations = events.filter((e): e is Extract<ExperimentEvent, { type: 'generation' }> => e.type === 'generation');
    expect(models.map((m) => m.generation)).toEqual([0, 1, 2]);
    for (const model of models) {
      const probabilities = await classifyRows(model, split.test.x);
      const { classes } = model.spec;
      expect(probabilities).toHaveLength(split.test.n * classes);
      const predicted = Int32Array.from({ length: split.test.n }, (_, row) => {
        const p = Array.from(probabilities.subarray(row * classes, (row + 1) * classes));
        expect(p.reduce((sum, v) => sum + v, 0)).toBeCloseTo(1, 5);
        return p.indexOf(Math.max(...p));
      });
      const event = generations.find((e) => e.result.generation === model.generation)!;
      expect(Array.from(predicted)).toEqual(Array.from(event.testPredictions));
    }
  });

  it('runs a convolutional generation on 28×28 images as the network that holds its parameters does', async () => {
    const spec: CnnSpec = { kind: 'cnn', inputDim: 784, image: { channels: 1, height: 28, width: 28 }, classes: 10, filters: [4, 8], hidden: [16], dropout: 0.2 };
    const backend = createCpuBackend();
    const network = createNetwork(backend, spec, 11);
    const images = Float32Array.from({ length: 3 * 784 }, (_, i) => ((i * 7919) % 255) / 255);
    const expected = await network.predict(uploadRows(backend, images, 3, 784));
    const model: GenerationModel = { generation: 4, spec, parameters: await network.getParameters() };
    backend.dispose();
    expect(Array.from(await classifyRows(model, images))).toEqual(Array.from(expected));
  });

  it('rejects inputs that are not whole rows of the model\'s features', async () => {
    const models: GenerationModel[] = [];
    await runCollecting(smallConfig({ gens: 0 }), { onModel: (model) => models.push(model) });
    await expect(classifyRows(models[0], new Float32Array(3))).rejects.toThrow(/whole rows of 2 features; got 3 values/);
  });
});
