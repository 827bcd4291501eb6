import { cpuTensor, slice } from '../../cpu/tensor.ts';
import { opModels } from '../../core/tensor.ts';
import { STATS } from '../softmaxCrossEntropy/softmaxCrossEntropy.ts';
import type { ReconstructionLossOp } from './reconstructionLoss.ts';

/**
 * Per row: E = Σ (y - t)² / dim; then L = Σ w·E / Σ w over the batch and dy = 2·w·(y - t) / (dim·Σ w).
 * Adds Σ w·E, Σ w and the row count to stats. In float64, in a fixed order: a row's squares
 * as two sums, of its even and of its odd columns, added at the end (the wasm kernel's two
 * f64x2 lanes, so it agrees bit for bit); the rows' sums in row order.
 */
export function reconstructionLoss(
  outputs: Float32Array,
  targets: Float32Array,
  weights: Float32Array,
  rows: number,
  dim: number,
  dOutputs: Float32Array,
  stats: Float32Array,
): void {
  let weightSum = 0;
  for (let r = 0; r < rows; r++) weightSum += weights[r];
  const gradScale = weightSum > 0 ? 2 / (dim * weightSum) : 0;
  let weightedLoss = 0;
  for (let r = 0; r < rows; r++) {
    const row = r * dim;
    const rowScale = weights[r] * gradScale;
    let even = 0;
    let odd = 0;
    for (let d = 0; d < dim; d++) {
      const error = outputs[row + d] - targets[row + d];
      if (d & 1) odd += error * error;
      else even += error * error;
      dOutputs[row + d] = rowScale * error;
    }
    weightedLoss += (weights[r] * (even + odd)) / dim;
  }
  stats[STATS.weightedLoss] += weightedLoss;
  stats[STATS.weight] += weightSum;
  stats[STATS.rows] += rows;
}

/** The op on the CPU: reconstructionLoss over each model's slices. */
export const cpuReconstructionLoss: ReconstructionLossOp['reconstructionLoss'] = (outputs, targets, weights, rows, dim, dOutputs, stats) => {
  const [to, tt, tw, td, ts] = [cpuTensor(outputs), cpuTensor(targets), cpuTensor(weights), cpuTensor(dOutputs), cpuTensor(stats)];
  for (let k = 0, K = opModels('reconstructionLoss', [td, ts], [to, tt, tw]); k < K; k++) {
    reconstructionLoss(slice(to, k), slice(tt, k), slice(tw, k), rows, dim, slice(td, k), slice(ts, k));
  }
};
