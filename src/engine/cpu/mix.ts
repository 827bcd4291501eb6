import { EngineError } from '../backend.ts';
import { streamHash, streamKeys, type StreamKeys } from './random.ts';

/** Reused stream keys: the op below allocates nothing. */
const keys: StreamKeys = { a: 0, b: 0 };

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
 * Mixup of one tensor in place (Backend.mixBatch runs it on a batch's features, targets and
 * weights with one stream): rows r and p = rows - 1 - r, r < ⌊rows/2⌋, become
 * λ·x_r + (1 - λ)·x_p and λ·x_p + (1 - λ)·x_r, with λ = the weight of pair first + r; each
 * product and the sum rounded to float32, as WGSL computes them.
 */
export function mixRows(x: Float32Array, dim: number, rows: number, seed: number, counter: number, first = 0): void {
  streamKeys(seed, counter, keys);
  for (let r = 0, p = rows - 1; r < p; r++, p--) {
    const lambda = mixWeightFromKeys(keys, first + r);
    // Exact: λ has at most 24 significant bits below 1.
    const rest = 1 - lambda;
    for (let e = 0; e < dim; e++) {
      const a = x[r * dim + e];
      const b = x[p * dim + e];
      x[r * dim + e] = Math.fround(Math.fround(lambda * a) + Math.fround(rest * b));
      x[p * dim + e] = Math.fround(Math.fround(lambda * b) + Math.fround(rest * a));
    }
  }
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
