/**
 * The parity helper (tinygrad's helper_test_op): one case runs an op on the CPU reference
 * and on the WebGPU (or WebAssembly) backend from the same seeded inputs, reads the named outputs and
 * compares them element by element, inside WebGPU error scopes. No vitest in here, so the
 * same cases run in Node and, bundled by Vite, in a headless Chromium page.
 */
import { createRng } from '../../../src/data/rng.ts';
import type { Backend, IndexTensor, Tensor } from '../../../src/engine/backend.ts';
import { createCpuBackend } from '../../../src/engine/backends/cpu.ts';
import type { WebGpuBackend } from '../../../src/engine/backends/webgpu.ts';

/** A float input: a size (seeded standard normals) or the values themselves. Int32Array makes an index tensor. */
export type InputSpec = number | Float32Array | Int32Array;

/** One op on both backends: inputs by name, the op over them, which tensors to compare and how closely. */
export interface ParityCase {
  name: string;
  inputs: Record<string, InputSpec>;
  run(backend: Backend, t: Record<string, Tensor>, ix: Record<string, IndexTensor>): void | Promise<unknown>;
  outputs: string[];
  /** |gpu - cpu| <= tolerance·(1 + |cpu|) per element; 0 asks for identical bits. */
  tolerance: number;
  /** Float inputs are stacked tensors of this many models (default 1), each model's slice its own seeded values. */
  models?: number;
  /** Float inputs every model shares (tensors of one model) when `models` > 1. */
  shared?: readonly string[];
}

/** `testCase` over K models at once: the same op on stacked tensors, `shared` inputs read by every model. */
export function stacked(testCase: ParityCase, models: number, shared: readonly string[] = []): ParityCase {
  return { ...testCase, name: `${testCase.name}, ${models} models${shared.length ? ` sharing ${shared.join(', ')}` : ''}`, models, shared };
}

/** How many models an input of a case stacks. */
export function inputModels(testCase: ParityCase, name: string): number {
  return testCase.shared?.includes(name) ? 1 : (testCase.models ?? 1);
}

/** What a case found; `message` names the first mismatch, the WebGPU error or the leak. */
export interface ParityResult {
  name: string;
  ok: boolean;
  message: string;
  /** The largest |gpu - cpu| / (1 + |cpu|) seen. */
  worst: number;
}

/** A case whose whole check is its own (the network cases): it returns a failure message or null. */
export interface CustomCase {
  name: string;
  check(gpu: WebGpuBackend): Promise<{ message: string | null; worst: number }>;
}

export type Case = ParityCase | CustomCase;

