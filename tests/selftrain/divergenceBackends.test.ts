import { globals } from 'webgpu';
import { describe, expect, test } from 'vitest';
import type { Backend } from '../../src/engine/backend.ts';
import { createWasmBackend } from '../../src/engine/backends/wasm.ts';
import { nodeBackend } from '../engine/webgpu/nodeGpu.ts';
import { smallConfig } from './fixtures.ts';
import { generation0 } from './poisoned.ts';

Object.assign(globalThis, globals);

/** A WebGPU backend whose device goes with it. */
async function webgpu(): Promise<Backend> {
  const backend = await nodeBackend();
  return { ...backend, dispose: () => (backend.dispose(), backend.device.destroy()) };
}

describe.each([
  ['wasm', () => Promise.resolve(createWasmBackend())],
  ['webgpu', webgpu],
] as const)('a NaN student in the stacked batch on %s', (_, create) => {
  test("leaves the other students' numbers as they are without it", async () => {
    const config = smallConfig({ students: 4 });
    const clean = await generation0(config, [], await create());
    const forced = await generation0(config, [2], await create());
    expect(forced.result.dropped).toEqual([{ student: 2, epoch: 1, reason: 'the loss became non-finite' }]);
    for (const k of [0, 1, 3]) {
      expect(forced.result.students!.testAccuracy[k], `student ${k}`).toBe(clean.result.students!.testAccuracy[k]);
      expect(forced.poolLabels[k], `student ${k}`).toEqual(clean.poolLabels[k]);
    }
  });
});
