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

/** What a generation's pseudo-labels look like against the truth the model never sees. */
export interface PseudoLabelMetrics {
  /** Fraction of admitted pseudo-labels equal to the true label; null when none were admitted. */
  pseudoLabelAccuracy: number | null;
  /** Admitted rows over pool rows. */
  coverage: number;
  pseudoLabels: number;
  /** Admitted pseudo-labels per predicted class. */
  perClass: number[];
  /** Of those, how many equal the true label. */
  perClassRight: number[];
  /** Mean teacher confidence over the admitted rows (0 when none). */
  meanConfidence: number;
}

export function pseudoLabelMetrics(selection: Selection, poolLabels: Int32Array, classes: number): PseudoLabelMetrics {
  const count = selection.indices.length;
  const perClass = new Array<number>(classes).fill(0);
  const perClassRight = new Array<number>(classes).fill(0);
  let correct = 0;
  let confidenceSum = 0;
  for (let i = 0; i < count; i++) {
    const label = selection.labels[i];
    perClass[label]++;
    if (label === poolLabels[selection.indices[i]]) {
      perClassRight[label]++;
      correct++;
    }
    confidenceSum += selection.confidence[i];
  }
  return {
    pseudoLabelAccuracy: count === 0 ? null : correct / count,
    coverage: poolLabels.length === 0 ? 0 : count / poolLabels.length,
    pseudoLabels: count,
    perClass,
    perClassRight,
    meanConfidence: count === 0 ? 0 : confidenceSum / count,
  };
}
