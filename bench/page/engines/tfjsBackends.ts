// TensorFlow.js 4.22's cpu, wasm and webgpu backends in one page, served from this site (no CDN).
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone registers no gradients; the @tensorflow/tfjs bundle imports this for you.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export type TfjsBackendName = 'webgpu' | 'wasm' | 'cpu';

// tfjs would fetch its binaries from next to its script; Vite emits them as hashed assets instead.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
});
// The bench page is cross-origin isolated, which would pick tfjs's threaded build; its inline
// worker script does not start from this bundle ("e is not defined"), so tfjs-wasm keeps one thread.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

/**
 * Makes `name` the active tfjs backend and returns how to give it back. WebGPU gets a fresh
 * device and backend per session, made as tfjs's own factory makes them, so a session's first
 * step pays for its shader compilation and its buffers are counted from zero.
 */
export async function activateTfjs(name: TfjsBackendName): Promise<() => Promise<void>> {
  if (name !== 'webgpu') {
    if (!(await tf.setBackend(name))) throw new Error(`tfjs could not start its ${name} backend`);
    return async () => {};
  }
  if (!navigator.gpu) throw new Error('this browser has no WebGPU (navigator.gpu is missing)');
  const adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('no WebGPU adapter');
  const limits = adapter.limits;
  const device = await adapter.requestDevice({
    requiredFeatures: adapter.features.has('timestamp-query') ? ['timestamp-query'] : [],
    requiredLimits: {
      maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
      maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
      maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
      maxBufferSize: limits.maxBufferSize,
      maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
      maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
    },
  });
  removeTfjsWebGpu();
  tf.registerBackend('webgpu', () => new WebGPUBackend(device, adapter.info), 3);
  if (!(await tf.setBackend('webgpu'))) throw new Error('tfjs could not start its webgpu backend');
  return async () => {
    removeTfjsWebGpu();
    device.destroy();
  };
}

/** Drops tfjs's webgpu backend (the one registered at import, or ours), disposing its buffer pool. */
function removeTfjsWebGpu(): void {
  if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
}

/** How tfjs's wasm backend runs here (one thread: see WASM_HAS_MULTITHREAD_SUPPORT above). */
export async function describeTfjsWasm(): Promise<string> {
  try {
    if (!(await tf.setBackend('wasm'))) return 'tfjs-wasm did not start';
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    const threads = getThreadsCount();
    return `tfjs-wasm: ${simd ? 'SIMD' : 'no SIMD'}, ${threads} thread${threads === 1 ? '' : 's'}; no W3 row (tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter kernel, so it cannot train a CNN)`;
  } catch (error) {
    return `tfjs-wasm did not start: ${error instanceof Error ? error.message : String(error)}`;
  }
}
