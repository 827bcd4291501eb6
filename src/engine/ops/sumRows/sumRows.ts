import type { Tensor } from '../../core/tensor.ts';

/**
 * What the sumRows op computes, on every backend. cpu.ts and webgpu.ts beside this file
 * implement it; src/engine/ops/registry.ts lists it with its parity case.
 */
export interface SumRowsOp {
  /** Writes out[c] = Σ_r x[r, c] over rows (the bias gradient), or adds it when `accumulate`. */
  sumRows(x: Tensor, rows: number, cols: number, out: Tensor, accumulate: boolean): void;
}
