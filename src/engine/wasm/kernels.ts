/**
 * The compiled kernels: src/engine/wasm/kernels.wasm, built from every ops/<op>/*.as.ts by
 * scripts/buildWasm.mjs (at install, test and build time; git ignores it), and
 * kernels.shared.wasm, the same over a shared memory for the kernel threads (threads.ts).
 * Vite serves and bundles them from the `new URL(…, import.meta.url)` below, in the page and
 * in its worker; Node reads the same files from disk.
 */
import { EngineError } from '../core/errors.ts';
import type { RangedArgs, RangedKernel } from './threads.ts';

/**
 * The module's exports: pointers are byte offsets into the memory the runtime owns; flags are
 * 0 or 1. The kernels ending in `start, end` compute that range of their output's rows (images,
 * output channels for conv2dWeightGrad) only; threads.ts splits them by it.
 */
export interface WasmKernels {
  matmulNN(a: number, b: number, out: number, m: number, k: number, n: number, accumulate: number, start: number, end: number): void;
  matmulNT(a: number, b: number, out: number, m: number, k: number, n: number, accumulate: number, start: number, end: number): void;
  matmulTN(a: number, b: number, out: number, m: number, k: number, n: number, accumulate: number, start: number, end: number): void;
  denseLinear(x: number, w: number, b: number, out: number, rows: number, inDim: number, outDim: number, start: number, end: number): void;
  sumRows(x: number, rows: number, cols: number, out: number, accumulate: number): void;
  activationBackward(y: number, dy: number, dx: number, count: number, activation: number): void;
  reluInPlace(out: number, count: number): void;
  maxPool(x: number, out: number, planes: number, height: number, width: number): void;
  maxPoolBackward(x: number, dy: number, dx: number, planes: number, height: number, width: number): void;
  reconstructionLoss(outputs: number, targets: number, weights: number, rows: number, dim: number, dOutputs: number, stats: number): void;
  adamStep(params: number, grads: number, moments: number, decay: number, count: number, lr: number, beta1: number, beta2: number, epsilon: number, l2: number, firstCorrection: number, secondCorrection: number): void;
  conv2dLinear(x: number, w: number, b: number, out: number, rows: number, ...shapeAndRange: ConvDimsAndRange): void;
  conv2dInputGrad(dy: number, w: number, dx: number, rows: number, ...shapeAndRange: ConvDimsAndRange): void;
  conv2dWeightGrad(x: number, dy: number, dw: number, db: number, rows: number, ...shapeAndRange: ConvDimsAndRange): void;
}

/** A ConvShape as the conv kernels take it (inChannels, outChannels, height, width, kernel), then the range. */
type ConvDimsAndRange = readonly [number, number, number, number, number, start: number, end: number];

const KERNELS_URL = new URL('./kernels.wasm', import.meta.url);
const SHARED_KERNELS_URL = new URL('./kernels.shared.wasm', import.meta.url);

/** Compiles kernels.wasm (once per call; the backend module keeps the result). */
export const compileKernels = () => compile(KERNELS_URL);
/** Compiles kernels.shared.wasm, whose memory is shared (the kernel threads'). */
export const compileSharedKernels = () => compile(SHARED_KERNELS_URL);

async function compile(url: URL): Promise<WebAssembly.Module> {
  if (url.protocol === 'file:') {
    // Node: no fetch of file URLs, so read the file; getBuiltinModule keeps node:fs out of the page's bundle.
    const fs = globalThis.process?.getBuiltinModule?.('node:fs');
    if (!fs) throw new EngineError('The WebAssembly kernels are a file here, and this runtime cannot read files (Node 20.16 or later can).');
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(url);
    } catch {
      throw new EngineError(`The WebAssembly kernels are missing (${url.pathname}): build them with \`node scripts/buildWasm.mjs\`.`);
    }
    return WebAssembly.compile(new Uint8Array(bytes));
  }
  const response = await fetch(url);
  if (!response.ok) throw new EngineError(`The WebAssembly kernels did not load (${response.status} ${response.statusText} for ${url.href}).`);
  return WebAssembly.compile(await response.arrayBuffer());
}

/** An instance of the kernels over `memory`, which it imports as env.memory. */
export function instantiateKernels(module: WebAssembly.Module, memory: WebAssembly.Memory): WasmKernels {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return instance.exports as unknown as WasmKernels;
}

/** What an op's WebAssembly wrapper (ops/<op>/wasm.ts) is made over: one backend's instance of the kernels. */
export interface WasmOpContext {
  readonly kernels: WasmKernels;
  /**
   * Runs a ranged kernel (threads.ts) over its whole range [0, total): on the kernel threads,
   * split by that range, when its `work` (multiply-adds) is worth it; on this thread otherwise.
   */
  ranged<K extends RangedKernel>(name: K, args: RangedArgs<K>, total: number, work: number): void;
}
