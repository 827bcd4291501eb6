import type { Tensor } from '../../core/tensor.ts';

/** Numbers of one Adam step; `step` is t, counted from 1. */
export interface AdamStep {
  lr: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  l2: number;
  step: number;
}

/**
 * What the adamStep op computes, on every backend. cpu.ts and webgpu.ts beside this file
 * implement it; src/engine/ops/registry.ts lists it with its parity case.
 */
export interface AdamStepOp {
  /**
   * Adam (bias-corrected) over `count` elements; `moments` holds m in [0, count) and v in
   * [count, 2·count). g = grad + l2·decay⊙param; m = β1·m + (1-β1)·g; v = β2·v + (1-β2)·g²;
   * param -= lr·(m / (1-β1^t)) / (sqrt(v / (1-β2^t)) + ε), t = hyper.step (1 on the first step).
   */
  adamStep(params: Tensor, grads: Tensor, moments: Tensor, decay: Tensor, count: number, hyper: AdamStep): void;
}
