import type { Tensor } from '../../core/tensor.ts';

/**
 * What the softmax op computes, on every backend. cpu.ts and webgpu.ts beside this file
 * implement it; src/engine/ops/registry.ts lists it with its parity case.
 */
export interface SoftmaxOp {
  /** Writes probabilities softmax(logits) of `rows` rows into probs, starting at row `probsRow`. */
  softmax(logits: Tensor, rows: number, classes: number, probs: Tensor, probsRow: number): void;
}
