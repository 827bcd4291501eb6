import { expect, test } from 'vitest';
import { makeSplit } from '../../src/data/split.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { createNetwork } from '../../src/model/network.ts';
import { uploadRows } from '../../src/model/rows.ts';
import type { GenerationModel, ResumePoint } from '../../src/selftrain/events.ts';
import { labelAccuracy } from '../../src/selftrain/metrics.ts';
import { runCollecting, smallConfig, withoutTimes } from './fixtures.ts';

test('onModel hands over every generation\'s trained model: loaded into a fresh network it scores the reported test accuracy', async () => {
  const config = smallConfig({ gens: 2, hidden: [8, 6], act: 'tanh', dropout: 0.1 });
  const models: GenerationModel[] = [];
  const { result } = await runCollecting(config, { onModel: (model) => models.push(model) });
  expect(models.map((m) => m.generation)).toEqual(result.generations.map((g) => g.generation));
  expect(models.length).toBe(3);
  const backend = createCpuBackend();
  const { test: testSet } = makeSplit(config);
  const rows = uploadRows(backend, testSet.x, testSet.n, testSet.dim);
  for (const model of models) {
    expect(model.spec).toEqual({ kind: 'mlp', inputDim: 2, classes: 2, hidden: [8, 6], activation: 'tanh', dropout: 0.1 });
    const network = createNetwork(backend, model.spec, 0);
    network.setParameters(model.parameters);
    const accuracy = labelAccuracy((await network.classify(rows)).labels, testSet.y);
    expect(accuracy).toBe(result.generations[model.generation].testAccuracy);
    network.dispose();
  }
  expect(new Set(models.map((m) => m.parameters[0])).size).toBe(3);
  backend.dispose();
});

test('onModel next to onResumePoint: the same parameters in separate arrays, and the run\'s numbers unchanged', async () => {
  const config = smallConfig({ gens: 1 });
  const models: GenerationModel[] = [];
  const points: ResumePoint[] = [];
  const both = await runCollecting(config, { onModel: (m) => models.push(m), onResumePoint: (p) => points.push(p) });
  const plain = await runCollecting(config);
  expect(withoutTimes(both.result)).toEqual(withoutTimes(plain.result));
  // Generation 0's point comes again once the oracle has trained: the model is each generation's first point's.
  const pointOf = (generation: number) => points.find((p) => p.generations.at(-1)!.generation === generation)!;
  expect(models.map((m) => m.generation)).toEqual([0, 1]);
  models.forEach((model) => {
    const point = pointOf(model.generation);
    expect(Array.from(model.parameters)).toEqual(Array.from(point.teacherParameters));
    expect(model.parameters.buffer).not.toBe(point.teacherParameters.buffer);
  });
});
