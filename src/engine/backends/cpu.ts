import type { Backend, BackendInfo } from '../backend.ts';
import { CpuByteTensor, cpuTensor, CpuIndexTensor, CpuTensor, indices, storageOf } from '../cpu/tensor.ts';
import { EngineError } from '../core/errors.ts';
import { checkModels, VIEW_ALIGN, type ByteTensor, type IndexTensor, type Tensor } from '../core/tensor.ts';
import { cpuOps } from '../ops/registry.ts';

const CPU_INFO: BackendInfo = {
  kind: 'cpu',
  adapter: 'CPU (JavaScript)',
  reason: 'Plain TypeScript over Float32Array: runs everywhere, and is the fastest for tiny models.',
};

/** The reference backend: every op runs at once, in plain TypeScript loops over Float32Array (each op's ops/<op>/cpu.ts). */
export function createCpuBackend(reason: string = CPU_INFO.reason): Backend {
  const info: BackendInfo = { ...CPU_INFO, reason };
  return {
    info,
    createTensor(size, label, models = 1) {
      checkModels(models, label);
      return CpuTensor.zeros(checkedSize(size, label), models, label);
    },
    createIndexTensor: (size, label) => new CpuIndexTensor(new Int32Array(checkedSize(size, label)), label),
    createByteTensor: (data, label) => new CpuByteTensor(Uint8Array.from(data), label),
    view(tensor, offset, size, label) {
      const parent = cpuTensor(tensor);
      if (offset % VIEW_ALIGN !== 0) throw new EngineError(`View "${label}" starts at ${offset}, not a multiple of ${VIEW_ALIGN} floats.`);
      if (offset < 0 || size < 0 || offset + size > parent.size) {
        throw new EngineError(`View "${label}" [${offset}, ${offset + size}) does not fit in a tensor of ${parent.size} floats.`);
      }
      const slices = parent.slices.map((data) => data.subarray(offset, offset + size));
      return new CpuTensor(slices, label, parent.models === 1 ? slices[0] : null);
    },
    write: (tensor, data, offset = 0) => storageOf(cpuTensor(tensor), 'write').set(data, offset),
    writeIndices: (tensor, data, offset = 0) => indices(tensor).set(data, offset),
    async read(tensor, count) {
      const t = cpuTensor(tensor);
      storageOf(t, 'read');
      const n = count ?? t.size;
      if (t.models === 1) return t.slices[0].slice(0, n);
      const out = new Float32Array(t.models * n);
      t.slices.forEach((data, k) => out.set(data.subarray(0, n), k * n));
      return out;
    },
    // Garbage collection frees CPU tensors; these exist for the WebGPU backend's sake.
    destroy: (tensor: Tensor | IndexTensor | ByteTensor) => void tensor,
    dispose: () => undefined,

    ...cpuOps(),
  };
}

function checkedSize(size: number, label: string): number {
  if (!Number.isInteger(size) || size < 0) throw new EngineError(`Tensor "${label}" needs a whole, non-negative size, got ${size}.`);
  return size;
}
