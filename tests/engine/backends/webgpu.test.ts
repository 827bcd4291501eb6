import { describe, expect, test } from 'vitest';
import { createRng } from '../../../src/data/rng.ts';
import { EngineError, STATS, VIEW_ALIGN } from '../../../src/engine/backend.ts';
import { createCpuBackend } from '../../../src/engine/backends/cpu.ts';
import { createWebGpuBackend, GpuDeviceLostError, type WebGpuBackend } from '../../../src/engine/backends/webgpu.ts';
import { imageRotation } from '../../../src/engine/ops/gatherRotated/rotation.ts';
import { createNetwork } from '../../../src/model/network.ts';
import { uploadRows } from '../../../src/model/rows.ts';
import type { ModelSpec, TrainHyper } from '../../../src/model/types.ts';
import { nodeBackend, nodeGpu, useNodeBackend } from '../webgpu/nodeGpu.ts';

let gpu: WebGpuBackend;
useNodeBackend((backend) => (gpu = backend));

/** Runs `body` inside a validation error scope and fails on any WebGPU error. */
async function noGpuErrors<T>(body: () => Promise<T>): Promise<T> {
  gpu.device.pushErrorScope('validation');
  const result = await body();
  const error = await gpu.device.popErrorScope();
  expect(error?.message ?? null).toBeNull();
  return result;
}

const floats = (n: number, value: (i: number) => number) => Float32Array.from({ length: n }, (_, i) => value(i));

describe('ordering: ops, writes and fills land in the order they are called', () => {
  test('each dispatch keeps the numbers it was enqueued with (one uniform slot per dispatch)', async () => {
    const tensors = Array.from({ length: 5 }, (_, i) => gpu.createTensor(70, `t${i}`));
    await noGpuErrors(async () => {
      tensors.forEach((t, i) => gpu.fill(t, i + 0.5));
      for (const [i, t] of tensors.entries()) expect(Array.from(await gpu.read(t, 3))).toEqual([i + 0.5, i + 0.5, i + 0.5]);
    });
    tensors.forEach((t) => gpu.destroy(t));
  });

  test('more dispatches than the uniform ring holds are submitted in turn and still land in order', async () => {
    const x = gpu.createTensor(4, 'counter');
    const one = gpu.createTensor(4, 'one');
    gpu.fill(one, 1);
    gpu.fill(x, 0);
    const submits = gpu.counters.submits;
    await noGpuErrors(async () => {
      for (let i = 0; i < 5000; i++) gpu.sumRows(one, 1, 4, x, true);
      expect(Array.from(await gpu.read(x))).toEqual([5000, 5000, 5000, 5000]);
    });
    expect(gpu.counters.submits - submits).toBeGreaterThanOrEqual(2);
    gpu.destroy(x);
    gpu.destroy(one);
  });

  test('a write after recorded ops lands after them, and a fill after a write wins', async () => {
    const x = gpu.createTensor(8, 'x');
    await noGpuErrors(async () => {
      gpu.fill(x, 1);
      gpu.write(x, floats(3, () => 7), 2);
      expect(Array.from(await gpu.read(x))).toEqual([1, 1, 7, 7, 7, 1, 1, 1]);
      gpu.write(x, floats(8, (i) => i));
      gpu.fill(x, -1);
      expect(Array.from(await gpu.read(x, 2))).toEqual([-1, -1]);
    });
    gpu.destroy(x);
  });

  test('destroying a tensor that recorded work still uses submits that work first', async () => {
    const a = gpu.createTensor(4, 'a');
    const out = gpu.createTensor(4, 'out');
    await noGpuErrors(async () => {
      gpu.write(a, floats(4, (i) => i + 1));
      gpu.sumRows(a, 1, 4, out, false);
      gpu.destroy(a);
      expect(Array.from(await gpu.read(out))).toEqual([1, 2, 3, 4]);
    });
    gpu.destroy(out);
  });
});

