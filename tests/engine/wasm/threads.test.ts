import { availableParallelism } from 'node:os';
import { describe, expect, test } from 'vitest';
import type { Backend, Tensor } from '../../../src/engine/backend.ts';
import type { ConvShape } from '../../../src/engine/core/shapes.ts';
import { createWasmBackend, WASM_THREADS_NOTE } from '../../../src/engine/backends/wasm.ts';
import { MIN_WORK_PER_PART } from '../../../src/engine/wasm/threads.ts';

const threaded = createWasmBackend();
const single = createWasmBackend('one thread', { threads: false });

/** Runs `op` on each backend over the same inputs (filled by a fixed pattern) and returns each backend's outputs. */
async function onBoth(inputs: number[], outputs: number[], op: (backend: Backend, ins: Tensor[], outs: Tensor[]) => void, models = 1): Promise<Float32Array[][]> {
  return Promise.all(
    [threaded, single].map(async (backend) => {
      const ins = inputs.map((size, t) => {
        const tensor = backend.createTensor(size, `in${t}`, models);
        backend.write(tensor, Float32Array.from({ length: size * models }, (_, i) => (i % 7 === t ? 0 : Math.sin(i * 0.37 + t))));
        return tensor;
      });
      const outs = outputs.map((size, t) => {
        const tensor = backend.createTensor(size, `out${t}`, models);
        backend.write(tensor, Float32Array.from({ length: size * models }, (_, i) => Math.cos(i + t)));
        return tensor;
      });
      op(backend, ins, outs);
      const read = await Promise.all(outs.map((tensor) => backend.read(tensor)));
      [...ins, ...outs].forEach((tensor) => backend.destroy(tensor));
      return read;
    }),
  );
}

/** Every output, bit for bit, between the threaded and the single-threaded backend, and none left all zero (a part skipped). */
function expectSameBits([onThreads, onOne]: Float32Array[][]): void {
  onThreads.forEach((out, i) => {
    expect(new Uint32Array(out.buffer)).toEqual(new Uint32Array(onOne[i].buffer));
    expect(out.some((v) => v !== 0)).toBe(true);
  });
}

describe('the kernel threads', () => {
  test('start in Node where there is more than one core, and the note says how many', () => {
    if (availableParallelism() > 1) expect(WASM_THREADS_NOTE).toMatch(/^Kernels on [2-8] threads \(\d+ cores\)\.$/);
    else expect(WASM_THREADS_NOTE).toBe('Kernels on one thread: this machine shows one core.');
  });
});

describe('a call split over the kernel threads gives the single thread\'s bits', () => {
  // Uneven sizes, so the parts differ in length; each well above two threads' worth of work.
  const [m, k, n] = [37, 301, 53];
  test('the sizes below are split', () => expect(m * k * n).toBeGreaterThan(4 * MIN_WORK_PER_PART));

  test.each(['nn', 'nt', 'tn'] as const)('matmul %s, from zero and accumulating, over two models', async (transpose) => {
    for (const accumulate of [false, true]) {
      expectSameBits(await onBoth([m * k, k * n], [m * n], (b, [x, y], [out]) => b.matmul(x, y, out, m, k, n, transpose, accumulate), 2));
    }
  });

  test('dense', async () => {
    expectSameBits(await onBoth([m * k, k * n, n], [m * n], (b, [x, w, bias], [out]) => b.dense(x, w, bias, out, m, k, n, 'tanh')));
  });

  const shapes: ConvShape[] = [
    { inChannels: 3, outChannels: 7, height: 13, width: 11, kernel: 3 },
    { inChannels: 5, outChannels: 3, height: 9, width: 10, kernel: 5 },
  ];
  const rows = 11;
  describe.each(shapes)('conv2d %o', (shape) => {
    const plane = shape.height * shape.width;
    const [xSize, ySize, wSize] = [rows * shape.inChannels * plane, rows * shape.outChannels * plane, shape.outChannels * shape.inChannels * shape.kernel ** 2];
    test('is split', () => expect(rows * shape.outChannels * shape.inChannels * shape.kernel ** 2 * plane).toBeGreaterThan(2 * MIN_WORK_PER_PART));
    test('forward', async () => {
      expectSameBits(await onBoth([xSize, wSize, shape.outChannels], [ySize], (b, [x, w, bias], [out]) => b.conv2d(x, w, bias, out, rows, shape, 'relu'), 2));
    });
    test('input gradient', async () => {
      expectSameBits(await onBoth([ySize, wSize], [xSize], (b, [dy, w], [dx]) => b.conv2dInputGrad(dy, w, dx, rows, shape), 2));
    });
    test('weight gradient', async () => {
      expectSameBits(await onBoth([xSize, ySize], [wSize, shape.outChannels], (b, [x, dy], [dw, db]) => b.conv2dWeightGrad(x, dy, dw, db, rows, shape), 2));
    });
  });

  test('both backends freed what they made', () => {
    expect([threaded.liveBytes, single.liveBytes]).toEqual([0, 0]);
  });
});
