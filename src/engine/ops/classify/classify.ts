import type { Tensor } from '../../core/tensor.ts';

/** The layout of a classify output row. */
export const CLASSIFY = {
  /** The predicted class, as a float. */
  label: 0,
  /** Its softmax probability. */
  confidence: 1,
  /** Floats per row. */
  size: 2,
} as const;

/**
 * What the classify op computes, on every backend. cpu.ts and webgpu.ts beside this file
 * implement it; src/engine/ops/registry.ts lists it with its parity case.
 */
export interface ClassifyOp {
  /**
   * The verdict of `rows` rows of logits, 2 floats per row (CLASSIFY) into out from row
   * `outRow`: out[2·(outRow+r)] = the predicted class (a small whole number, exact as a float)
   * and out[2·(outRow+r)+1] = its probability. Both are those of the row `softmax` would
   * write on the same backend: the first class with the largest probability, and that
   * probability. That is argmax of the logits (first maximum wins), except that logits too
   * close to tell apart once exp is rounded go to the lower class, as an argmax of the read
   * probabilities would. Evaluation reads 2 floats per row instead of `classes`.
   */
  classify(logits: Tensor, rows: number, classes: number, out: Tensor, outRow: number): void;
}