describe('misuse fails with an EngineError that says what to fix', () => {
  test('a foreign tensor, a misaligned or oversized view, a read past the end', async () => {
    const x = gpu.createTensor(2 * VIEW_ALIGN, 'x');
    expect(() => gpu.fill(createCpuBackend().createTensor(4, 'cpu'), 0)).toThrow(EngineError);
    expect(() => gpu.view(x, 3, 4, 'misaligned')).toThrow(/multiple of 64/);
    expect(() => gpu.view(x, VIEW_ALIGN, VIEW_ALIGN + 1, 'too long')).toThrow(EngineError);
    await expect(gpu.read(x, 2 * VIEW_ALIGN + 1)).rejects.toThrow(EngineError);
    expect(() => gpu.sumRows(x, 3, 64, x, false)).toThrow(/x/);
    // mixBatch's check, shared with the CPU backend: 2.5 rows of 2 would pass a size check alone.
    const [targets, weights] = [gpu.createTensor(16, 'targets'), gpu.createTensor(4, 'weights')];
    expect(() => gpu.mixBatch(x, 2, targets, 4, weights, 2.5, 1, 1)).toThrow(/mixBatch: rows and x's values per row must be whole numbers/);
    expect(() => gpu.mixBatch(x, 64, targets, 4, weights, 3, 1, 1)).toThrow(/mixBatch: x holds 128 elements/);
    expect(() => gpu.mixBatch(x, 2, targets, 4, weights, 5, 1, 1)).toThrow(/mixBatch: targets holds 16 elements/);
    gpu.destroy(targets);
    gpu.destroy(weights);
    gpu.destroy(x);
  });

  test('an op reading and writing views of one buffer is refused (WebGPU forbids the binding)', () => {
    const x = gpu.createTensor(2 * VIEW_ALIGN, 'x');
    const head = gpu.view(x, 0, VIEW_ALIGN, 'head');
    const tail = gpu.view(x, VIEW_ALIGN, VIEW_ALIGN, 'tail');
    expect(() => gpu.sumRows(head, 1, VIEW_ALIGN, tail, false)).toThrow(/share one GPU buffer/);
    gpu.destroy(x);
  });

  test('a gather index outside the source is zero-filled and reported at the next read, once', async () => {
    const src = gpu.createTensor(6, 'src');
    const index = gpu.createIndexTensor(3, 'index');
    const out = gpu.createTensor(6, 'out');
    gpu.write(src, floats(6, (i) => i + 1));
    gpu.writeIndices(index, Int32Array.from([2, 7, -1]));
    gpu.gather(src, 2, index, 0, 3, out);
    await expect(gpu.read(out)).rejects.toThrow(/2 row index\(es\)/);
    expect(Array.from(await gpu.read(out))).toEqual([5, 6, 0, 0, 0, 0]);
    for (const t of [src, index, out]) gpu.destroy(t);
  });

  test('so is a rotated gather\'s: its image is zeros, its target still the one-hot of its turns', async () => {
    const src = gpu.createTensor(8, 'src');
    const index = gpu.createIndexTensor(2, 'index');
    const [out, targets] = [gpu.createTensor(8, 'out'), gpu.createTensor(8, 'targets')];
    gpu.write(src, floats(8, (i) => i + 1));
    gpu.writeIndices(index, Int32Array.from([5, 1]));
    gpu.gatherRotated(src, { channels: 1, height: 2, width: 2 }, index, 0, 2, out, targets, 3, 1);
    await expect(gpu.read(out)).rejects.toThrow(/1 row index\(es\)/);
    expect(Array.from((await gpu.read(out)).subarray(0, 4))).toEqual([0, 0, 0, 0]);
    const got = await gpu.read(targets);
    for (const r of [0, 1]) expect(Array.from(got.subarray(4 * r, 4 * r + 4))).toEqual([0, 1, 2, 3].map((q) => (q === imageRotation(3, 1, r) ? 1 : 0)));
    for (const t of [src, index, out, targets]) gpu.destroy(t);
  });
});

const W1: ModelSpec = { kind: 'mlp', inputDim: 2, classes: 2, hidden: [16, 16], activation: 'tanh', dropout: 0 };
const W2: ModelSpec = { kind: 'mlp', inputDim: 784, classes: 10, hidden: [128], activation: 'relu', dropout: 0 };
const HYPER: TrainHyper = { optimizer: 'adam', lr: 0.01, momentum: 0, l2: 0, batch: 16, inputNoise: 0 };

/** Trains one epoch of `steps` batches and reports the recorder's counts for it. */
async function epochCounts(spec: ModelSpec, batch: number, steps: number) {
  const rows = batch * steps;
  const rng = createRng(1);
  const data = uploadRows(gpu, floats(rows * spec.inputDim, () => rng.next()), rows, spec.inputDim);
  const network = createNetwork(gpu, spec, 1);
  network.setTrainingSet(data, floats(rows * spec.classes, (i) => (i % spec.classes === 0 ? 1 : 0)), floats(rows, () => 1));
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  await network.trainEpoch(order, { ...HYPER, batch }, 0);
  const before = { ...gpu.counters };
  await network.trainEpoch(order, { ...HYPER, batch }, 1);
  network.dispose();
  data.dispose();
  return {
    dispatchesPerStep: (gpu.counters.dispatches - before.dispatches - 1) / steps,
    submits: gpu.counters.submits - before.submits,
    readbacks: gpu.counters.readbacks - before.readbacks,
  };
}

describe('no stalls: an epoch is one command buffer and one readback', () => {
  // A small MLP's steps are fused (denseSteps): all 8 in one dispatch.
  test('W1 (2-16-16-2): one dispatch for 8 steps', async () => {
    expect(await epochCounts(W1, 16, 8)).toEqual({ dispatchesPerStep: 1 / 8, submits: 1, readbacks: 1 });
  });

  // Per step: 1 gather (three merged), a dense per layer, the loss, per layer the
  // activation backward (none for linear logits), weight and bias gradients in one
  // dispatch and the input gradient (none for the first layer), 1 optimizer step.

  test('W2 (784-128-10): 9 dispatches a step', async () => {
    expect(await epochCounts(W2, 128, 3)).toEqual({ dispatchesPerStep: 9, submits: 1, readbacks: 1 });
  });
});

describe('resources', () => {
  test('twenty networks built, trained and disposed leave no tensor behind, and dispose frees every buffer', async () => {
    const backend = await nodeBackend();
    const baseline = backend.liveTensors;
    for (let run = 0; run < 20; run++) {
      const data = uploadRows(backend, floats(40, (i) => i / 40), 20, 2);
      const network = createNetwork(backend, W1, run);
      network.setTrainingSet(data, floats(40, (i) => i % 2), floats(20, () => 1));
      await network.trainEpoch(Int32Array.from({ length: 20 }, (_, i) => i), HYPER, run);
      await network.predict(data);
      network.dispose();
      data.dispose();
    }
    expect(backend.liveTensors).toBe(baseline);
    expect(backend.liveBuffers).toBeGreaterThan(0);
    backend.dispose();
    expect(backend.liveBuffers).toBe(0);
    backend.device.destroy();
  });

  test('stats accumulate on the GPU across batches and read back once', async () => {
    const stats = gpu.createTensor(STATS.size, 'stats');
    const logits = gpu.createTensor(4, 'logits');
    const targets = gpu.createTensor(4, 'targets');
    const weights = gpu.createTensor(2, 'weights');
    const dLogits = gpu.createTensor(4, 'dLogits');
    gpu.write(targets, Float32Array.from([1, 0, 0, 1]));
    gpu.fill(weights, 1);
    gpu.fill(stats, 0);
    for (let i = 0; i < 3; i++) gpu.softmaxCrossEntropy(logits, targets, weights, 2, 2, dLogits, stats);
    const totals = await gpu.read(stats);
    expect(totals[STATS.weight]).toBe(6);
    expect(totals[STATS.rows]).toBe(6);
    expect(totals[STATS.weightedLoss]).toBeCloseTo(6 * Math.log(2), 5);
    for (const t of [stats, logits, targets, weights, dLogits]) gpu.destroy(t);
  });
});

describe('device loss', () => {
  test('a destroyed device resolves `lost` and every later op throws GpuDeviceLostError; dispose still works', async () => {
    const { device, description } = await nodeGpu();
    const backend = createWebGpuBackend(device, description);
    const x = backend.createTensor(16, 'x');
    backend.fill(x, 1);
    const inFlight = backend.read(x);
    device.destroy();
    await expect(inFlight).rejects.toThrow(GpuDeviceLostError);
    expect(await backend.lost).toMatchObject({ reason: 'destroyed' });
    expect(() => backend.fill(x, 2)).toThrow(GpuDeviceLostError);
    await expect(backend.read(x)).rejects.toThrow(/lost/);
    backend.dispose();
    expect(backend.liveBuffers).toBe(0);
  });
});
