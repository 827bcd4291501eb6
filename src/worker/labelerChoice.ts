import type { ExperimentConfig } from '../config/schema.ts';
import type { WebOrt } from '../onnx/webOrt.ts';
import type { TeacherLabeler } from '../selftrain/events.ts';
import type { LabelerStatus } from './protocol.ts';

/** Loads onnxruntime-web on first use (src/onnx/webOrt.ts in the page's worker); rejects where it cannot run. */
export type OrtLoader = () => Promise<WebOrt>;

/** What a run labels with: a TeacherLabeler for runExperiment (none: the engine labels) and what the page shows. */
export interface LabelerPick {
  labeler?: TeacherLabeler;
  status: LabelerStatus;
}

const ENGINE: LabelerStatus = { name: 'engine', text: 'Pseudo-labels: the engine labels the pool', fallback: false };

/** No onnxruntime in this host: labeler=onnx falls back to the engine. */
export const NO_ORT: OrtLoader = () => Promise.reject(new Error('this host has no onnxruntime-web'));

/**
 * Picks each run's labeler from its config. onnxruntime-web loads once, on the first run with
 * labeler=onnx; where it fails the run labels with the engine and the status says why (the
 * next labeler=onnx run tries again).
 */
export function createLabelerChoice(load: OrtLoader): (config: ExperimentConfig) => Promise<LabelerPick> {
  let loading: Promise<WebOrt> | null = null;
  return async (config) => {
    if (config.labeler !== 'onnx') return { status: ENGINE };
    const pending = loading ?? load();
    loading = pending;
    try {
      const ort = await pending;
      const where = ort.provider === 'webgpu' ? 'WebGPU' : 'WASM (no WebGPU adapter here)';
      const text = `Pseudo-labels: onnxruntime-web ${ort.version} on ${where}, each teacher exported to ONNX`;
      return { labeler: ort.labeler(config), status: { name: 'onnx', text, fallback: false } };
    } catch (error) {
      if (loading === pending) loading = null;
      const reason = error instanceof Error ? error.message : String(error);
      return { status: { name: 'engine', text: `Pseudo-labels: the engine, because onnxruntime-web could not load here (${reason})`, fallback: true } };
    }
  };
}
