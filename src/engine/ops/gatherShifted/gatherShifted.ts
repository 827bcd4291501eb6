import type { Tensor, IndexTensor, ByteTensor } from '../../core/tensor.ts';
import type { ImageShape } from '../../core/shapes.ts';

/**
 * What the gatherShifted op computes, on every backend. cpu.ts and webgpu.ts beside this file
 * implement it; src/engine/ops/registry.ts lists it with its parity case.
 */
export interface GatherShiftedOp {
  /**
   * gather of image rows (channels×height×width each), each row moved by its own random shift
   * (student noise): out[r, c, y, x] = src[index[indexOffset + r], c, y - dy, x - dx], 0 where
   * that falls outside the image, with (dx, dy) = imageShift(seed, counter, r, maxShift) in
   * [-maxShift, maxShift]² (shift.ts in this folder); a stacked out's model k draws at k·rows + r.
   */
  gatherShifted(src: Tensor | ByteTensor, shape: ImageShape, index: IndexTensor, indexOffset: number, rows: number, out: Tensor, maxShift: number, seed: number, counter: number): void;
}
