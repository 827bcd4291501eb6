import { cpuTensor, slice } from '../../cpu/tensor.ts';
import { opModels } from '../../core/tensor.ts';
import { STATS, type SoftmaxCrossEntropyOp } from './softmaxCrossEntropy.ts';

/**
 * Per row: p = softmax(z) (max-shifted), CE = -Σ t·log p = Σ t·(log Σ e^(z-max) - (z - max)),
 * then L = Σ w·CE / Σ w over the batch and dz = w·(p·Σt - t) / Σ w. Adds Σ w·CE, Σ w, the
 * count of rows with argmax p = argmax t, and the row count to stats.
 */
export function softmaxCrossEntropy(
  logits: Float32Array,
  targets: Float32Array,
  weights: Float32Array,
  rows: number,
  classes: number,
  dLogits: Float32Array,
  stats: Float32Array,
): void {
  let weightSum = 0;
  for (let r = 0; r < rows; r++) weightSum += weights[r];
  const gradScale = weightSum > 0 ? 1 / weightSum : 0;
  let weightedLoss = 0;
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    const row = r * classes;
    let max = logits[row];
    let predicted = 0;
    let targetMax = targets[row];
    let target = 0;
    for (let c = 1; c < classes; c++) {
      if (logits[row + c] > max) {
        max = logits[row + c];
        predicted = c;
      }
      if (targets[row + c] > targetMax) {
        targetMax = targets[row + c];
        target = c;
      }
    }
    let expSum = 0;
    let targetSum = 0;
    let targetDotShifted = 0;
    for (let c = 0; c < classes; c++) {
      const shifted = logits[row + c] - max;
      const e = Math.exp(shifted);
      dLogits[row + c] = e;
      expSum += e;
      targetSum += targets[row + c];
      targetDotShifted += targets[row + c] * shifted;
    }
    const weight = weights[r];
    weightedLoss += weight * (targetSum * Math.log(expSum) - targetDotShifted);
    const rowScale = weight * gradScale;
    for (let c = 0; c < classes; c++) {
      dLogits[row + c] = rowScale * ((dLogits[row + c] / expSum) * targetSum - targets[row + c]);
    }
    if (predicted === target) correct++;
  }
  stats[STATS.weightedLoss] += weightedLoss;
  stats[STATS.weight] += weightSum;
  stats[STATS.correct] += correct;
  stats[STATS.rows] += rows;
}

/** The op on the CPU: softmaxCrossEntropy over each model's slices. */
export const cpuSoftmaxCrossEntropy: SoftmaxCrossEntropyOp['softmaxCrossEntropy'] = (logits, targets, weights, rows, classes, dLogits, stats) => {
  const [tl, tt, tw, td, ts] = [cpuTensor(logits), cpuTensor(targets), cpuTensor(weights), cpuTensor(dLogits), cpuTensor(stats)];
  for (let k = 0, K = opModels('softmaxCrossEntropy', [td, ts], [tl, tt, tw]); k < K; k++) {
    softmaxCrossEntropy(slice(tl, k), slice(tt, k), slice(tw, k), rows, classes, slice(td, k), slice(ts, k));
  }
};
