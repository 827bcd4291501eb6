import { existsSync } from 'node:fs';
import { create, globals } from 'webgpu';
import { createWebGpuBackend, requestGpu, type Gpu, type WebGpuBackend } from '../../../src/engine/webgpu/index.ts';

/** Chromium's SwiftShader Vulkan driver: where it is installed, WebGPU in Node must work. */
const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/**
 * A device from Dawn for Node (the `webgpu` package). Without an adapter it throws with the
 * reason and the fix; it never skips, since a machine with Chromium can always run it.
 */
export async function nodeGpu(): Promise<Gpu> {
  Object.assign(globalThis, globals);
  try {
    return await requestGpu(create([]));
  } catch (error) {
    const env = `LD_LIBRARY_PATH=${process.env.LD_LIBRARY_PATH ?? '(unset)'} VK_ICD_FILENAMES=${process.env.VK_ICD_FILENAMES ?? '(unset)'}`;
    const hint = existsSync(SWIFTSHADER_ICD)
      ? `Run with LD_LIBRARY_PATH=/usr/lib/chromium VK_ICD_FILENAMES=${SWIFTSHADER_ICD} set before node starts (npm test sets them); now ${env}.`
      : `Chromium's SwiftShader is missing (${SWIFTSHADER_ICD}): apt-get install chromium.`;
    throw new Error(`No WebGPU adapter in Node: ${error instanceof Error ? error.message : String(error)} ${hint}`);
  }
}

/** A WebGPU backend on a fresh Node device. */
export async function nodeBackend(): Promise<WebGpuBackend> {
  const gpu = await nodeGpu();
  return createWebGpuBackend(gpu.device, gpu.description, 'tests');
}
