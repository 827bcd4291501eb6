import type { Tensor } from '../../core/tensor.ts';

/** Numbers of one SGD step; a reused object, so a step allocates nothing. */
export interface SgdStep {
  lr: number;
  momentum: number;
  l2: number;
}

/**
 * What the sgdStep op computes, on every backend. cpu.ts and webgpu.ts beside this file
 * implement it; src/engine/ops/registry.ts lists it with its parity case.
 */
export interface SgdStepOp {
  /**
   * SGD with momentum over `count` elements of the flat parameter buffer:
   * g = grad + l2·decay⊙param; velocity = momentum·velocity + g; param -= lr·velocity.
   * `decay` is 1 for weights and 0 for biases and padding, so L2 touches weights only.
   */
  sgdStep(params: Tensor, grads: Tensor, velocity: Tensor, decay: Tensor, count: number, hyper: SgdStep): void;
}
