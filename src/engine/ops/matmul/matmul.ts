import type { Tensor } from '../../core/tensor.ts';

/** Which matmul operand is stored transposed (see Backend.matmul). */
export type Transpose = 'nn' | 'nt' | 'tn';

/**
 * What the matmul op computes, on every backend. cpu.ts and webgpu.ts beside this file
 * implement it; src/engine/ops/registry.ts lists it with its parity case.
 */
export interface MatmulOp {
  /**
   * Writes out (m×n) = op(a)·op(b), or adds it to out when `accumulate`. `transpose` says which
   * operand is stored transposed: 'nn' a is m×k, b is k×n (Y = X·W); 'nt' b is stored n×k
   * (dX = dY·Wᵀ); 'tn' a is stored k×m (dW = Xᵀ·dY).
   */
  matmul(a: Tensor, b: Tensor, out: Tensor, m: number, k: number, n: number, transpose: Transpose, accumulate: boolean): void;
}
