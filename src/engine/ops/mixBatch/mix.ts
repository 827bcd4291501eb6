import { EngineError } from '../../core/errors.ts';
import { streamHash, streamKeys, type StreamKeys } from '../shared/random.ts';

/** 2^-24: a hash's top 24 bits as a fraction of 1, exact in float32. */
const UNIT = 2 ** -24;

/** Mixup's weight of pair `index` of a stream: uniform in [0, 1) (Beta(1, 1)) on a 2^-24 grid, exact in float32. */
export function mixWeightFromKeys(streamKey: StreamKeys, index: number): number {
  return (streamHash(streamKey, index) >>> 8) * UNIT;
}

/** The weight of pair `index` of stream (seed, counter). */
export function mixWeight(seed: number, counter: number, index: number): number {
  return mixWeightFromKeys(streamKeys(seed, counter, { a: 0, b: 0 }), index);
}

/**
 * Throws unless Backend.mixBatch's counts are whole and each of its tensors, given as
 * [name, size, values per row], holds `rows` rows (both backends check alike).
 */
export function checkMixBatch(rows: number, tensors: readonly (readonly [name: string, size: number, dim: number])[]): void {
  for (const [name, size, dim] of tensors) {
    if (!(Number.isInteger(dim) && dim >= 0 && Number.isInteger(rows) && rows >= 0)) {
      throw new EngineError(`mixBatch: rows and ${name}'s values per row must be whole numbers >= 0, got ${rows} and ${dim}.`);
    }
    if (rows * dim > size) throw new EngineError(`mixBatch: ${name} holds ${size} elements, ${rows} rows of ${dim} need ${rows * dim}.`);
  }
}
