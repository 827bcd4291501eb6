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

/**
 * Where pixel (y, x) of an image turned by `turns` quarter turns anticlockwise comes from in
 * the unturned image of side `side`: its index y'·side + x' within a channel plane.
 */
export function turnedFrom(turns: number, y: number, x: number, side: number): number {
  const last = side - 1;
  switch (turns & 3) {
    case 0:
      return y * side + x;
    case 1:
      return x * side + (last - y);
    case 2:
      return (last - y) * side + (last - x);
    default:
      return (last - x) * side + y;
  }
}

/** Throws unless the images are square, with whole positive sides and channels. */
export function checkRotation(shape: ImageShape): void {
  const { channels, height, width } = shape;
  if (![channels, height, width].every((n) => Number.isInteger(n) && n >= 1)) {
    throw new EngineError(`gatherRotated: the image shape must be whole numbers >= 1, got ${channels}×${height}×${width}.`);
  }
  if (height !== width) throw new EngineError(`gatherRotated: only square images turn onto themselves, got ${height}×${width}.`);
}
