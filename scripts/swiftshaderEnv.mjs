// What Dawn for Node (the `webgpu` package) needs to find Chromium's SwiftShader Vulkan driver
// on a machine without a GPU. The dynamic loader reads these when a process starts, so they are
// set in a parent (npm script wrapper, vitest's main process) before any child that loads Dawn.
import { existsSync } from 'node:fs';

export function withSwiftShader(env = process.env) {
  if (!existsSync('/usr/lib/chromium/vk_swiftshader_icd.json')) return { ...env };
  return {
    ...env,
    LD_LIBRARY_PATH: [env.LD_LIBRARY_PATH, '/usr/lib/chromium'].filter(Boolean).join(':'),
    VK_ICD_FILENAMES: env.VK_ICD_FILENAMES || '/usr/lib/chromium/vk_swiftshader_icd.json',
  };
}
