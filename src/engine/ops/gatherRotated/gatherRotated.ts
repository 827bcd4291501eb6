import type { Tensor, IndexTensor, ByteTensor } from '../../core/tensor.ts';
import type { ImageShape } from '../../core/shapes.ts';

/** The rotation task's classes: 0, 1, 2 or 3 quarter turns. */
export const ROTATIONS = 4;

/**
 * What the gatherRotated op computes, on every backend. cpu.ts and webgpu.ts beside this file
 * implement it (the WebAssembly backend runs cpu.ts); src/engine/ops/registry.ts lists it with
 * its parity case.
 */
export interface GatherRotatedOp {
  /**
   * gather of square image rows (channels×side×side each), each turned by its own random number
   * of quarter turns anticlockwise, for the self-supervised rotation task: with
   * q = imageRotation(seed, counter, r) in 0..3 (rotation.ts in this folder) and S the side,
   * out[r, c, y, x] = src[index[indexOffset + r], c, sy, sx] where (sy, sx) is (y, x) for q = 0,
   * (x, S-1-y) for 1, (S-1-y, S-1-x) for 2 and (S-1-x, y) for 3; targets[r] = one-hot(q) over
   * ROTATIONS classes. A stacked out's (and targets') model k draws at k·rows + r.
   */
  gatherRotated(src: Tensor | ByteTensor, shape: ImageShape, index: IndexTensor, indexOffset: number, rows: number, out: Tensor, targets: Tensor, seed: number, counter: number): void;
}
