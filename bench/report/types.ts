// What the bench page measures and the command line prints: plain data, shared by the
// page (which fills it) and Node (which formats it), so both sides agree on one shape.

export const WORKLOAD_NAMES = ['W1', 'W1x16', 'W2', 'W3'] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];

export const ENGINE_NAMES = ['autodidact-webgpu', 'autodidact-wasm', 'autodidact-cpu', 'autodidact-auto', 'jax-js-webgpu', 'jax-js-wasm', 'tfjs-webgpu', 'tfjs-wasm', 'tfjs-cpu', 'plain-js'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** One engine on one workload. Metrics are null where they do not apply or the row failed. */
export interface BenchRow {
  workload: WorkloadName;
  engine: EngineName;
  /** Training samples per second, all models of the workload counted, median of the timed epochs. */
  samplesPerSecond: number | null;
  /** From model creation to the first completed training step, shader compilation included. */
  msToFirstStep: number | null;
  /** GPU compute dispatches per training step (a step of every model of the workload). */
  dispatchesPerStep: number | null;
  /** GPU buffer reads (mapAsync for reading) per epoch. */
  readbacksPerEpoch: number | null;
  /** Peak bytes in live GPU buffers made for this row. */
  gpuBytes: number | null;
  /** Training steps in each timed epoch (chosen by calibration). */
  stepsPerEpoch: number | null;
  /** Why the row has no numbers ("failed: <reason>" when printed), or null. */
  error: string | null;
  /** samples/s of this row in every round of the run (null where a round failed); set by bestOfRounds. */
  roundSamplesPerSecond?: (number | null)[];
}

/** The WebGPU adapter the page got, or null without WebGPU. */
export interface AdapterSummary {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  isFallbackAdapter: boolean;
}

/** Where the numbers were measured. */
export interface BenchEnvironment {
  date: string;
  browser: string;
  adapter: AdapterSummary | null;
  machine: string;
  /** Notes on how engines ran here (tfjs-wasm threads and SIMD, ...). */
  notes: string[];
}

/** Who runs a frozen model's labelling pass over the pool (issue 5): the engine, or onnxruntime-web on its exported file. */
export const LABELLER_NAMES = ['autodidact-webgpu', 'autodidact-cpu', 'ort-webgpu', 'ort-wasm'] as const;
export type LabellerName = (typeof LABELLER_NAMES)[number];

/** One labeller on one workload's model: a pass predicts every pool example's class probabilities, read back. */
export interface LabellingRow {
  workload: WorkloadName;
  labeller: LabellerName;
  /** Pool examples. */
  examples: number;
  /** Examples per second, median of the timed passes. */
  examplesPerSecond: number | null;
  /** From the trained parameters to a labeller ready for its first pass: session creation (ONNX export included) or backend, network and pool upload. */
  msToSession: number | null;
  error: string | null;
}

/** The engines that time a self-training generation (bench/generation.ts): autodidact on each backend. */
export const GENERATION_ENGINES = ['autodidact-webgpu', 'autodidact-wasm', 'autodidact-cpu'] as const satisfies readonly EngineName[];
export type GenerationEngine = (typeof GENERATION_ENGINES)[number];

/** One backend's generation of a preset with one student and with `students` side by side. */
export interface GenerationRow {
  engine: GenerationEngine;
  /** The preset's name. */
  preset: string;
  /** Students of the population run (the other runs one). */
  students: number;
  /** Milliseconds of the generation with one student, median of the timed runs. */
  msOne: number | null;
  /** Milliseconds with `students` students. */
  msMany: number | null;
  error: string | null;
}

/** What `--json FILE` writes. */
export interface BenchReport extends BenchEnvironment {
  rows: BenchRow[];
  /** The labelling pass, when it was measured. */
  labelling?: LabellingRow[];
  /** A generation with one student and with several, when it was measured. */
  generations?: GenerationRow[];
}
