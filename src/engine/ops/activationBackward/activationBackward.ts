import type { Tensor } from '../../core/tensor.ts';
import type { Activation } from '../../core/shapes.ts';

/**
 * What the activationBackward op computes, on every backend. cpu.ts and webgpu.ts beside this file
 * implement it; src/engine/ops/registry.ts lists it with its parity case.
 */
export interface ActivationBackwardOp {
  /** Writes dx = dy ⊙ act'(z), computing act' from the activation's output y = act(z); dx may be dy. */
  activationBackward(y: Tensor, dy: Tensor, dx: Tensor, count: number, activation: Activation): void;
}
