import type { Tensor, IndexTensor, ByteTensor } from '../../core/tensor.ts';

/**
 * What the gather op computes, on every backend. cpu.ts and webgpu.ts beside this file
 * implement it; src/engine/ops/registry.ts lists it with its parity case.
 */
export interface GatherOp {
  /**
   * Writes out[r, :] = src[index[indexOffset + r], :] for r < rows; `dim` values per row. A
   * byte source is scaled as it is gathered: byte v becomes PIXEL_VALUES[v].
   */
  gather(src: Tensor | ByteTensor, dim: number, index: IndexTensor, indexOffset: number, rows: number, out: Tensor): void;
}
