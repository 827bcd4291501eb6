// Every engine of the benchmark, in the order rows are printed.
import { createCpuBackend } from '../../../src/engine/backends/cpu.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm.ts';
import { createWebGpuBackend, requestGpu } from '../../../src/engine/backends/webgpu.ts';
import { createBackend } from '../../../src/host/backendChoice.ts';
import { workloadSize } from '../../workloads.ts';
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
  // The page's backend=auto: whatever its crossovers choose for the workload's model (a hardware GPU, WebAssembly or JavaScript).
  createAutodidactEngine('autodidact-auto', false, async (workload) => {
    const chosen = await createBackend('auto', { size: workloadSize(workload) });
    console.log(`bench: autodidact-auto on ${workload.name}: ${chosen.note}`);
    return { backend: chosen.backend, release: () => chosen.gpu?.device.destroy() };
  }),
  createJaxEngine('jax-js-webgpu', 'webgpu'),
  createJaxEngine('jax-js-wasm', 'wasm'),
  createTfjsEngine('tfjs-webgpu', 'webgpu'),
  createTfjsEngine('tfjs-wasm', 'wasm'),
  createTfjsEngine('tfjs-cpu', 'cpu'),
  plainJsEngine,
];
