import type { Tensor } from '../../core/tensor.ts';

/**
 * What the reconstructionLoss op computes, on every backend. cpu.ts, webgpu.ts and wasm.ts
 * beside this file implement it; src/engine/ops/registry.ts lists it with its parity case.
 */
export interface ReconstructionLossOp {
  /**
   * Mean squared error of a batch of reconstructions `outputs` (rows × dim) against `targets`
   * (the clean inputs), with per-row weights: E_r = Σ_d (y_rd - t_rd)² / dim and
   * L = Σ_r w_r·E_r / Σ_r w_r. Writes dOutputs = ∂L/∂y = 2·w_r·(y_rd - t_rd) / (dim·Σ_r w_r)
   * (zero when Σ w = 0), and adds to stats (see STATS): Σ w·E, Σ w, nothing to the correct
   * count (a reconstruction has no class), and rows.
   */
  reconstructionLoss(outputs: Tensor, targets: Tensor, weights: Tensor, rows: number, dim: number, dOutputs: Tensor, stats: Tensor): void;
}
