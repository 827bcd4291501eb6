import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { ModelProtoSchema } from 'onnx-buf';
import * as ortWeb from 'onnxruntime-web';
import { describe, expect, test } from 'vitest';
import { makeSplit } from '../../src/data/split.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { createNetwork } from '../../src/model/network.ts';
import { uploadRows } from '../../src/model/rows.ts';
import type { ModelSpec } from '../../src/model/types.ts';
import { exportOnnx } from '../../src/onnx/exportOnnx.ts';
import { asProbabilities, openTeacher, teacherExpectation } from '../../src/onnx/importTeacher.ts';
import type { OrtSessionOptions } from '../../src/onnx/ortLabeler.ts';
import { seeded } from '../engine/helpers.ts';
import { smallConfig } from '../selftrain/fixtures.ts';
import { maxAbsDifference, testMetadata } from './ortParity.ts';

const WASM: OrtSessionOptions = { executionProviders: ['wasm'] };
const POINTS: ModelSpec = { kind: 'mlp', inputDim: 2, classes: 2, hidden: [8], activation: 'tanh', dropout: 0 };

/** A network of `spec` with seeded parameters and its exported bytes. */
async function trained(spec: ModelSpec, inputShape?: number[]) {
  const backend = createCpuBackend();
  const network = createNetwork(backend, spec, 3);
  network.setParameters(seeded(network.parameterCount, 4));
  const bytes = exportOnnx(spec, await network.getParameters(), { metadata: testMetadata(spec.classes), inputShape });
  return { backend, network, bytes };
}

/** `bytes` with the graph input's batch dimension fixed at `size` (a model exported without a dynamic batch). */
function withFixedBatch(bytes: Uint8Array, size: number): Uint8Array {
  const model = fromBinary(ModelProtoSchema, bytes);
  const type = model.graph!.input[0].type!.value;
  if (type.case !== 'tensorType') throw new Error('expected a tensor input');
  type.value.shape!.dim[0].value = { case: 'dimValue', value: BigInt(size) };
  return toBinary(ModelProtoSchema, model);
}

describe('a visitor\'s teacher file', () => {
  test('a model the page exported labels the pool as the engine does, in any batch size', async () => {
    const config = smallConfig();
    const { pool } = makeSplit(config);
    const { backend, network, bytes } = await trained(POINTS);
    const engine = await network.predict(uploadRows(backend, pool.x, pool.n, pool.dim));
    for (const file of [{ name: 'gen-2.onnx', bytes }, { name: 'batch-7.onnx', bytes: withFixedBatch(bytes, 7) }]) {
      const teacher = await openTeacher(ortWeb, WASM, file, teacherExpectation(config));
      expect(maxAbsDifference(await teacher.label(pool), engine)).toBeLessThanOrEqual(1e-5);
      await teacher.release();
    }
    const teacher = await openTeacher(ortWeb, WASM, { name: 'gen-2.onnx', bytes }, teacherExpectation(config));
    expect(teacher.summary).toBe('gen-2.onnx: [N, 2] → [N, 2]');
    await teacher.release();
  });

  test('images: [N, 1, 28, 28] and [N, 784] inputs both fit', async () => {
    const spec: ModelSpec = { kind: 'mlp', inputDim: 784, classes: 10, hidden: [4], activation: 'relu', dropout: 0 };
    const expected = teacherExpectation(smallConfig({ data: 'mnist', classes: 10 }));
    for (const inputShape of [[1, 28, 28], [784]]) {
      const teacher = await openTeacher(ortWeb, WASM, { name: 'digits.onnx', bytes: (await trained(spec, inputShape)).bytes }, expected);
      expect(teacher.summary).toBe(`digits.onnx: [N, ${inputShape.join(', ')}] → [N, 10]`);
      await teacher.release();
    }
  });

  test('shapes that do not fit the dataset: a message that says which', async () => {
    const { bytes } = await trained(POINTS);
    const file = { name: 'moons.onnx', bytes };
    await expect(openTeacher(ortWeb, WASM, file, teacherExpectation(smallConfig({ data: 'gauss', classes: 3 })))).rejects.toThrow(
      'moons.onnx cannot teach gauss: it gives 2 classes, but gauss has 3.',
    );
    await expect(openTeacher(ortWeb, WASM, file, teacherExpectation(smallConfig({ data: 'mnist', classes: 10 })))).rejects.toThrow(
      'moons.onnx cannot teach mnist: it takes [N, 2], but mnist gives [N, 1, 28, 28] or [N, 784].',
    );
  });

  test('bytes that are not an ONNX model: a TeacherImportError naming the file', async () => {
    const garbage = { name: 'holiday.jpg.onnx', bytes: Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256) };
    const opening = openTeacher(ortWeb, WASM, garbage, teacherExpectation(smallConfig()));
    await expect(opening).rejects.toMatchObject({ name: 'TeacherImportError' });
    await expect(opening).rejects.toThrow(/^holiday\.jpg\.onnx is not an ONNX model onnxruntime-web can read \((?!Can't create)[^.]+\)\. A teacher is a \.onnx classifier/);
  });
});

describe('asProbabilities', () => {
  test('keeps rows that are probabilities, and turns logits into probabilities by softmax', () => {
    const probabilities = Float32Array.of(0.25, 0.75, 1, 0);
    expect(asProbabilities(probabilities, 2)).toBe(probabilities);
    const logits = asProbabilities(Float32Array.of(0, Math.log(3), 2, 2), 2);
    expect(Array.from(logits, (v) => Number(v.toFixed(6)))).toEqual([0.25, 0.75, 0.5, 0.5]);
  });
});
