import { EngineError, PIXEL_VALUES } from '../backend.ts';

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
