import { formatPercent } from './percent.ts';

/** How far above guessing (1 / classes) generation 0 must be not to count as having learned nothing. */
const CHANCE_MARGIN = 0.03;

/**
 * A line for the status when generation 0 is no better than guessing: it learned nothing from
 * its labels, and every generation after it would only copy that. The usual cause is a
 * learning rate too high for the model (a CNN on images at the 2-D points' 0.03 predicts one
 * class for everything); null when generation 0 learned, or has not finished.
 */
export function chanceNote(generation0Accuracy: number | null, classes: number, lr: number): string | null {
  if (generation0Accuracy === null || !(classes >= 2)) return null;
  const chance = 1 / classes;
  if (!(generation0Accuracy <= chance + CHANCE_MARGIN)) return null;
  return (
    `Generation 0 is at chance level (${formatPercent(generation0Accuracy)} right, guessing among ${classes} classes gives ` +
    `${formatPercent(chance)}): it learned nothing from its labels. A smaller learning rate than ${lr} often fixes that.`
  );
}
