import type { LabelerName } from '../config/schema.ts';
import type { GenerationModel } from '../selftrain/events.ts';

/**
 * Page -> classifier worker: class probabilities of `inputs` (rows of the model's inputDim
 * features) under one generation's trained model, run the way the experiment's labeler runs
 * its teachers (onnx: the generation's exported file on onnxruntime-web; engine: the engine's
 * forward pass). The classifier has its own worker, so a drawing or a clicked point is
 * classified at once even while the training worker is busy with an epoch.
 */
export interface ClassifyRequest {
  id: number;
  model: GenerationModel;
  inputs: Float32Array;
  labeler: LabelerName;
}

/** What classified the rows, for the page to say: "the engine", "onnxruntime-web 1.30.0 (WebGPU)". */
export interface Verdict {
  probabilities: Float32Array;
  by: string;
}

/** Classifier worker -> page: rows × classes probabilities for request `id`, or why there are none. */
export type ClassifyReply = ({ id: number } & Verdict) | { id: number; error: string };
