import { EngineError, PIXEL_VALUES, type ImageShape } from '../backend.ts';
import { streamHash, streamKeys, type StreamKeys } from './random.ts';

/** Reused stream keys: the op below allocates nothing. */
const keys: StreamKeys = { a: 0, b: 0 };
/** Reused draw of one row's shift. */
const drawn = { dx: 0, dy: 0 };

/**
 * The shift of element `index` of a stream: dx from the hash's low 16 bits, dy from its high
 * 16, each (bits mod (2·maxShift + 1)) - maxShift. 65,536 is not a multiple of 3 or 5, so a
 * shift of 0 is drawn 1 in 65,536 more often than the others: no matter for training.
 */
export function imageShiftFromKeys(streamKey: StreamKeys, index: number, maxShift: number, out = { dx: 0, dy: 0 }): { dx: number; dy: number } {
  const span = 2 * maxShift + 1;
  const hash = streamHash(streamKey, index);
  out.dx = ((hash & 0xffff) % span) - maxShift;
  out.dy = ((hash >>> 16) % span) - maxShift;
  return out;
}

/** The shift of row `index` of stream (seed, counter). */
export function imageShift(seed: number, counter: number, index: number, maxShift: number): { dx: number; dy: number } {
  return imageShiftFromKeys(streamKeys(seed, counter, { a: 0, b: 0 }), index, maxShift);
}

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
    const row = index[indexOffset + r];
    if (!(row >= 0 && row < srcRows)) {
      throw new EngineError(`gatherShifted: index ${row} at position ${indexOffset + r} is outside the ${srcRows} source rows.`);
    }
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

/** Throws unless the shift and image shape are ones the op takes. */
export function checkShift(shape: ImageShape, maxShift: number): void {
  const { channels, height, width } = shape;
  if (![channels, height, width].every((n) => Number.isInteger(n) && n >= 1)) {
    throw new EngineError(`gatherShifted: the image shape must be whole numbers >= 1, got ${channels}×${height}×${width}.`);
  }
  if (!(Number.isInteger(maxShift) && maxShift >= 0 && maxShift < 256)) {
    throw new EngineError(`gatherShifted: maxShift must be a whole number from 0 to 255 pixels, got ${maxShift}.`);
  }
}
