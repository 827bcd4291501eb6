import type { GenerationModel } from '../selftrain/events.ts';

/**
 * Page -> classifier worker: class probabilities of `inputs` (rows of the model's inputDim
 * features) under one generation's trained model. The classifier has its own worker, so a
 * drawing is classified at once even while the training worker is busy with an epoch.
 */
export interface ClassifyRequest {
  id: number;
  model: GenerationModel;
  inputs: Float32Array;
}

/** Classifier worker -> page: rows × classes probabilities for request `id`, or why there are none. */
export type ClassifyReply = { id: number; probabilities: Float32Array } | { id: number; error: string };
