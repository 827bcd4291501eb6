import { describe, expect, test } from 'vitest';
import type { WebGpuBackend } from '../../../src/engine/backends/webgpu.ts';
import type { ConvShape } from '../../../src/engine/backend.ts';
import { useNodeBackend } from './nodeGpu.ts';
import { uniform } from './parity.ts';

let gpu: WebGpuBackend;
useNodeBackend((backend) => (gpu = backend));

/** W3's second conv layer, batch 64: the tiles' and the weight gradient's split sums at full size. */
const SHAPE: ConvShape = { inChannels: 8, outChannels: 16, height: 14, width: 14, kernel: 3 };
const ROWS = 64;

/** The conv ops' outputs for fixed inputs, on this device. */
async function convOutputs(): Promise<Float32Array[]> {
  const { inChannels, outChannels, height, width, kernel } = SHAPE;
  const tensor = (size: number, seed: number) => {
    const t = gpu.createTensor(size, `t${seed}`);
    gpu.write(t, uniform(size, seed, -1, 1));
    return t;
  };
  const x = tensor(ROWS * inChannels * height * width, 1);
  const w = tensor(outChannels * inChannels * kernel * kernel, 2);
  const b = tensor(outChannels, 3);
  const dy = tensor(ROWS * outChannels * height * width, 4);
  const out = tensor(ROWS * outChannels * height * width, 5);
  const dx = tensor(ROWS * inChannels * height * width, 6);
  const dw = tensor(outChannels * inChannels * kernel * kernel, 7);
  const db = tensor(outChannels, 8);
  gpu.conv2d(x, w, b, out, ROWS, SHAPE, 'relu');
  gpu.conv2dInputGrad(dy, w, dx, ROWS, SHAPE);
  gpu.conv2dWeightGrad(x, dy, dw, db, ROWS, SHAPE);
  const read = await Promise.all([out, dx, dw, db].map((t) => gpu.read(t)));
  for (const t of [x, w, b, dy, out, dx, dw, db]) gpu.destroy(t);
  return read;
}

describe('the conv ops sum in a fixed order (Dawn in Node)', () => {
  test('the same inputs give the same bits, run after run', async () => {
    const first = await convOutputs();
    const second = await convOutputs();
    first.forEach((values, i) => expect(new Uint32Array(second[i].buffer)).toEqual(new Uint32Array(values.buffer)));
  }, 120_000);
});
