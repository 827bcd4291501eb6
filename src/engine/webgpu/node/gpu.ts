/**
 * WebGPU in Node through Dawn (the `webgpu` package): the CLI's and the tests' GPU. Node
 * needs two things before it starts: Chromium's SwiftShader Vulkan driver on the library
 * path where there is no GPU (LD_LIBRARY_PATH=/usr/lib/chromium
 * VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json), and registerWgsl.mjs for
 * the kernels' `?raw` imports outside Vite.
 */
import { existsSync } from 'node:fs';
import { create } from 'webgpu';
import { requestGpu, type Gpu } from '../device.ts';

/** Chromium's SwiftShader driver: where it is installed, WebGPU in Node can always run. */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** A device from Dawn; without an adapter, an error that says how to get one. */
export async function requestNodeGpu(): Promise<Gpu> {
  try {
    return await requestGpu(create([]));
  } catch (error) {
    const env = `LD_LIBRARY_PATH=${process.env.LD_LIBRARY_PATH ?? '(unset)'} VK_ICD_FILENAMES=${process.env.VK_ICD_FILENAMES ?? '(unset)'}`;
    const hint = existsSync(SWIFTSHADER_ICD)
      ? `Start node with LD_LIBRARY_PATH=/usr/lib/chromium VK_ICD_FILENAMES=${SWIFTSHADER_ICD} (npm test sets them); now ${env}.`
      : `Without a GPU, install Chromium for its SwiftShader driver (${SWIFTSHADER_ICD}): apt-get install chromium.`;
    throw new Error(`No WebGPU adapter in Node: ${error instanceof Error ? error.message : String(error)} ${hint}`, { cause: error });
  }
}