/** Runs a case inside validation and internal error scopes; any WebGPU error or leaked buffer fails it. */
export async function runCase(gpu: WebGpuBackend, testCase: Case): Promise<ParityResult> {
  const tensorsBefore = gpu.liveTensors;
  gpu.device.pushErrorScope('validation');
  gpu.device.pushErrorScope('internal');
  let outcome: { message: string | null; worst: number };
  try {
    outcome = 'check' in testCase ? await testCase.check(gpu) : await compareOp(gpu, testCase);
  } catch (error) {
    outcome = { message: `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, worst: Infinity };
  }
  const internal = await gpu.device.popErrorScope();
  const validation = await gpu.device.popErrorScope();
  const gpuError = validation ?? internal;
  let message = outcome.message;
  if (gpuError) message = `WebGPU error: ${gpuError.message}`;
  else if (!message && gpu.liveTensors !== tensorsBefore) message = `leaked ${gpu.liveTensors - tensorsBefore} tensors`;
  return { name: testCase.name, ok: message === null, message: message ?? 'ok', worst: outcome.worst };
}

/** One case on the CPU reference and on `other` (the WebGPU or the WebAssembly backend): the first mismatch, or null. */
export async function compareOp(other: Backend, testCase: ParityCase): Promise<{ message: string | null; worst: number }> {
  const cpu = createCpuBackend();
  const data = inputData(testCase);
  const onCpu = place(cpu, data, testCase);
  const onOther = place(other, data, testCase);
  try {
    await testCase.run(cpu, onCpu.t, onCpu.ix);
    await testCase.run(other, onOther.t, onOther.ix);
    let worst = 0;
    for (const name of testCase.outputs) {
      const expected = await cpu.read(onCpu.t[name]);
      const actual = await other.read(onOther.t[name]);
      const diff = compare(actual, expected, testCase.tolerance);
      worst = Math.max(worst, diff.worst);
      if (diff.message) return { message: `${name}: ${diff.message}`, worst };
    }
    return { message: null, worst };
  } finally {
    for (const tensor of [...Object.values(onOther.t), ...Object.values(onOther.ix)]) other.destroy(tensor);
  }
}

/**
 * The inputs' values (all models' slices back to back): sizes become seeded normals (seeded
 * by input order, so a case is reproducible); given float values are each model's, scaled
 * by 1 + k/4 for model k, so the models' slices differ.
 */
export function inputData(testCase: ParityCase): Record<string, Float32Array | Int32Array> {
  const rng = createRng(0x5eed);
  const data: Record<string, Float32Array | Int32Array> = {};
  for (const [name, spec] of Object.entries(testCase.inputs)) {
    const models = inputModels(testCase, name);
    if (typeof spec === 'number') data[name] = Float32Array.from({ length: spec * models }, () => rng.normal());
    else if (spec instanceof Int32Array || models === 1) data[name] = spec;
    else data[name] = Float32Array.from({ length: spec.length * models }, (_, i) => spec[i % spec.length] * (1 + Math.floor(i / spec.length) / 4));
  }
  return data;
}

/** Places the inputs on a backend: stacked float tensors where the case stacks them. */
export function place(backend: Backend, data: Record<string, Float32Array | Int32Array>, testCase: ParityCase) {
  const t: Record<string, Tensor> = {};
  const ix: Record<string, IndexTensor> = {};
  for (const [name, values] of Object.entries(data)) {
    if (values instanceof Int32Array) {
      ix[name] = backend.createIndexTensor(values.length, name);
      backend.writeIndices(ix[name], values);
    } else {
      const models = inputModels(testCase, name);
      t[name] = backend.createTensor(values.length / models, name, models);
      backend.write(t[name], values);
    }
  }
  return { t, ix };
}

/** Element-wise comparison; reports the first element out of tolerance. */
export function compare(actual: Float32Array, expected: Float32Array, tolerance: number): { message: string | null; worst: number } {
  if (actual.length !== expected.length) return { message: `length ${actual.length}, expected ${expected.length}`, worst: Infinity };
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]) / (1 + Math.abs(expected[i]));
    const exact = Object.is(actual[i], expected[i]) || actual[i] === expected[i];
    if (!exact) worst = Math.max(worst, Number.isNaN(error) ? Infinity : error);
    if (tolerance === 0 ? !exact : !(error <= tolerance)) {
      return { message: `element ${i} is ${actual[i]}, expected ${expected[i]} (tolerance ${tolerance})`, worst: Math.max(worst, error) };
    }
  }
  return { message: null, worst };
}

/** n seeded floats uniform in [lo, hi). */
export function uniform(n: number, seed: number, lo = 0, hi = 1): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => lo + (hi - lo) * rng.next());
}

/** n seeded row indices in [0, rows). */
export function rowIndices(n: number, rows: number, seed: number): Int32Array {
  const rng = createRng(seed);
  return Int32Array.from({ length: n }, () => rng.int(rows));
}

/** rows×classes targets: one-hot rows, or soft rows (positive, summing to 1) when `soft`. */
export function targetRows(rows: number, classes: number, seed: number, soft: boolean): Float32Array {
  const rng = createRng(seed);
  const targets = new Float32Array(rows * classes);
  for (let r = 0; r < rows; r++) {
    if (!soft) {
      targets[r * classes + rng.int(classes)] = 1;
      continue;
    }
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += targets[r * classes + c] = rng.next() ** 3;
    for (let c = 0; c < classes; c++) targets[r * classes + c] /= sum;
  }
  return targets;
}
