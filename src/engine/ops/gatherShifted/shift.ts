import { EngineError } from '../../core/errors.ts';
import type { ImageShape } from '../../core/shapes.ts';
import { streamHash, streamKeys, type StreamKeys } from '../shared/random.ts';

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
