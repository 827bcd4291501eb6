import { formatPercent } from './percent.ts';

/** How far above guessing (1 / classes) an accuracy must be not to count as having learned nothing. */
const CHANCE_MARGIN = 0.03;

/** What the note reads: generation 0's and the oracle's test accuracy (null until known), and how the run was set. */
export interface ChanceInputs {
  accuracy: number | null;
  /** The all-labels oracle's test accuracy: null until its line arrives (after generation 0). */
  oracle: number | null;
  classes: number;
  lr: number;
  /** The hidden layers' widths, as the link writes them ("8,8"). */
  hidden: string;
  /** The preset tuned for the run's dataset; '' where there is none (the class's own points). */
  preset: string;
}

const nearChance = (accuracy: number, classes: number) => accuracy <= 1 / classes + CHANCE_MARGIN;

/**
 * A line for the status when generation 0 is no better than guessing: it learned nothing from
 * its labels, and every generation after it would only copy that. The oracle (every label, the
 * same model and recipe) tells why. Near chance too: this model, as set, cannot fit this data
 * at all (too narrow, or a learning rate too high for it, as a CNN at the 2-D points' 0.03), so
 * the note offers the dataset's tuned preset, wider layers or a smaller learning rate. Above
 * chance: the model can fit the data but not from so few labels, so more labels or a smaller
 * learning rate. Before the oracle's line the note says what generation 0 alone shows. Null when
 * generation 0 learned, or has not finished.
 */
export function chanceNote({ accuracy, oracle, classes, lr, hidden, preset }: ChanceInputs): string | null {
  if (accuracy === null || !(classes >= 2) || !nearChance(accuracy, classes)) return null;
  const opening = `Generation 0 is at chance level (${formatPercent(accuracy)} right, guessing among ${classes} classes gives ${formatPercent(1 / classes)})`;
  if (oracle === null || !Number.isFinite(oracle)) {
    return `${opening}: it learned nothing from its labels. A smaller learning rate than ${lr} often fixes that; the oracle's line, when it comes, shows whether this model can fit the data at all.`;
  }
  if (nearChance(oracle, classes)) {
    return (
      `${opening}, and so is the oracle trained on every label (${formatPercent(oracle)}): this model, as set, cannot fit this data. ` +
      `${preset === '' ? 'Try' : `Try the preset tuned for it, “${preset}”, or`} wider layers than ${hidden}, or a smaller learning rate than ${lr}.`
    );
  }
  return (
    `${opening}, though the oracle trained on every label reaches ${formatPercent(oracle)}: the model can fit this data, but not from these labels alone. ` +
    `Try more labels, or a smaller learning rate than ${lr}.`
  );
}
