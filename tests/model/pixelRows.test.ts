import { describe, expect, test } from 'vitest';
import { PIXEL_VALUES, type Backend } from '../../src/engine/backend.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import type { WebGpuBackend } from '../../src/engine/backends/webgpu.ts';
import { createNetwork } from '../../src/model/network.ts';
import { uploadPixelRows, uploadRows } from '../../src/model/rows.ts';
import type { ModelSpec, TrainHyper } from '../../src/model/types.ts';
import { nodeBackend, useNodeBackend } from '../engine/webgpu/nodeGpu.ts';

let gpu: WebGpuBackend;
useNodeBackend((backend) => (gpu = backend));

const SPEC: ModelSpec = { kind: 'cnn', inputDim: 64, image: { channels: 1, height: 8, width: 8 }, classes: 3, filters: [2], hidden: [], dropout: 0.1 };
const HYPER: TrainHyper = { optimizer: 'adam', lr: 0.01, momentum: 0, l2: 1e-4, batch: 5, inputNoise: 0.05 };
const ROWS = 23;
const pixels = Uint8Array.from({ length: ROWS * 64 }, (_, i) => (i * 89 + (i >> 5) * 7) % 256);

/** Parameters and test probabilities after two epochs on rows uploaded as `form`. */
async function train(backend: Backend, form: 'bytes' | 'floats') {
  const rows = form === 'bytes' ? uploadPixelRows(backend, pixels, ROWS, 64) : uploadRows(backend, Float32Array.from(pixels, (v) => v / 255), ROWS, 64);
  const network = createNetwork(backend, SPEC, 9);
  const targets = Float32Array.from({ length: ROWS * 3 }, (_, i) => (Math.floor(i / 3) % 3 === i % 3 ? 1 : 0));
  network.setTrainingSet(rows, targets, new Float32Array(ROWS).fill(1));
  const order = Int32Array.from({ length: ROWS }, (_, i) => (i * 7) % ROWS);
  for (let epoch = 0; epoch < 2; epoch++) await network.trainEpoch(order, HYPER, epoch);
  const result = { parameters: await network.getParameters(), probabilities: await network.predict(rows) };
  network.dispose();
  rows.dispose();
  return result;
}

describe('image rows kept as bytes', () => {
  test('a pixel byte v reads as v / 255 in f32, as the image rows’ floats', () => {
    for (let v = 0; v < 256; v++) expect(PIXEL_VALUES[v]).toBe(Math.fround(v / 255));
  });

  test.each([
    ['cpu', () => createCpuBackend()],
    ['webgpu', () => gpu],
  ])('%s: training and prediction from byte rows equal those from float rows, bit for bit', async (_, backend) => {
    const bytes = await train(backend(), 'bytes');
    const floats = await train(backend(), 'floats');
    expect(Array.from(bytes.parameters)).toEqual(Array.from(floats.parameters));
    expect(Array.from(bytes.probabilities)).toEqual(Array.from(floats.probabilities));
  });

  test('on WebGPU the rows take a quarter of their floats’ memory', async () => {
    const fresh = await nodeBackend();
    const before = fresh.peakBytes;
    const n = 4096;
    const rows = uploadPixelRows(fresh, new Uint8Array(n * 784), n, 784);
    const grown = fresh.peakBytes - before;
    rows.dispose();
    expect(fresh.liveTensors).toBe(0);
    fresh.dispose();
    fresh.device.destroy();
    expect(grown).toBeGreaterThanOrEqual(n * 784);
    expect(grown).toBeLessThan(n * 784 * 1.01);
  });
});
