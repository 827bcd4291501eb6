import { CLASSIFY, STATS } from '../backend.ts';

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

/** probs[probsRow + r] = softmax(logits[r]) for r < rows. */
export function softmax(logits: Float32Array, rows: number, classes: number, probs: Float32Array, probsRow: number): void {
  for (let r = 0; r < rows; r++) {
    const row = r * classes;
    const outRow = (probsRow + r) * classes;
    let max = logits[row];
    for (let c = 1; c < classes; c++) if (logits[row + c] > max) max = logits[row + c];
    let expSum = 0;
    for (let c = 0; c < classes; c++) {
      const e = Math.exp(logits[row + c] - max);
      probs[outRow + c] = e;
      expSum += e;
    }
    const inverse = 1 / expSum;
    for (let c = 0; c < classes; c++) probs[outRow + c] *= inverse;
  }
}

/**
 * out[2·(outRow + r)] = the first class with the largest of the probabilities `softmax` writes
 * for row r, out[2·(outRow + r) + 1] = that probability. Each probability is computed as
 * softmax computes and stores it (float32 of exp, times the inverse sum, rounded to float32),
 * so the verdict equals the argmax and max of softmax's output bit for bit.
 */
export function classify(logits: Float32Array, rows: number, classes: number, out: Float32Array, outRow: number): void {
  if (classes === 0) return;
  for (let r = 0; r < rows; r++) {
    const row = r * classes;
    let max = logits[row];
    for (let c = 1; c < classes; c++) if (logits[row + c] > max) max = logits[row + c];
    let expSum = 0;
    for (let c = 0; c < classes; c++) expSum += Math.exp(logits[row + c] - max);
    const inverse = 1 / expSum;
    let best = 0;
    let bestProbability = Math.fround(Math.fround(Math.exp(logits[row] - max)) * inverse);
    for (let c = 1; c < classes; c++) {
      const probability = Math.fround(Math.fround(Math.exp(logits[row + c] - max)) * inverse);
      if (probability > bestProbability) {
        best = c;
        bestProbability = probability;
      }
    }
    const at = CLASSIFY.size * (outRow + r);
    out[at + CLASSIFY.label] = best;
    out[at + CLASSIFY.confidence] = bestProbability;
  }
}
