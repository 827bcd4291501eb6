/**
 * onnxruntime-web in a browser worker, loaded on first use: the training worker imports this
 * module dynamically, so neither it nor onnxruntime-web is in the page's first download. The
 * runtime's `.wasm` is a file of this site (Vite emits it as an asset), never a CDN's.
 */
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import type { ExperimentConfig } from '../config/schema.ts';
import { computeLayout } from '../model/layout.ts';
import { modelLayers } from '../model/network.ts';
import type { ModelSpec } from '../model/types.ts';
import { exportOnnx } from './exportOnnx.ts';
import type { TeacherLabeler } from '../selftrain/events.ts';
import { createOrtLabeler, type OrtModule, type OrtSessionOptions } from './ortLabeler.ts';

/** A loaded onnxruntime-web and the execution providers it runs sessions on here. */
export interface WebOrt {
  ort: OrtModule;
  options: OrtSessionOptions;
  /** The labelling pass of experiment `config`'s teachers on this runtime (src/onnx/ortLabeler.ts). */
  labeler(config: ExperimentConfig): TeacherLabeler;
  /** 'webgpu' where this browser has a WebGPU adapter, else 'wasm'. */
  provider: 'webgpu' | 'wasm';
  /** onnxruntime-web's version, e.g. "1.30.0". */
  version: string;
}

/** The smallest model worth a session: made once at load so a runtime that cannot start fails here, not mid-run. */
const PROBE_SPEC: ModelSpec = { kind: 'mlp', inputDim: 2, classes: 2, hidden: [2], activation: 'relu', dropout: 0 };

/**
 * Imports onnxruntime-web's WebGPU build, points it at this site's `.wasm`, picks WebGPU when an
 * adapter exists (WASM otherwise) and opens one small session to prove it runs. Rejects when
 * the runtime cannot load; the caller then labels with the engine.
 */
export async function loadWebOrt(): Promise<WebOrt> {
  const ort = await import('onnxruntime-web/webgpu');
  ort.env.wasm.wasmPaths = { wasm: new URL(wasmUrl, import.meta.url).href };
  // Threads need a cross-origin-isolated page, which a static host rarely gives; one thread never waits for them.
  ort.env.wasm.numThreads = 1;
  const provider = (await hasWebGpuAdapter()) ? 'webgpu' : 'wasm';
  // WASM after WebGPU: onnxruntime runs any operator the WebGPU provider lacks on the CPU.
  const options: OrtSessionOptions = { executionProviders: provider === 'webgpu' ? ['webgpu', 'wasm'] : ['wasm'] };
  const parameters = new Float32Array(computeLayout(PROBE_SPEC.inputDim, modelLayers(PROBE_SPEC)).count);
  const probe = exportOnnx(PROBE_SPEC, parameters, { metadata: { link: '', generation: 0, dataset: 'probe', classNames: ['0', '1'] } });
  const session = await ort.InferenceSession.create(probe, options);
  await session.release();
  return { ort, options, provider, version: ort.env.versions.web ?? 'unknown', labeler: (config) => createOrtLabeler(ort, config, options) };
}

async function hasWebGpuAdapter(): Promise<boolean> {
  const gpu = (globalThis.navigator as { gpu?: GPU } | undefined)?.gpu;
  if (!gpu) return false;
  try {
    return (await gpu.requestAdapter()) !== null;
  } catch {
    return false;
  }
}
