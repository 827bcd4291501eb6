import { cpuTensor, slice } from '../../cpu/tensor.ts';
import { opModels, type Tensor } from '../../core/tensor.ts';
import { dropoutThreshold, streamHash, streamKeys, type StreamKeys } from '../shared/random.ts';
import type { DropoutOp } from './dropout.ts';

/** Reused stream keys: the op below allocates nothing. */
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

/** Dropout and its backward op: the same mask over model k's elements k·count + i. */
function maskedCopy(op: string, x: Tensor, out: Tensor, count: number, rate: number, seed: number, counter: number): void {
  const [tx, to] = [cpuTensor(x), cpuTensor(out)];
  for (let k = 0, K = opModels(op, [to], [tx]); k < K; k++) dropout(slice(tx, k), slice(to, k), count, rate, seed, counter, k * count);
}

export const cpuDropout: DropoutOp['dropout'] = (x, out, count, rate, seed, counter) => maskedCopy('dropout', x, out, count, rate, seed, counter);
export const cpuDropoutBackward: DropoutOp['dropoutBackward'] = (dy, dx, count, rate, seed, counter) => maskedCopy('dropoutBackward', dy, dx, count, rate, seed, counter);
