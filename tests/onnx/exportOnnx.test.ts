import { fromBinary } from '@bufbuild/protobuf';
import { ModelProtoSchema } from 'onnx-buf';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../src/config/schema.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { createNetwork } from '../../src/model/network.ts';
import type { CnnSpec, MlpSpec, ModelSpec } from '../../src/model/types.ts';
import { OnnxExportError } from '../../src/onnx/errors.ts';
import { exportOnnx, ONNX_OPSET } from '../../src/onnx/exportOnnx.ts';
import { parityCase, testMetadata } from './ortParity.ts';
import { cnnSpec } from '../model/helpers/cnnSpec.ts';

/** Parity bound of the issue: max |Δp| between the engine and onnxruntime. */
const TOLERANCE = 1e-4;

const SHAPES: { name: string; spec: Omit<MlpSpec, 'activation'> }[] = [
  { name: '2-8-2', spec: { kind: 'mlp', inputDim: 2, classes: 2, hidden: [8], dropout: 0 } },
  { name: '2-16-16-3 with dropout', spec: { kind: 'mlp', inputDim: 2, classes: 3, hidden: [16, 16], dropout: 0.3 } },
  { name: '2-5 (no hidden layer)', spec: { kind: 'mlp', inputDim: 2, classes: 5, hidden: [], dropout: 0 } },
  { name: '2-32-7-4-6', spec: { kind: 'mlp', inputDim: 2, classes: 6, hidden: [32, 7, 4], dropout: 0.1 } },
];

describe('exportOnnx: onnxruntime-node runs the file like the engine (CPU backend)', () => {
  for (const shape of SHAPES) {
    for (const activation of ACTIVATIONS) {
      it(`${shape.name}, ${activation}`, async () => {
        const spec: MlpSpec = { ...shape.spec, activation };
        const { engine, onnx, maxDifference } = await parityCase(createCpuBackend(), spec, 300, { seed: 11, scale: 4 });
        expect(onnx.dims).toEqual([300, spec.classes]);
        expect(engine.length).toBe(300 * spec.classes);
        expect(maxDifference).toBeLessThanOrEqual(TOLERANCE);
      });
    }
  }

  it('takes images as [N, 1, 28, 28] and flattens them row-major for a 784-input MLP', async () => {
    const spec: ModelSpec = { kind: 'mlp', inputDim: 784, classes: 10, hidden: [32], activation: 'relu', dropout: 0.2 };
    const { onnx, maxDifference } = await parityCase(createCpuBackend(), spec, 40, { seed: 5, scale: 0.1, inputShape: [1, 28, 28] });
    expect(onnx.dims).toEqual([40, 10]);
    expect(maxDifference).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('exportOnnx: a CNN runs in onnxruntime-node like the engine (CPU backend)', () => {
  const cnn = (channels: number, height: number, width: number, filters: number[], rest: Partial<CnnSpec> = {}) => cnnSpec(channels, height, width, filters, { classes: 4, ...rest });

  it('1×28×28, conv 8 + pool, conv 16 + pool, dense 10 (Conv, MaxPool, Flatten), input [N, 1, 28, 28]', async () => {
    const spec = cnn(1, 28, 28, [8, 16], { classes: 10 });
    const { onnx, maxDifference } = await parityCase(createCpuBackend(), spec, 20, { seed: 3, scale: 1, inputShape: [1, 28, 28] });
    expect(onnx.dims).toEqual([20, 10]);
    expect(maxDifference).toBeLessThanOrEqual(TOLERANCE);
  });

  it('3×9×7 (odd sizes: pooling drops the last row and column), a hidden layer and dropout, fed flat rows [N, 189]', async () => {
    const spec = cnn(3, 9, 7, [4, 5], { hidden: [6], dropout: 0.3 });
    const { onnx, maxDifference } = await parityCase(createCpuBackend(), spec, 30, { seed: 8, scale: 2, inputShape: [spec.inputDim] });
    expect(onnx.dims).toEqual([30, 4]);
    expect(maxDifference).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('exportOnnx: the file', () => {
  const spec: ModelSpec = { kind: 'mlp', inputDim: 2, classes: 3, hidden: [4], activation: 'relu', dropout: 0.5 };
  const parameters = () => createNetwork(createCpuBackend(), spec, 1).getParameters();

  it('is opset 17 with input [N, 2], output [N, classes] and the experiment in its metadata', async () => {
    const metadata = { link: 'https://example.org/#v=1&data=moons', generation: 3, dataset: 'moons', classNames: ['red', 'blue', 'green'] };
    const model = fromBinary(ModelProtoSchema, exportOnnx(spec, await parameters(), { metadata }));
    expect(model.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', ONNX_OPSET]]);
    const dims = (name: 'input' | 'output') => {
      const type = model.graph![name][0].type!.value;
      return type.case === 'tensorType' ? type.value.shape!.dim.map((d) => d.value.value) : null;
    };
    expect(model.graph!.input[0].name).toBe('input');
    expect(dims('input')).toEqual(['N', 2n]);
    expect(model.graph!.output[0].name).toBe('probabilities');
    expect(dims('output')).toEqual(['N', 3n]);
    expect(model.graph!.node.map((n) => n.opType)).toEqual(['MatMul', 'Add', 'Relu', 'MatMul', 'Add', 'Softmax']);
    expect(Object.fromEntries(model.metadataProps.map((p) => [p.key, p.value]))).toEqual({
      link: metadata.link,
      generation: '3',
      dataset: 'moons',
      classNames: '["red","blue","green"]',
    });
  });

  it('refuses parameters, input shapes and class names that do not fit the spec, with the numbers', async () => {
    const good = await parameters();
    const metadata = testMetadata(3);
    expect(() => exportOnnx(spec, good.subarray(1), { metadata })).toThrow(new OnnxExportError('This mlp has 27 parameters, got 26.'));
    expect(() => exportOnnx(spec, good, { metadata, inputShape: [1, 3] })).toThrow(/Input shape \[1, 3\] does not hold the model's 2 input features/);
    expect(() => exportOnnx(spec, good, { metadata: testMetadata(2) })).toThrow(/2 class names for a model of 3 classes/);
  });
});
