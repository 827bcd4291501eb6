import * as ortWeb from 'onnxruntime-web';
import { describe, expect, test } from 'vitest';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { createNetwork } from '../../src/model/network.ts';
import { uploadRows } from '../../src/model/rows.ts';
import type { ModelSpec } from '../../src/model/types.ts';
import { generationOnnx } from '../../src/onnx/generationOnnx.ts';
import { createOrtLabeler } from '../../src/onnx/ortLabeler.ts';
import type { ExperimentEvent } from '../../src/selftrain/events.ts';
import { runCollecting, smallConfig, withoutTimes } from '../selftrain/fixtures.ts';

/** Every generation's admitted pseudo-labels as "row:class" strings. */
const admitted = (events: ExperimentEvent[]) =>
  events.flatMap((e) => (e.type === 'generation' ? [Array.from(e.pseudo.indices, (row, i) => `${row}:${e.pseudo.labels[i]}`)] : []));

const CASES: Partial<ExperimentConfig>[] = [
  { gens: 3 },
  { gens: 3, soft: true, student: 'warm', data: 'gauss', classes: 3, act: 'relu' },
  { gens: 3, select: 'threshold', tau: 0.6, act: 'sigmoid', hidden: [8, 8], seed: 3 },
];

test('a labeler that answers the wrong number of probabilities stops the run with the counts', async () => {
  const config = smallConfig({ gens: 1 });
  const run = runCollecting(config, { labeler: async () => new Float32Array(3) });
  await expect(run).rejects.toThrow(`The labeler returned 3 probabilities for ${config.pool} pool rows × 2 classes.`);
});

describe('labelling with onnxruntime-web (WASM, in Node) instead of the engine', () => {
  for (const overrides of CASES) {
    test(`admits the same pseudo-labels (${JSON.stringify(overrides)})`, async () => {
      const config = smallConfig(overrides);
      const engine = await runCollecting(config);
      const onnx = await runCollecting(config, { labeler: createOrtLabeler(ortWeb, config, { executionProviders: ['wasm'] }) });
      expect(admitted(engine.events).length).toBe(config.gens + 1);
      expect(admitted(engine.events).slice(1).every((labels) => labels.length > 0)).toBe(true);
      expect(admitted(onnx.events)).toEqual(admitted(engine.events));
      // Confidences differ in the last float bits; with hard labels the students then train on the same data.
      onnx.result.generations.forEach((g, i) => expect(g.meanConfidence).toBeCloseTo(engine.result.generations[i].meanConfidence, 5));
      if (!config.soft) {
        const sameButConfidence = (result: typeof engine.result) => ({ ...withoutTimes(result), generations: result.generations.map((g) => ({ ...g, meanConfidence: 0, seconds: 0 })) });
        expect(sameButConfidence(onnx.result)).toEqual(sameButConfidence(engine.result));
      }
    });
  }
});

test("a CNN teacher's labelling pass on onnxruntime-web feeds NCHW images and matches the engine's probabilities", async () => {
  const spec: ModelSpec = { kind: 'cnn', inputDim: 64, image: { channels: 1, height: 8, width: 8 }, classes: 3, filters: [2, 3], hidden: [5], dropout: 0 };
  const cpu = createCpuBackend();
  const network = createNetwork(cpu, spec, 7);
  const n = 11;
  const x = Float32Array.from({ length: n * 64 }, (_, i) => ((i * 37) % 101) / 100);
  const rows = uploadRows(cpu, x, n, 64);
  const expected = await network.predict(rows);
  const config = smallConfig({ data: 'gauss', classes: 3 });
  const teacher = { generation: 0, spec, parameters: await network.getParameters() };
  const labeler = createOrtLabeler(ortWeb, config, { executionProviders: ['wasm'] });
  const actual = await labeler(teacher, { x, n, dim: 64 });
  expect(actual.length).toBe(n * 3);
  actual.forEach((p, i) => expect(Math.abs(p - expected[i])).toBeLessThan(1e-5));
});

test('an MLP on images is exported taking [N, 1, 28, 28] like the CNN, and labels like the engine', async () => {
  const spec: ModelSpec = { kind: 'mlp', inputDim: 784, classes: 10, hidden: [6], activation: 'relu', dropout: 0 };
  const cpu = createCpuBackend();
  const network = createNetwork(cpu, spec, 3);
  const n = 4;
  const x = Float32Array.from({ length: n * 784 }, (_, i) => ((i * 13) % 255) / 255);
  const expected = await network.predict(uploadRows(cpu, x, n, 784));
  const config = { ...smallConfig({}), data: 'mnist' as const, classes: 10 };
  const teacher = { generation: 1, spec, parameters: await network.getParameters() };
  const session = await ortWeb.InferenceSession.create(generationOnnx(config, teacher), { executionProviders: ['wasm'] });
  expect(session.inputMetadata[0]).toMatchObject({ isTensor: true, shape: ['N', 1, 28, 28] });
  await session.release();
  const actual = await createOrtLabeler(ortWeb, config, { executionProviders: ['wasm'] })(teacher, { x, n, dim: 784 });
  actual.forEach((p, i) => expect(Math.abs(p - expected[i])).toBeLessThan(1e-5));
});
