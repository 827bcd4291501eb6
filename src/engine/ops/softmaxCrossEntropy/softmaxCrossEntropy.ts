import type { Tensor } from '../../core/tensor.ts';

/** Slots of the stats tensor that softmaxCrossEntropy adds to. */
export const STATS = {
  /** Σ w·CE over the rows seen. */
  weightedLoss: 0,
  /** Σ w over the rows seen. */
  weight: 1,
  /** Rows whose predicted class equals the target's argmax. */
  correct: 2,
  rows: 3,
  /** Size of a stats tensor. */
  size: 4,
} as const;

/**
 * What the softmaxCrossEntropy op computes, on every backend. cpu.ts and webgpu.ts beside this file
 * implement it; src/engine/ops/registry.ts lists it with its parity case.
 */
export interface SoftmaxCrossEntropyOp {
  /**
   * Softmax cross-entropy of a batch with soft targets (one-hot for hard labels) and per-row
   * weights. With p = softmax(logits) and CE_r = -Σ_c t_rc·log p_rc, the batch loss is
   * L = Σ_r w_r·CE_r / Σ_r w_r. Writes dLogits = ∂L/∂logits = w_r·(p_r·Σ_c t_rc - t_r) / Σ_r w_r
   * (zero when Σ w = 0), and adds to stats (see STATS): Σ w·CE, Σ w, the count of rows whose
   * argmax p equals argmax t (first maximum wins), and rows.
   */
  softmaxCrossEntropy(
    logits: Tensor,
    targets: Tensor,
    weights: Tensor,
    rows: number,
    classes: number,
    dLogits: Tensor,
    stats: Tensor,
  ): void;
}
