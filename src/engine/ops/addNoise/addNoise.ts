import type { Tensor } from '../../core/tensor.ts';

/**
 * What the addNoise op computes, on every backend. cpu.ts and webgpu.ts beside this file
 * implement it; src/engine/ops/registry.ts lists it with its parity case.
 */
export interface AddNoiseOp {
  /** Adds std · z[i] to x[i] for i < count, z[i] = noiseNormal(seed, counter, i) (mean 0, std 1; ops/shared/random.ts). */
  addNoise(x: Tensor, count: number, std: number, seed: number, counter: number): void;
}
