import { describe, expect, test } from 'vitest';
import { EngineError, type Backend } from '../../../src/engine/backend.ts';
import { createCpuBackend } from '../../../src/engine/backends/cpu.ts';
import { STACKED_CASES } from '../webgpu/opCases.ts';
import { inputData, inputModels, place, type ParityCase } from '../webgpu/parity.ts';

/** Dropout, noise, image shifts and turns, and mixup draw model k's element (or row) i at stream index k·count + i: only model 0 draws what one model does. */
const drawsPerModel = (testCase: ParityCase) => /^(dropout|addNoise|gatherShifted|gatherRotated|mixBatch)/.test(testCase.name);

/** Runs `testCase` on one model's inputs alone (ordinary tensors) and returns its outputs. */
async function runOneModel(testCase: ParityCase, data: Record<string, Float32Array | Int32Array>, k: number): Promise<Float32Array[]> {
  const single: Record<string, Float32Array | Int32Array> = {};
  for (const [name, values] of Object.entries(data)) {
    const models = values instanceof Int32Array ? 1 : inputModels(testCase, name);
    const size = values.length / models;
    single[name] = models === 1 ? values : values.slice(k * size, (k + 1) * size);
  }
  const cpu = createCpuBackend();
  const one: ParityCase = { ...testCase, models: 1, shared: [] };
  const placed = place(cpu, single, one);
  await testCase.run(cpu, placed.t, placed.ix);
  return Promise.all(testCase.outputs.map((name) => cpu.read(placed.t[name])));
}

describe('the model dimension on the CPU reference: model k of a stacked op is the op on model k alone', () => {
  test.each(STACKED_CASES.map((c) => [c.name, c] as const))('%s', async (_, testCase) => {
    const data = inputData(testCase);
    const cpu = createCpuBackend();
    const placed = place(cpu, data, testCase);
    await testCase.run(cpu, placed.t, placed.ix);
    const models = testCase.models ?? 1;
    const outputs = await Promise.all(testCase.outputs.map((name) => cpu.read(placed.t[name])));
    for (let k = 0; k < models; k++) {
      const alone = await runOneModel(testCase, data, k);
      outputs.forEach((stackedOut, o) => {
        const size = stackedOut.length / models;
        const slice = stackedOut.subarray(k * size, (k + 1) * size);
        if (k === 0 || !drawsPerModel(testCase)) expect(Array.from(slice), `${testCase.outputs[o]} of model ${k}`).toEqual(Array.from(alone[o]));
        else expect(Array.from(slice)).not.toEqual(Array.from(alone[o]));
      });
    }
  });
});

describe('stacked tensors: misuse is refused with EngineError', () => {
  const backend: Backend = createCpuBackend();
  test('operands stacking different model counts', () => {
    const a = backend.createTensor(4, 'a', 2);
    const out = backend.createTensor(4, 'out', 3);
    expect(() => backend.activationBackward(a, a, out, 4, 'tanh')).toThrow(/different model counts/);
  });
  test('an output shared by several models', () => {
    const x = backend.createTensor(4, 'x', 3);
    const out = backend.createTensor(4, 'out');
    expect(() => backend.dropout(x, out, 4, 0.5, 1, 1)).toThrow(/outputs must be stacked/);
  });
  test('reading or writing a stacked view, and a bad model count', async () => {
    const whole = backend.createTensor(128, 'whole', 2);
    const window = backend.view(whole, 64, 8, 'window');
    expect(window.models).toBe(2);
    expect(() => backend.write(window, new Float32Array(8))).toThrow(EngineError);
    await expect(backend.read(window)).rejects.toThrow(EngineError);
    expect(() => backend.createTensor(4, 'bad', 0)).toThrow(EngineError);
  });
  test('write and read see the slices back to back; fill fills every slice of a view', async () => {
    const t = backend.createTensor(3, 't', 2);
    backend.write(t, Float32Array.from([1, 2, 3, 4, 5, 6]));
    expect(Array.from(await backend.read(t, 2))).toEqual([1, 2, 4, 5]);
    const whole = backend.createTensor(66, 'whole', 2);
    backend.fill(backend.view(whole, 64, 2, 'tail'), 7);
    const read = await backend.read(whole);
    expect([read[63], read[64], read[65], read[66 + 63], read[66 + 64], read[66 + 65]]).toEqual([0, 7, 7, 0, 7, 7]);
  });
});
