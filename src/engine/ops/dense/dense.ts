import type { Tensor } from '../../core/tensor.ts';
import type { Activation } from '../../core/shapes.ts';

/**
 * What the dense op computes, on every backend. cpu.ts and webgpu.ts beside this file
 * implement it; src/engine/ops/registry.ts lists it with its parity case.
 */
export interface DenseOp {
  /** Writes out (rows×outDim) = act(x·w + b) for x rows×inDim, w inDim×outDim, b outDim. */
  dense(x: Tensor, w: Tensor, b: Tensor, out: Tensor, rows: number, inDim: number, outDim: number, activation: Activation): void;
}
