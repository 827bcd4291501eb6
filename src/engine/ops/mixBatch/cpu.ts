import { cpuTensor, slice } from '../../cpu/tensor.ts';
import { opModels } from '../../core/tensor.ts';
import { streamKeys, type StreamKeys } from '../shared/random.ts';
import { checkMixBatch, mixWeightFromKeys } from './mix.ts';
import type { MixBatchOp } from './mixBatch.ts';

/** Reused stream keys: the op below allocates nothing. */
const keys: StreamKeys = { a: 0, b: 0 };

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

/** The op on the CPU: the features, targets and weights of model k, each mixed with rows drawn at k·rows + r. */
export const cpuMixBatch: MixBatchOp['mixBatch'] = (x, inputDim, targets, classes, weights, rows, seed, counter) => {
  const [tx, tt, tw] = [cpuTensor(x), cpuTensor(targets), cpuTensor(weights)];
  checkMixBatch(rows, [['x', tx.size, inputDim], ['targets', tt.size, classes], ['weights', tw.size, 1]]);
  for (let k = 0, K = opModels('mixBatch', [tx, tt, tw], []); k < K; k++) {
    for (const [t, dim] of [[tx, inputDim], [tt, classes], [tw, 1]] as const) mixRows(slice(t, k), dim, rows, seed, counter, k * rows);
  }
};
