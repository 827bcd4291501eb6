/**
 * WebGPU's flag values, fixed by the spec. Spelled out here so the engine runs where the
 * GPUBufferUsage and friends globals are missing (Node with the `webgpu` package, before
 * its globals are installed).
 */
export const BUFFER_USAGE = {
  MAP_READ: 0x0001,
  COPY_SRC: 0x0004,
  COPY_DST: 0x0008,
  UNIFORM: 0x0040,
  STORAGE: 0x0080,
} as const;

export const SHADER_STAGE_COMPUTE = 0x4;

export const MAP_MODE_READ = 0x0001;
