import type { Tensor } from '../../core/tensor.ts';

/**
 * What the mixBatch op computes, on every backend. cpu.ts and webgpu.ts beside this file
 * implement it; src/engine/ops/registry.ts lists it with its parity case.
 */
export interface MixBatchOp {
  /**
   * Mixup (Zhang et al. 2018) of a batch of `rows` rows, in place, in one op: the features
   * (rows × inputDim), targets (rows × classes) and weights (rows) alike. In each, rows r and
   * p = rows - 1 - r, for r < ⌊rows/2⌋, become λ·v_r + (1 - λ)·v_p and λ·v_p + (1 - λ)·v_r (from
   * the old values), λ = mixWeight(seed, counter, r) uniform in [0, 1) (mix.ts in this folder);
   * an odd batch's middle row stays. Stacked tensors' model k draws at k·rows + r.
   */
  mixBatch(x: Tensor, inputDim: number, targets: Tensor, classes: number, weights: Tensor, rows: number, seed: number, counter: number): void;
}
