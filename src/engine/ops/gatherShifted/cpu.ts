import { indices } from '../../cpu/tensor.ts';
import type { ImageShape } from '../../core/shapes.ts';
import { PIXEL_VALUES } from '../../core/tensor.ts';
import { forEachImageModel, sourceRowAt } from '../gather/imageRows.ts';
import { streamKeys, type StreamKeys } from '../shared/random.ts';
import type { GatherShiftedOp } from './gatherShifted.ts';
import { checkShift, imageShiftFromKeys } from './shift.ts';

/** Reused stream keys: the op below allocates nothing. */
const keys: StreamKeys = { a: 0, b: 0 };
/** Reused draw of one row's shift. */
const drawn = { dx: 0, dy: 0 };

/**
 * out[r] = image src[index[indexOffset + r]] moved by row r's shift (stream index first + r;
 * a stacked op's model k passes first = k·rows), zero-filled where it moved in from outside.
 */
export function gatherShifted(
  src: Float32Array | Uint8Array,
  shape: ImageShape,
  index: Int32Array,
  indexOffset: number,
  rows: number,
  out: Float32Array,
  maxShift: number,
  seed: number,
  counter: number,
  first = 0,
): void {
  const { channels, height, width } = shape;
  const dim = channels * height * width;
  const srcRows = Math.floor(src.length / dim);
  // Image bytes read as their pixel values.
  const pixels = src instanceof Uint8Array ? PIXEL_VALUES : null;
  streamKeys(seed, counter, keys);
  for (let r = 0; r < rows; r++) {
    const row = sourceRowAt('gatherShifted', index, indexOffset + r, srcRows);
    const { dx, dy } = imageShiftFromKeys(keys, first + r, maxShift, drawn);
    for (let c = 0; c < channels; c++) {
      const from = row * dim + c * height * width;
      const to = r * dim + c * height * width;
      for (let y = 0; y < height; y++) {
        const sy = y - dy;
        for (let x = 0; x < width; x++) {
          const sx = x - dx;
          out[to + y * width + x] = sy >= 0 && sy < height && sx >= 0 && sx < width ? (pixels ? pixels[src[from + sy * width + sx]] : src[from + sy * width + sx]) : 0;
        }
      }
    }
  }
}

/** The op on the CPU: model k's row r draws at k·rows + r. */
export const cpuGatherShifted: GatherShiftedOp['gatherShifted'] = (src, shape, index, indexOffset, rows, out, maxShift, seed, counter) => {
  checkShift(shape, maxShift);
  const order = indices(index);
  forEachImageModel('gatherShifted', src, [out], (source, [o], k) => gatherShifted(source, shape, order, indexOffset, rows, o, maxShift, seed, counter, k * rows));
};
