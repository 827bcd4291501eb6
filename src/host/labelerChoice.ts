import type { ExperimentConfig } from '../config/schema.ts';
import type { WebOrt } from '../onnx/webOrt.ts';
import type { TeacherLabeler } from '../selftrain/events.ts';

/** Who labels the pool in a run, as the status line says it. */
export interface LabelerStatus {
  /** What labels: the engine, or onnxruntime-web on each teacher's exported ONNX model. */
  name: 'engine' | 'onnx';
  text: string;
  /** labeler=onnx was asked for but onnxruntime-web did not load: the engine labels instead. */
  fallback: boolean;
  /** Generation 0's teacher, a visitor's file, as "gen-2.onnx: [N, 2] → [N, 2]"; absent without one. */
  teacher?: string;
}

/** Loads onnxruntime-web on first use (src/onnx/webOrt.ts in the page's worker); rejects where it cannot run. */
export type OrtLoader = () => Promise<WebOrt>;

/** What a run labels with: a TeacherLabeler for runExperiment (none: the engine labels) and what the page shows. */
export interface LabelerPick {
  labeler?: TeacherLabeler;
  status: LabelerStatus;
  /** The onnxruntime-web that labels (its version and execution provider); null when the engine labels. */
  runtime: Pick<WebOrt, 'version' | 'provider'> | null;
}

const ENGINE: LabelerStatus = { name: 'engine', text: 'Pseudo-labels: the engine labels the pool', fallback: false };

/** No onnxruntime in this host: labeler=onnx falls back to the engine. */
export const NO_ORT: OrtLoader = () => Promise.reject(new Error('this host has no onnxruntime-web'));

/** `load` run once and its runtime kept; after a failure the next call tries again. */
export function onceUntilFailed(load: OrtLoader): OrtLoader {
  let loading: Promise<WebOrt> | null = null;
  return () => {
    const pending = loading ?? load();
    loading = pending;
    pending.catch(() => loading === pending && (loading = null));
    return pending;
  };
}

/**
 * Picks each run's labeler from its config: with labeler=onnx, onnxruntime-web from `load`
 * (called on such runs only); where it fails the run labels with the engine and the status
 * says why.
 */
export function createLabelerChoice(load: OrtLoader): (config: ExperimentConfig) => Promise<LabelerPick> {
  return async (config) => {
    if (config.labeler !== 'onnx') return { status: ENGINE, runtime: null };
    try {
      const ort = await load();
      const where = ort.provider === 'webgpu' ? 'WebGPU' : 'WASM (no WebGPU adapter here)';
      const text = `Pseudo-labels: onnxruntime-web ${ort.version} on ${where}, each teacher exported to ONNX`;
      return { labeler: ort.labeler(config), status: { name: 'onnx', text, fallback: false }, runtime: ort };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { status: { name: 'engine', text: `Pseudo-labels: the engine, because onnxruntime-web could not load here (${reason})`, fallback: true }, runtime: null };
    }
  };
}
