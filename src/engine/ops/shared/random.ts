/**
 * Counter-based random numbers: each value is a pure hash of (seed, counter, index), so a
 * kernel computes element i without state, in any order, and a WGSL port reproduces it bit
 * for bit (only u32 xor, shift and wrapping multiply; no transcendentals).
 */

/** lowbias32 (Chris Wellons' hash prospector): a bijective u32 mixer with low bias. */
export function lowbias32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The two u32 keys of a (seed, counter) stream; computed once per op, not per element. */
export interface StreamKeys {
  a: number;
  b: number;
}

/** Writes the keys of stream (seed, counter) into `keys` (reused, so ops allocate nothing). */
export function streamKeys(seed: number, counter: number, keys: StreamKeys): StreamKeys {
  keys.a = lowbias32((seed ^ 0x9e3779b9) >>> 0);
  keys.b = lowbias32((keys.a ^ lowbias32(counter >>> 0)) >>> 0);
  return keys;
}

/** The u32 hash of element `index` of a stream: two rounds so streams are not shifts of each other. */
export function streamHash(keys: StreamKeys, index: number): number {
  return lowbias32((lowbias32((index ^ keys.a) >>> 0) ^ keys.b) >>> 0);
}

/** Keep threshold of dropout: an element is kept when (hash >>> 8) >= threshold, P = 1 - rate. */
export function dropoutThreshold(rate: number): number {
  return Math.round(Math.min(Math.max(rate, 0), 1) * 16777216);
}

/** True when element `index` of stream (seed, counter) survives dropout at `rate`. */
export function dropoutKeeps(seed: number, counter: number, index: number, rate: number): boolean {
  const keys = streamKeys(seed, counter, { a: 0, b: 0 });
  return streamHash(keys, index) >>> 8 >= dropoutThreshold(rate);
}

/** √3 / 65536: scales a centred sum of four 16-bit uniforms to unit variance. */
export const NOISE_SCALE = Math.fround(Math.sqrt(3) / 65536);

/**
 * Approximately standard normal: the Irwin-Hall sum of four uniform 16-bit integers (from
 * hashes of 2i and 2i+1), centred and scaled to variance 1. Integer sums and one float32
 * multiply are exact across platforms, unlike Box-Muller's log and cos; its range is ±√12.
 */
export function noiseNormalFromKeys(keys: StreamKeys, index: number): number {
  const h1 = streamHash(keys, 2 * index);
  const h2 = streamHash(keys, 2 * index + 1);
  const sum = (h1 & 0xffff) + (h1 >>> 16) + (h2 & 0xffff) + (h2 >>> 16);
  return Math.fround((sum - 131070) * NOISE_SCALE);
}

/** Element `index` of the noise stream (seed, counter). */
export function noiseNormal(seed: number, counter: number, index: number): number {
  return noiseNormalFromKeys(streamKeys(seed, counter, { a: 0, b: 0 }), index);
}
