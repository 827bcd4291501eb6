import type { Backend, BackendInfo } from '../backend.ts';
import { CpuByteTensor, CpuIndexTensor, indices, storageOf } from '../cpu/tensor.ts';
import { EngineError } from '../core/errors.ts';
import { checkModels, VIEW_ALIGN, type ByteTensor, type IndexTensor, type Tensor } from '../core/tensor.ts';
import { loadWasmOps } from '../ops/registry.ts';
import { compileKernels, compileSharedKernels, instantiateKernels } from '../wasm/kernels.ts';
import { createWasmMemory, type WasmMemory } from '../wasm/memory.ts';
import { rangedRunner, startThreads } from '../wasm/threads.ts';
import { wasmTensor, WasmTensor } from '../wasm/tensor.ts';

/** The Backend contract in WebAssembly memory, plus what tests measure. */
export interface WasmBackend extends Backend {
  /** Bytes of WebAssembly memory held by live tensors (back to zero when all are destroyed). */
  readonly liveBytes: number;
  /** The memory's size now, in bytes. */
  readonly memoryBytes: number;
}

/**
 * The kernels' module, the ops' methods and the kernel threads, loaded with this module (its
 * importers load it only to run on WebAssembly).
 */
const [kernelsModule, makeOps, threads] = await Promise.all([compileKernels(), loadWasmOps(), startThreads(compileSharedKernels)]);

/** How many threads the kernels run on here, and why: a sentence for the backend's note. */
export const WASM_THREADS_NOTE = threads.pool ? `Kernels on ${threads.pool.threads} threads (${threads.why}).` : `Kernels on one thread: ${threads.why}.`;

const DEFAULT_REASON = `WebAssembly SIMD: 128-bit kernels, the CPU reference for the ops without one. ${WASM_THREADS_NOTE}`;

export interface WasmBackendOptions {
  /** Whether large kernel calls may run on the kernel threads, where they started (default true); false keeps this backend on one thread and its own memory. */
  threads?: boolean;
}

/**
 * A backend whose float tensors live in WebAssembly memory: on the kernel threads' shared
 * memory where they started (threads.ts), else in one memory of its own. Ops with a kernel
 * (the registry's wasm column) run it in SIMD, the large calls split over the threads; the
 * others run their CPU reference on the same tensors, which are CpuTensors over that memory.
 * Every call returns when done. Index and byte tensors stay in JavaScript memory until a kernel needs them.
 */
export function createWasmBackend(reason = DEFAULT_REASON, options: WasmBackendOptions = {}): WasmBackend {
  const info: BackendInfo = { kind: 'wasm', adapter: 'CPU (WebAssembly SIMD)', reason };
  const pool = options.threads === false ? null : threads.pool;
  const memory = pool ? pool.memory : createWasmMemory();
  const kernels = instantiateKernels(pool ? pool.module : kernelsModule, memory.memory);
  /** This backend's blocks (a shared memory holds other backends' too) and their bytes. */
  const owned = new Set<number>();
  let liveBytes = 0;
  /** Tensors already destroyed: a second destroy must not free a block reused since. */
  const destroyed = new WeakSet<WasmTensor>();
  const release = (at: number) => {
    liveBytes -= memory.sizeOf(at);
    owned.delete(at);
    memory.free(at);
  };
  return {
    info,
    get liveBytes() {
      return liveBytes;
    },
    get memoryBytes() {
      return memory.memory.buffer.byteLength;
    },
    createTensor(size, label, models = 1) {
      checkModels(models, label);
      const tensor = createTensor(memory, checkedSize(size, label), models, label);
      owned.add(tensor.placement.at);
      liveBytes += memory.sizeOf(tensor.placement.at);
      return tensor;
    },
    createIndexTensor: (size, label) => new CpuIndexTensor(new Int32Array(checkedSize(size, label)), label),
    createByteTensor: (data, label) => new CpuByteTensor(Uint8Array.from(data), label),
    view(tensor, offset, size, label) {
      const parent = wasmTensor(tensor);
      if (offset % VIEW_ALIGN !== 0) throw new EngineError(`View "${label}" starts at ${offset}, not a multiple of ${VIEW_ALIGN} floats.`);
      if (offset < 0 || size < 0 || offset + size > parent.size) {
        throw new EngineError(`View "${label}" [${offset}, ${offset + size}) does not fit in a tensor of ${parent.size} floats.`);
      }
      const placement = { ...parent.placement, at: parent.placement.at + offset * 4, size };
      return new WasmTensor(memory, placement, label, parent.models === 1);
    },
    write: (tensor, data, offset = 0) => storageOf(wasmTensor(tensor), 'write').set(data, offset),
    writeIndices: (tensor, data, offset = 0) => indices(tensor).set(data, offset),
    async read(tensor, count) {
      const t = wasmTensor(tensor);
      storageOf(t, 'read');
      const n = count ?? t.size;
      const out = new Float32Array(t.models * n);
      t.slices.forEach((data, k) => out.set(data.subarray(0, n), k * n));
      return out;
    },
    destroy(tensor: Tensor | IndexTensor | ByteTensor) {
      if (!(tensor instanceof WasmTensor) || !tensor.owner || destroyed.has(tensor) || !owned.has(tensor.placement.at)) return;
      destroyed.add(tensor);
      release(tensor.placement.at);
    },
    /** Frees what is still allocated, for the shared memory outlives the backend. */
    dispose: () => owned.forEach(release),

    ...makeOps({ kernels, ranged: rangedRunner(kernels, pool) }),
  };
}

function createTensor(memory: WasmMemory, size: number, models: number, label: string): WasmTensor {
  const at = memory.allocate(size * models * 4, label);
  return new WasmTensor(memory, { at, stride: size * 4, size, models }, label, true, true);
}

function checkedSize(size: number, label: string): number {
  if (!Number.isInteger(size) || size < 0) throw new EngineError(`Tensor "${label}" needs a whole, non-negative size, got ${size}.`);
  return size;
}
