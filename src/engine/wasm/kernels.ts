/**
 * The compiled kernels: src/engine/wasm/kernels.wasm, built from every ops/<op>/*.as.ts by
 * scripts/buildWasm.mjs (at install, test and build time; git ignores it). Vite serves and
 * bundles it from the `new URL(…, import.meta.url)` below, in the page and in its worker;
 * Node reads the same file from disk.
 */
import { EngineError } from '../core/errors.ts';

/** The module's exports: pointers are byte offsets into the memory the runtime owns; flags are 0 or 1. */
export interface WasmKernels {
  matmulNN(a: number, b: number, out: number, m: number, k: number, n: number, accumulate: number): void;
  matmulNT(a: number, b: number, out: number, m: number, k: number, n: number, accumulate: number): void;
  matmulTN(a: number, b: number, out: number, m: number, k: number, n: number, accumulate: number): void;
  denseLinear(x: number, w: number, b: number, out: number, rows: number, inDim: number, outDim: number): void;
  sumRows(x: number, rows: number, cols: number, out: number, accumulate: number): void;
  activationBackward(y: number, dy: number, dx: number, count: number, activation: number): void;
  maxPool(x: number, out: number, planes: number, height: number, width: number): void;
  maxPoolBackward(x: number, dy: number, dx: number, planes: number, height: number, width: number): void;
  adamStep(params: number, grads: number, moments: number, decay: number, count: number, lr: number, beta1: number, beta2: number, epsilon: number, l2: number, firstCorrection: number, secondCorrection: number): void;
  conv2dLinear(x: number, w: number, b: number, out: number, rows: number, ...shape: ConvDims): void;
  conv2dInputGrad(dy: number, w: number, dx: number, rows: number, ...shape: ConvDims): void;
  conv2dWeightGrad(x: number, dy: number, dw: number, db: number, rows: number, ...shape: ConvDims): void;
}

/** A ConvShape as the conv kernels take it: inChannels, outChannels, height, width, kernel. */
type ConvDims = readonly [number, number, number, number, number];

const KERNELS_URL = new URL('./kernels.wasm', import.meta.url);

/** Compiles kernels.wasm (once per call; the backend module keeps the result). */
export async function compileKernels(): Promise<WebAssembly.Module> {
  if (KERNELS_URL.protocol === 'file:') {
    // Node: no fetch of file URLs, so read the file; getBuiltinModule keeps node:fs out of the page's bundle.
    const fs = globalThis.process?.getBuiltinModule?.('node:fs');
    if (!fs) throw new EngineError('The WebAssembly kernels are a file here, and this runtime cannot read files (Node 20.16 or later can).');
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(KERNELS_URL);
    } catch {
      throw new EngineError(`The WebAssembly kernels are missing (${KERNELS_URL.pathname}): build them with \`node scripts/buildWasm.mjs\`.`);
    }
    return WebAssembly.compile(new Uint8Array(bytes));
  }
  const response = await fetch(KERNELS_URL);
  if (!response.ok) throw new EngineError(`The WebAssembly kernels did not load (${response.status} ${response.statusText} for ${KERNELS_URL.href}).`);
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
}
