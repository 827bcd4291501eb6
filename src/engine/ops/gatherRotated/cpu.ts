import { indices } from '../../cpu/tensor.ts';
import type { ImageShape } from '../../core/shapes.ts';
import { PIXEL_VALUES } from '../../core/tensor.ts';
import { forEachImageModel, sourceRowAt } from '../gather/imageRows.ts';
import { streamKeys, type StreamKeys } from '../shared/random.ts';
import { ROTATIONS, type GatherRotatedOp } from './gatherRotated.ts';
import { checkRotation, imageRotationFromKeys, turnedFrom } from './rotation.ts';

/** Reused stream keys: the op below allocates nothing. */
const keys: StreamKeys = { a: 0, b: 0 };

/**
 * out[r] = image src[index[indexOffset + r]] turned by row r's quarter turns (stream index
 * first + r; a stacked op's model k passes first = k·rows), targets[r] their one-hot.
 */
export function gatherRotated(
  src: Float32Array | Uint8Array,
  shape: ImageShape,
  index: Int32Array,
  indexOffset: number,
  rows: number,
  out: Float32Array,
  targets: Float32Array,
  seed: number,
  counter: number,
  first = 0,
): void {
  const { channels, width: side } = shape;
  const plane = side * side;
  const dim = channels * plane;
  const srcRows = Math.floor(src.length / dim);
  // Image bytes read as their pixel values.
  const pixels = src instanceof Uint8Array ? PIXEL_VALUES : null;
  streamKeys(seed, counter, keys);
  for (let r = 0; r < rows; r++) {
    const row = sourceRowAt('gatherRotated', index, indexOffset + r, srcRows);
    const turns = imageRotationFromKeys(keys, first + r);
    for (let q = 0; q < ROTATIONS; q++) targets[r * ROTATIONS + q] = q === turns ? 1 : 0;
    for (let c = 0; c < channels; c++) {
      const from = row * dim + c * plane;
      const to = r * dim + c * plane;
      for (let y = 0; y < side; y++) {
        for (let x = 0; x < side; x++) {
          const value = src[from + turnedFrom(turns, y, x, side)];
          out[to + y * side + x] = pixels ? pixels[value] : value;
        }
      }
    }
  }
}

/** The op on the CPU: model k's row r draws at k·rows + r. */
export const cpuGatherRotated: GatherRotatedOp['gatherRotated'] = (src, shape, index, indexOffset, rows, out, targets, seed, counter) => {
  checkRotation(shape);
  const order = indices(index);
  forEachImageModel('gatherRotated', src, [out, targets], (source, [o, t], k) => gatherRotated(source, shape, order, indexOffset, rows, o, t, seed, counter, k * rows));
};
