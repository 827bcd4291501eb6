import { describe, expect, test } from 'vitest';
import type { WebGpuBackend } from '../../../src/engine/backends/webgpu.ts';
import { NETWORK_CASES } from './networkCases.ts';
import { useNodeBackend } from './nodeGpu.ts';
import { runCase } from './parity.ts';

let gpu: WebGpuBackend;
useNodeBackend((backend) => (gpu = backend));

describe('an MLP trained on WebGPU matches the CPU reference (Dawn in Node)', () => {
  test.each(NETWORK_CASES.map((c) => [c.name, c] as const))('%s', async (_, testCase) => {
    const result = await runCase(gpu, testCase);
    expect(result.message).toBe('ok');
  });
});
