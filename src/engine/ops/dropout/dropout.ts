import type { Tensor } from '../../core/tensor.ts';

/**
 * What the dropout and dropoutBackward ops compute, on every backend. cpu.ts and webgpu.ts beside this file
 * implement them; src/engine/ops/registry.ts lists them with their parity cases.
 */
export interface DropoutOp {
  /**
   * Writes out = x ⊙ keep / (1 - rate) over `count` elements (inverted dropout), where
   * keep[i] = dropoutKeeps(seed, counter, i, rate) is a pure u32 hash (ops/shared/random.ts, the
   * definition a WGSL kernel reproduces bit for bit), recomputed by the backward op.
   */
  dropout(x: Tensor, out: Tensor, count: number, rate: number, seed: number, counter: number): void;
  /** Writes dx = dy ⊙ keep / (1 - rate), with the mask of the forward op of the same (seed, counter). */
  dropoutBackward(dy: Tensor, dx: Tensor, count: number, rate: number, seed: number, counter: number): void;
}
