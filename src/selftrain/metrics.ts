import { countUnclassed, UNCLASSED } from '../data/types.ts';
import type { Selection } from './selection.ts';

/** Fraction of rows whose argmax (ties to the lower class) equals the true label; 0 for no rows. */
export function accuracy(probabilities: Float32Array, labels: Int32Array, classes: number): number {
  if (labels.length === 0) return 0;
  let correct = 0;
  for (let row = 0; row < labels.length; row++) {
    const base = row * classes;
    let best = 0;
    for (let c = 1; c < classes; c++) if (probabilities[base + c] > probabilities[base + best]) best = c;
    if (best === labels[row]) correct++;
  }
  return correct / labels.length;
}

/** Fraction of rows whose predicted class equals the true label; 0 for no rows. */
export function labelAccuracy(predicted: Int32Array, labels: Int32Array): number {
  if (labels.length === 0) return 0;
  let correct = 0;
  for (let row = 0; row < labels.length; row++) if (predicted[row] === labels[row]) correct++;
  return correct / labels.length;
}

/**
 * What a generation's pseudo-labels look like against the truth the model never sees. Pool rows
 * without a class (UNCLASSED, a custom pool's) are trained on but never scored: they count in
 * `pseudoLabels` and `meanConfidence`, what the student was given, and in nothing measured against the truth.
 */
export interface PseudoLabelMetrics {
  /** Fraction of admitted scored pseudo-labels equal to the true label; null when none were admitted. */
  pseudoLabelAccuracy: number | null;
  /** Admitted scored rows over scored pool rows. */
  coverage: number;
  /** Every admitted pseudo-label, scored or not. */
  pseudoLabels: number;
  /** Admitted scored pseudo-labels per predicted class. */
  perClass: number[];
  /** Of those, how many equal the true label. */
  perClassRight: number[];
  /** Mean teacher confidence over every admitted row (0 when none). */
  meanConfidence: number;
}

export function pseudoLabelMetrics(selection: Selection, poolLabels: Int32Array, classes: number): PseudoLabelMetrics {
  const count = selection.indices.length;
  const perClass = new Array<number>(classes).fill(0);
  const perClassRight = new Array<number>(classes).fill(0);
  let scored = 0;
  let correct = 0;
  let confidenceSum = 0;
  for (let i = 0; i < count; i++) {
    confidenceSum += selection.confidence[i];
    const truth = poolLabels[selection.indices[i]];
    if (truth === UNCLASSED) continue;
    const label = selection.labels[i];
    scored++;
    perClass[label]++;
    if (label === truth) {
      perClassRight[label]++;
      correct++;
    }
  }
  const scoredPool = poolLabels.length - countUnclassed(poolLabels);
  return {
    pseudoLabelAccuracy: scored === 0 ? null : correct / scored,
    coverage: scoredPool === 0 ? 0 : scored / scoredPool,
    pseudoLabels: count,
    perClass,
    perClassRight,
    meanConfidence: count === 0 ? 0 : confidenceSum / count,
  };
}

