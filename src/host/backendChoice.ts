import type { BackendChoice } from '../config/schema.ts';
import type { Backend } from '../engine/backend.ts';
import { createCpuBackend } from '../engine/backends/cpu.ts';
import type { Gpu, GpuLoss } from '../engine/backends/webgpu.ts';
import {
  aboveCrossover,
  aboveWasmCrossover,
  CROSSOVER_TEXT,
  describeSize,
  WASM_CROSSOVER_TEXT,
  wasmWorkOf,
  type ExperimentSize,
} from './backendCrossover.ts';

export interface BackendOptions {
  /**
   * The WebGPU entry point: navigator.gpu when left out (page, worker); in Node the `webgpu`
   * package's `create([])`; null for none at all.
   */
  gpu?: GPU | null;
  /** The experiment's size, for `auto`'s crossovers (see backendCrossover.ts); without it `auto` stays on the CPU. */
  size?: ExperimentSize;
  /**
   * Whether `auto` may run WebAssembly here: left out, whenever the runtime has it; false for
   * none. Where its kernels then fail to load (no SIMD, a policy against compiling), `auto`
   * runs on the CPU all the same.
   */
  wasm?: boolean;
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

/**
 * The WebAssembly backend, its kernels' module and its threads load only when a run asks for
 * them; the note ends with how many threads the kernels run on, and why.
 */
async function onWasm(why: string): Promise<ChosenBackend> {
  const { createWasmBackend, WASM_THREADS_NOTE } = await import('../engine/backends/wasm.ts');
  const note = `${why} ${WASM_THREADS_NOTE}`;
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
 * - `wasm`: the WebAssembly SIMD backend, on several threads where the page is cross-origin
 *   isolated (always in Node) and on one elsewhere.
 * - `webgpu`: the GPU (even a software adapter, since it was asked for); without WebGPU the
 *   CPU, with a note saying why and which browsers have it.
 * - `auto`: the crossover rules of backendCrossover.ts: a hardware GPU above the GPU
 *   crossover when there is one (never a software adapter); otherwise WebAssembly above the
 *   WebAssembly crossover and JavaScript below it, or where WebAssembly cannot run. Both
 *   rules read only the link's model, so a link makes the same choice in the page and the CLI.
 */
export async function createBackend(choice: BackendChoice, options: BackendOptions = {}): Promise<ChosenBackend> {
  if (choice === 'cpu') return onCpu('CPU: the link asks for it (backend=cpu).');
  if (choice === 'wasm') return onWasm('WebAssembly SIMD: the link asks for it (backend=wasm); the CPU reference for the ops without a kernel yet.');
  if (choice === 'webgpu') {
    const gpu = await tryGpu(options.gpu);
    if (!isGpu(gpu)) return onCpu(`CPU: backend=webgpu was asked for, but ${lowerFirst(gpu.message)}`);
    const software = gpu.description.software ? ' This is a software adapter, slower than the CPU; a GPU would be faster.' : '';
    return onGpu(gpu, `WebGPU on ${gpu.description.summary}: the link asks for it (backend=webgpu).${software}`);
  }
  const size = options.size;
  if (!size) return onCpu('CPU: the fastest for a model this small (no GPU dispatch or readback cost).');
  const model = describeSize(size);
  if (!aboveCrossover(size)) return onProcessor(size, options, `a ${model} is below ${CROSSOVER_TEXT}`);
  const gpu = await tryGpu(options.gpu);
  if (!isGpu(gpu)) return onProcessor(size, options, `a ${model} is above ${CROSSOVER_TEXT}, but ${lowerFirst(gpu.message).replace(/\.$/, '')}`);
  if (gpu.description.software) {
    gpu.device.destroy();
    return onProcessor(size, options, `a ${model} is above ${CROSSOVER_TEXT}, but the only GPU adapter is ${gpu.description.summary}, slower than the CPU`);
  }
  return onGpu(gpu, `WebGPU on ${gpu.description.summary}: a ${model} is above ${CROSSOVER_TEXT}.`);
}

/**
 * `auto` on the processor, `whyNotGpu` saying why not the GPU: WebAssembly at or above its
 * crossover, JavaScript below it or where WebAssembly cannot run (no error: the CPU backend
 * runs everything).
 */
async function onProcessor(size: ExperimentSize, options: BackendOptions, whyNotGpu: string): Promise<ChosenBackend> {
  const work = `${wasmWorkOf(size).toLocaleString('en-US')} multiply-adds a step`;
  if (!aboveWasmCrossover(size)) return onCpu(`CPU: ${whyNotGpu}; its ${work} are below ${WASM_CROSSOVER_TEXT}, where JavaScript is faster.`);
  const faster = `CPU: ${whyNotGpu}; its ${work} are above ${WASM_CROSSOVER_TEXT}, but`;
  if (options.wasm === false || typeof WebAssembly !== 'object') return onCpu(`${faster} WebAssembly is not available here.`);
  try {
    return await onWasm(`WebAssembly SIMD: ${whyNotGpu}; its ${work} are above ${WASM_CROSSOVER_TEXT}, where WebAssembly beats JavaScript.`);
  } catch (error) {
    return onCpu(`${faster} WebAssembly could not start here (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** "This browser ..." → "this browser ...", but "WebGPU ..." stays. */
const lowerFirst = (text: string) => (/^[A-Z][a-z]*\b/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);
