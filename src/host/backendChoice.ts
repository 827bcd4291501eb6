import type { BackendChoice } from '../config/schema.ts';
import type { Backend } from '../engine/backend.ts';
import { createCpuBackend } from '../engine/backends/cpu.ts';
import type { Gpu, GpuLoss } from '../engine/backends/webgpu.ts';
import { aboveCrossover, CROSSOVER_TEXT, describeSize, type ExperimentSize } from './backendCrossover.ts';

export interface BackendOptions {
  /**
   * The WebGPU entry point: navigator.gpu when left out (page, worker); in Node the `webgpu`
   * package's `create([])`; null for none at all.
   */
  gpu?: GPU | null;
  /** The experiment's size, for `auto`'s crossover (see backendCrossover.ts); without it `auto` stays on the CPU. */
  size?: ExperimentSize;
}

/** A backend ready to run, the note a person sees (also `backend.info.reason`), and its device if any. */
export interface ChosenBackend {
  backend: Backend;
  /** Which backend and why: "CPU: 2-8-8-2 MLP ... is below the GPU crossover ...". */
  note: string;
  /** The GPU device it runs on; null on the CPU. */
  gpu: Gpu | null;
  /** Resolves if the device is lost mid-run; never resolves on the CPU. */
  lost: Promise<GpuLoss>;
  /** Frees the backend and destroys its device. */
  dispose(): void;
}

const NEVER = new Promise<GpuLoss>(() => {});

function onCpu(note: string): ChosenBackend {
  const backend = createCpuBackend(note);
  return { backend, note, gpu: null, lost: NEVER, dispose: () => backend.dispose() };
}

/** The WebAssembly backend and its kernels' module load only when a run asks for them. */
async function onWasm(note: string): Promise<ChosenBackend> {
  const { createWasmBackend } = await import('../engine/backends/wasm.ts');
  const backend = createWasmBackend(note);
  return { backend, note, gpu: null, lost: NEVER, dispose: () => backend.dispose() };
}

/** The WebGPU module and its kernels load only when a run may use them, so the CPU path (and the CLI) never does. */
const loadWebGpu = () => import('../engine/backends/webgpu.ts');

async function onGpu(gpu: Gpu, note: string): Promise<ChosenBackend> {
  const { createWebGpuBackend } = await loadWebGpu();
  const backend = createWebGpuBackend(gpu.device, gpu.description, note);
  return {
    backend,
    note,
    gpu,
    lost: gpu.lost,
    dispose() {
      backend.dispose();
      gpu.device.destroy();
    },
  };
}

/** A GPU device, or why there is none (NoGpuError's message names the browsers that have WebGPU). */
async function tryGpu(gpu: GPU | null | undefined): Promise<Gpu | { message: string }> {
  const { NoGpuError, requestGpu, WEBGPU_BROWSERS } = await loadWebGpu();
  if (gpu === null) return { message: `No WebGPU here. ${WEBGPU_BROWSERS}` };
  try {
    return await requestGpu(gpu);
  } catch (error) {
    if (error instanceof NoGpuError) return error;
    throw error;
  }
}

const isGpu = (value: Gpu | { message: string }): value is Gpu => 'device' in value;

/**
 * The backend a run asked for, and a note saying which and why (shown in the page's status
 * and printed by the CLI):
 * - `cpu`: the CPU backend.
 * - `wasm`: the WebAssembly SIMD backend (single-threaded for now; `auto` does not pick it yet,
 *   having no measured crossover).
 * - `webgpu`: the GPU (even a software adapter, since it was asked for); without WebGPU the
 *   CPU, with a note saying why and which browsers have it.
 * - `auto`: the crossover rule of backendCrossover.ts: the CPU below it, a hardware GPU above
 *   it when there is one, never a software adapter.
 */
export async function createBackend(choice: BackendChoice, options: BackendOptions = {}): Promise<ChosenBackend> {
  if (choice === 'cpu') return onCpu('CPU: the link asks for it (backend=cpu).');
  if (choice === 'wasm') return onWasm('WebAssembly SIMD: the link asks for it (backend=wasm); one thread, the CPU reference for the ops without a kernel yet.');
  if (choice === 'webgpu') {
    const gpu = await tryGpu(options.gpu);
    if (!isGpu(gpu)) return onCpu(`CPU: backend=webgpu was asked for, but ${lowerFirst(gpu.message)}`);
    const software = gpu.description.software ? ' This is a software adapter, slower than the CPU; a GPU would be faster.' : '';
    return onGpu(gpu, `WebGPU on ${gpu.description.summary}: the link asks for it (backend=webgpu).${software}`);
  }
  const size = options.size;
  if (!size) return onCpu('CPU: the fastest for a model this small (no GPU dispatch or readback cost).');
  const model = describeSize(size);
  if (!aboveCrossover(size)) return onCpu(`CPU: a ${model} is below ${CROSSOVER_TEXT}, where the CPU is faster.`);
  const gpu = await tryGpu(options.gpu);
  if (!isGpu(gpu)) return onCpu(`CPU: a ${model} is above ${CROSSOVER_TEXT}, but ${lowerFirst(gpu.message)}`);
  if (gpu.description.software) {
    gpu.device.destroy();
    return onCpu(`CPU: a ${model} is above ${CROSSOVER_TEXT}, but the only GPU adapter is ${gpu.description.summary}, slower than the CPU.`);
  }
  return onGpu(gpu, `WebGPU on ${gpu.description.summary}: a ${model} is above ${CROSSOVER_TEXT}.`);
}

/** "This browser ..." → "this browser ...", but "WebGPU ..." stays. */
const lowerFirst = (text: string) => (/^[A-Z][a-z]*\b/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);
