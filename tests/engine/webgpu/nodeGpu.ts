import { afterAll, beforeAll } from 'vitest';
import { createWebGpuBackend, type WebGpuBackend } from '../../../src/engine/backends/webgpu.ts';
import { requestNodeGpu } from '../../../src/engine/webgpu/node/gpu.ts';

/**
 * A device from Dawn for Node. Without an adapter it throws with the reason and the fix; it
 * never skips, since a machine with Chromium can always run it.
 */
export const nodeGpu = requestNodeGpu;

/** A WebGPU backend on a fresh Node device. */
export async function nodeBackend(): Promise<WebGpuBackend> {
  const gpu = await nodeGpu();
  return createWebGpuBackend(gpu.device, gpu.description, 'tests');
}

/** Gives the test file a WebGPU backend on a fresh Node device for its tests, destroyed after them. */
export function useNodeBackend(receive: (backend: WebGpuBackend) => void): void {
  let backend: WebGpuBackend | undefined;
  beforeAll(async () => {
    backend = await nodeBackend();
    receive(backend);
  });
  afterAll(() => {
    backend?.dispose();
    backend?.device.destroy();
  });
}
