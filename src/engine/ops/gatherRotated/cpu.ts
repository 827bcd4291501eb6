import { cpuByteTensor, cpuTensor, indices, slice } from '../../cpu/tensor.ts';
import { EngineError } from '../../core/errors.ts';
import type { ImageShape } from '../../core/shapes.ts';
import { opModels, PIXEL_VALUES, type ByteTensor } from '../../core/tensor.ts';
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
    const row = index[indexOffset + r];
    if (!(row >= 0 && row < srcRows)) {
      throw new EngineError(`gatherRotated: index ${row} at position ${indexOffset + r} is outside the ${srcRows} source rows.`);
    }
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
  const [o, t] = [cpuTensor(out), cpuTensor(targets)];
  const order = indices(index);
  const s = src.dtype === 'u8' ? null : cpuTensor(src);
  for (let k = 0, K = s ? opModels('gatherRotated', [o, t], [s]) : opModels('gatherRotated', [o, t], []); k < K; k++) {
    gatherRotated(s ? slice(s, k) : cpuByteTensor(src as ByteTensor).data, shape, order, indexOffset, rows, slice(o, k), slice(t, k), seed, counter, k * rows);
  }
};
