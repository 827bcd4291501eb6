import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { WebGpuBackend } from '../../../src/engine/webgpu/index.ts';
import { NETWORK_CASES } from './networkCases.ts';
import { nodeBackend } from './nodeGpu.ts';
import { runCase } from './parity.ts';

let gpu: WebGpuBackend;
beforeAll(async () => {
  gpu = await nodeBackend();
});
afterAll(() => {
  gpu?.dispose();
  gpu?.device.destroy();
});

describe('an MLP trained on WebGPU matches the CPU reference (Dawn in Node)', () => {
  test.each(NETWORK_CASES.map((c) => [c.name, c] as const))('%s', async (_, testCase) => {
    const result = await runCase(gpu, testCase);
    expect(result.message).toBe('ok');
  });
});
