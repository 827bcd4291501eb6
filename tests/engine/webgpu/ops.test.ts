import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createWebGpuBackend, type WebGpuBackend } from '../../../src/engine/backends/webgpu.ts';
import { nodeGpu } from './nodeGpu.ts';
import { STACKED_CASES, TUNED_CASES, OP_CASES } from './opCases.ts';
import { runCase } from './parity.ts';

let gpu: WebGpuBackend;
/** The same device tuned as the other kind of adapter (hardware on SwiftShader), so every tuned kernel layout runs. */
let gpuOtherTuning: WebGpuBackend;
beforeAll(async () => {
  const { device, description } = await nodeGpu();
  gpu = createWebGpuBackend(device, description, 'tests');
  gpuOtherTuning = createWebGpuBackend(device, { ...description, software: !description.software }, 'tests, other tuning');
});
afterAll(() => {
  gpuOtherTuning?.dispose();
  gpu?.dispose();
  gpu?.device.destroy();
});

describe('every WebGPU op against the CPU reference (Dawn in Node)', () => {
  test.each(OP_CASES.map((c) => [c.name, c] as const))('%s', async (_, testCase) => {
    const result = await runCase(gpu, testCase);
    expect(result.message).toBe('ok');
  });
});

describe('the adapter-tuned kernels (matmul, loss, and how workgroups share models) under the other tuning', () => {
  test.each([...TUNED_CASES, ...STACKED_CASES].map((c) => [c.name, c] as const))('%s', async (_, testCase) => {
    const result = await runCase(gpuOtherTuning, testCase);
    expect(result.message).toBe('ok');
  });
});

describe('every op over several models at once (stacked tensors, one dispatch) against the CPU reference', () => {
  test.each(STACKED_CASES.map((c) => [c.name, c] as const))('%s', async (_, testCase) => {
    const result = await runCase(gpu, testCase);
    expect(result.message).toBe('ok');
  });
});
