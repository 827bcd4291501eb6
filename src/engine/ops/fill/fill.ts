import type { Tensor } from '../../core/tensor.ts';

/**
 * What the fill op computes, on every backend. cpu.ts and webgpu.ts beside this file
 * implement it; src/engine/ops/registry.ts lists it with its parity case.
 */
export interface FillOp {
  /** Writes `value` into every element of `tensor`. */
  fill(tensor: Tensor, value: number): void;
}
