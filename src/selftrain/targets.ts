import { countUnclassed, UNCLASSED } from '../data/types.ts';
import type { Selection } from './selection.ts';

/**
 * Sharpens each row of an n × classes probability matrix: q_c = p_c^(1/T) / Σ_j p_j^(1/T).
 * T < 1 pushes towards one-hot, T = 1 keeps the teacher's probabilities, T > 1 flattens.
 * Computed in log space from the row maximum so a small T cannot underflow every entry to 0.
 */
export function sharpen(probabilities: Float32Array, classes: number, temperature: number): Float32Array {
  const out = new Float32Array(probabilities.length);
  const inverse = 1 / temperature;
  for (let base = 0; base < probabilities.length; base += classes) {
    let maxLog = -Infinity;
    for (let c = 0; c < classes; c++) maxLog = Math.max(maxLog, Math.log(probabilities[base + c]));
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const value = Math.exp((Math.log(probabilities[base + c]) - maxLog) * inverse);
      out[base + c] = value;
      sum += value;
    }
    for (let c = 0; c < classes; c++) out[base + c] /= sum;
  }
  return out;
}

/** Where the training rows come from: labelled rows first, then the whole pool. */
export interface TrainingLayout {
  labelledLabels: Int32Array;
  poolSize: number;
  classes: number;
}

/** What the student trains on: per-row targets and weights over all rows, and the rows to visit. */
export interface TrainingSet {
  /** (labelled + pool) × classes target probabilities; rows not visited are zero. */
  targets: Float32Array;
  /** (labelled + pool) per-row loss weights; rows not visited weigh zero. */
  weights: Float32Array;
  /** Row indices the epochs visit (shuffled in place each epoch). */
  order: Int32Array;
}

/**
 * Labelled rows (one-hot, weight `labelledWeight`) plus the admitted pool rows (weight 1),
 * with hard one-hot targets or, when `softTargets` is given, its sharpened row for each admitted pool row.
 */
export function buildTrainingSet(
  layout: TrainingLayout,
  labelledWeight: number,
  selection: Selection,
  softTargets: Float32Array | null,
): TrainingSet {
  const { labelledLabels, poolSize, classes } = layout;
  const labelledCount = labelledLabels.length;
  const rows = labelledCount + poolSize;
  const targets = new Float32Array(rows * classes);
  const weights = new Float32Array(rows);
  const order = new Int32Array(labelledCount + selection.indices.length);
  for (let row = 0; row < labelledCount; row++) {
    targets[row * classes + labelledLabels[row]] = 1;
    weights[row] = labelledWeight;
    order[row] = row;
  }
  for (let i = 0; i < selection.indices.length; i++) {
    const poolRow = selection.indices[i];
    const row = labelledCount + poolRow;
    if (softTargets) targets.set(softTargets.subarray(poolRow * classes, (poolRow + 1) * classes), row * classes);
    else targets[row * classes + selection.labels[i]] = 1;
    weights[row] = 1;
    order[labelledCount + i] = row;
  }
  return { targets, weights, order };
}

/**
 * Every row with a known class, its true label and weight 1: the all-labels oracle's training set.
 * Pool rows without a class (UNCLASSED) have no label to give: they weigh 0 and are never visited.
 */
export function buildOracleSet(labelledLabels: Int32Array, poolLabels: Int32Array, classes: number): TrainingSet {
  const rows = labelledLabels.length + poolLabels.length;
  const targets = new Float32Array(rows * classes);
  const weights = new Float32Array(rows);
  const order = new Int32Array(rows - countUnclassed(poolLabels));
  let visited = 0;
  for (let row = 0; row < rows; row++) {
    const label = row < labelledLabels.length ? labelledLabels[row] : poolLabels[row - labelledLabels.length];
    if (label === UNCLASSED) continue;
    targets[row * classes + label] = 1;
    weights[row] = 1;
    order[visited++] = row;
  }
  return { targets, weights, order };
}
