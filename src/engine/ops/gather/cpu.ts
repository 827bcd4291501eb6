import { cpuByteTensor, cpuTensor, indices, slice } from '../../cpu/tensor.ts';
import { EngineError } from '../../core/errors.ts';
import { opModels, PIXEL_VALUES } from '../../core/tensor.ts';
import type { GatherOp } from './gather.ts';

/**
 * out[r, :] = src[index[indexOffset + r], :] for r < rows, a byte source's values read as
 * PIXEL_VALUES[v]; an index outside src throws.
 */
export function gather(src: Float32Array | Uint8Array, dim: number, index: Int32Array, indexOffset: number, rows: number, out: Float32Array): void {
  const bytes = src instanceof Uint8Array;
  const srcRows = Math.floor(src.length / dim);
  for (let r = 0; r < rows; r++) {
    const row = index[indexOffset + r];
    if (!(row >= 0 && row < srcRows)) {
      throw new EngineError(`gather: index ${row} at position ${indexOffset + r} is outside the ${srcRows} source rows.`);
    }
    const from = row * dim;
    const to = r * dim;
    if (bytes) for (let c = 0; c < dim; c++) out[to + c] = PIXEL_VALUES[src[from + c]];
    else for (let c = 0; c < dim; c++) out[to + c] = src[from + c];
  }
}

/** The op on the CPU: a byte source is shared by every model; a float one is stacked like out, or shared. */
export const cpuGather: GatherOp['gather'] = (src, dim, index, indexOffset, rows, out) => {
  const o = cpuTensor(out);
  const order = indices(index);
  if (src.dtype === 'u8') {
    const bytes = cpuByteTensor(src).data;
    for (let k = 0; k < o.models; k++) gather(bytes, dim, order, indexOffset, rows, slice(o, k));
    return;
  }
  const s = cpuTensor(src);
  for (let k = 0, K = opModels('gather', [o], [s]); k < K; k++) gather(slice(s, k), dim, order, indexOffset, rows, slice(o, k));
};
