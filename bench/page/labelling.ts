// The labelling pass of issue 5: one frozen model predicts a whole pool, on the engine (CPU,
// WebAssembly or WebGPU backend) or on onnxruntime-web (WebGPU or WASM execution provider) from its exported file.
import type { Backend } from '../../src/engine/backend.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { createWasmBackend } from '../../src/engine/backends/wasm.ts';
import { createWebGpuBackend, requestGpu } from '../../src/engine/backends/webgpu.ts';
import { createNetwork } from '../../src/model/network.ts';
import { uploadRows } from '../../src/model/rows.ts';
import type { ModelSpec } from '../../src/model/types.ts';
import { exportOnnx, ONNX_INPUT, ONNX_OUTPUT } from '../../src/onnx/exportOnnx.ts';
import type { OrtModule } from '../../src/onnx/ortLabeler.ts';
import { loadWebOrt } from '../../src/onnx/webOrt.ts';
import { median } from '../report/median.ts';
import { POOL_EXAMPLES, poolRows } from './pool.ts';
import type { LabellerName, LabellingRow, WorkloadName } from '../report/types.ts';
import { MODEL_SEED, workloadByName, workloadSpec } from '../workloads.ts';

export interface LabellingRequest {
  workload: WorkloadName;
  labeller: LabellerName;
  /** Timed passes after one warm-up pass. */
  passes: number;
}

/** One labeller made ready to label `pool`: a pass resolves once the probabilities are back in JavaScript. */
interface ReadyLabeller {
  pass(): Promise<unknown>;
  dispose(): Promise<void>;
}

/** Measures one row; a failure comes back as a row with its error. */
export async function measureLabelling(request: LabellingRequest): Promise<LabellingRow> {
  const row: LabellingRow = { workload: request.workload, labeller: request.labeller, examples: POOL_EXAMPLES, examplesPerSecond: null, msToSession: null, error: null };
  try {
    const spec = workloadSpec(workloadByName(request.workload));
    const parameters = await modelParameters(spec);
    const pool = poolRows(spec.inputDim);
    // Loading onnxruntime-web itself is a once-per-page cost, not a session's.
    const ort = request.labeller === 'ort-webgpu' || request.labeller === 'ort-wasm' ? (await loadWebOrt()).ort : null;
    const started = performance.now();
    const labeller = ort
      ? await prepareOrt(ort, request.labeller === 'ort-webgpu' ? 'webgpu' : 'wasm', spec, parameters, pool)
      : await prepareEngine(request.labeller, spec, parameters, pool);
    row.msToSession = performance.now() - started;
    try {
      await labeller.pass();
      const seconds: number[] = [];
      for (let i = 0; i < request.passes; i++) {
        const passStarted = performance.now();
        await labeller.pass();
        seconds.push((performance.now() - passStarted) / 1000);
      }
      row.examplesPerSecond = POOL_EXAMPLES / median(seconds);
    } finally {
      await labeller.dispose();
    }
  } catch (error) {
    console.error(`bench: labelling ${request.workload} ${request.labeller} failed`, error);
    row.error = error instanceof Error ? error.message : String(error);
  }
  return row;
}

/** Seeded parameters of `spec` (the pass costs the same whatever the weights). */
async function modelParameters(spec: ModelSpec): Promise<Float32Array> {
  const backend = createCpuBackend();
  try {
    return await createNetwork(backend, spec, MODEL_SEED).getParameters();
  } finally {
    backend.dispose();
  }
}

/** The engine's network on a fresh backend of the labeller's kind, the pool uploaded. */
async function prepareEngine(labeller: LabellerName, spec: ModelSpec, parameters: Float32Array, pool: Float32Array): Promise<ReadyLabeller> {
  const gpu = labeller === 'autodidact-webgpu' ? await requestGpu() : null;
  const backend: Backend = gpu ? createWebGpuBackend(gpu.device, gpu.description) : labeller === 'autodidact-wasm' ? createWasmBackend() : createCpuBackend();
  const network = createNetwork(backend, spec, MODEL_SEED);
  network.setParameters(parameters);
  const rows = uploadRows(backend, pool, POOL_EXAMPLES, spec.inputDim);
  return {
    pass: () => network.predict(rows),
    async dispose() {
      network.dispose();
      rows.dispose();
      backend.dispose();
      gpu?.device.destroy();
    },
  };
}

/** onnxruntime-web on one execution provider alone (no fallback), from the exported file. */
async function prepareOrt(ort: OrtModule, provider: 'webgpu' | 'wasm', spec: ModelSpec, parameters: Float32Array, pool: Float32Array): Promise<ReadyLabeller> {
  const metadata = { link: '', generation: 0, dataset: 'bench', classNames: Array.from({ length: spec.classes }, (_, c) => String(c)) };
  const session = await ort.InferenceSession.create(exportOnnx(spec, parameters, { metadata }), { executionProviders: [provider] });
  const example = spec.kind === 'cnn' ? [spec.image.channels, spec.image.height, spec.image.width] : [spec.inputDim];
  const feeds = { [ONNX_INPUT]: new ort.Tensor('float32', pool, [POOL_EXAMPLES, ...example]) };
  return {
    pass: async () => (await session.run(feeds))[ONNX_OUTPUT].getData(),
    dispose: () => session.release(),
  };
}
