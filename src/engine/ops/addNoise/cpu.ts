import { cpuTensor, slice } from '../../cpu/tensor.ts';
import { opModels } from '../../core/tensor.ts';
import { noiseNormalFromKeys, streamKeys, type StreamKeys } from '../shared/random.ts';
import type { AddNoiseOp } from './addNoise.ts';

/** Reused stream keys: the op below allocates nothing. */
const keys: StreamKeys = { a: 0, b: 0 };

/** x[i] += std·z[first + i], z the counter-based approximate normal of stream (seed, counter). */
export function addNoise(x: Float32Array, count: number, std: number, seed: number, counter: number, first = 0): void {
  if (std === 0) return;
  const deviation = Math.fround(std);
  streamKeys(seed, counter, keys);
  for (let i = 0; i < count; i++) x[i] += Math.fround(deviation * noiseNormalFromKeys(keys, first + i));
}

/** The op on the CPU: model k's element i draws at k·count + i. */
export const cpuAddNoise: AddNoiseOp['addNoise'] = (x, count, std, seed, counter) => {
  const t = cpuTensor(x);
  for (let k = 0, K = opModels('addNoise', [t], []); k < K; k++) addNoise(slice(t, k), count, std, seed, counter, k * count);
};
