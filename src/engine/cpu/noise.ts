import { dropoutThreshold, noiseNormalFromKeys, streamHash, streamKeys, type StreamKeys } from './random.ts';

/** Reused stream keys: the ops below allocate nothing. */
const keys: StreamKeys = { a: 0, b: 0 };

/**
 * out = x ⊙ keep / (1 - rate) (inverted dropout, so evaluation needs no rescale); also the
 * backward op, since dx = dy ⊙ keep / (1 - rate) uses the same mask. Element i draws at
 * stream index first + i (a stacked op's model k passes first = k·count).
 */
export function dropout(x: Float32Array, out: Float32Array, count: number, rate: number, seed: number, counter: number, first = 0): void {
  if (rate <= 0) {
    if (out !== x) for (let i = 0; i < count; i++) out[i] = x[i];
    return;
  }
  const threshold = dropoutThreshold(rate);
  // A float32 scale makes x·scale one correctly rounded f32 product, as in WGSL.
  const scale = rate >= 1 ? 0 : Math.fround(1 / (1 - rate));
  streamKeys(seed, counter, keys);
  for (let i = 0; i < count; i++) {
    out[i] = streamHash(keys, first + i) >>> 8 >= threshold ? x[i] * scale : 0;
  }
}

/** x[i] += std·z[first + i], z the counter-based approximate normal of stream (seed, counter). */
export function addNoise(x: Float32Array, count: number, std: number, seed: number, counter: number, first = 0): void {
  if (std === 0) return;
  const deviation = Math.fround(std);
  streamKeys(seed, counter, keys);
  for (let i = 0; i < count; i++) x[i] += Math.fround(deviation * noiseNormalFromKeys(keys, first + i));
}
