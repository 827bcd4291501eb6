import { EngineError } from '../../core/errors.ts';
import type { ImageShape } from '../../core/shapes.ts';
import { streamHash, streamKeys, type StreamKeys } from '../shared/random.ts';

/** The quarter turns of element `index` of a stream: the hash's low two bits. */
export function imageRotationFromKeys(keys: StreamKeys, index: number): number {
  return streamHash(keys, index) & 3;
}

/** The quarter turns of row `index` of stream (seed, counter). */
export function imageRotation(seed: number, counter: number, index: number): number {
  return imageRotationFromKeys(streamKeys(seed, counter, { a: 0, b: 0 }), index);
}

/** Throws unless the images are square, with whole positive sides and channels. */
export function checkRotation(shape: ImageShape): void {
  const { channels, height, width } = shape;
  if (![channels, height, width].every((n) => Number.isInteger(n) && n >= 1)) {
    throw new EngineError(`gatherRotated: the image shape must be whole numbers >= 1, got ${channels}×${height}×${width}.`);
  }
  if (height !== width) throw new EngineError(`gatherRotated: only square images turn onto themselves, got ${height}×${width}.`);
}
