// Every engine of the benchmark, in the order rows are printed.
import { createCpuBackend } from '../../../src/engine/backends/cpu.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm.ts';
import { createWebGpuBackend, requestGpu } from '../../../src/engine/backends/webgpu.ts';
import { createAutodidactEngine } from './autodidact.ts';
import { createJaxEngine } from './jaxjs.ts';
import { plainJsEngine } from './plainJs.ts';
import { createTfjsEngine } from './tfjs.ts';
import type { Engine } from './types.ts';

export const ENGINES: readonly Engine[] = [
  createAutodidactEngine('autodidact-webgpu', true, async () => {
    const gpu = await requestGpu();
    return { backend: createWebGpuBackend(gpu.device, gpu.description), release: () => gpu.device.destroy() };
  }),
  createAutodidactEngine('autodidact-wasm', false, async () => ({ backend: createWasmBackend(), release: () => {} })),
  createAutodidactEngine('autodidact-cpu', false, async () => ({ backend: createCpuBackend(), release: () => {} })),
  createJaxEngine('jax-js-webgpu', 'webgpu'),
  createJaxEngine('jax-js-wasm', 'wasm'),
  createTfjsEngine('tfjs-webgpu', 'webgpu'),
  createTfjsEngine('tfjs-wasm', 'wasm'),
  createTfjsEngine('tfjs-cpu', 'cpu'),
  plainJsEngine,
];
