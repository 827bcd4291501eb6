/**
 * When a model's training has diverged. A non-finite epoch loss is the plain case. A finite one
 * can diverge too: the cross-entropy is computed from max-shifted logits, so a model whose
 * weights grew without bound reports a loss in the hundreds rather than Infinity (the two-moons
 * preset at lr=100 reaches 291 at its second epoch). A mean loss above DIVERGED_LOSS nats puts
 * e^-100 of probability on the right class on average: no run that still learns comes near it
 * (at lr=1, the old maximum, the worst epoch of the moons preset's variants was 34).
 */
import type { ExperimentConfig } from '../config/schema.ts';
import { PARAM_TABLE } from '../config/params.ts';

export const DIVERGED_LOSS = 100;

/** A student taken out of its generation: which, the epoch (from 1) its loss diverged, and why. */
export interface DroppedStudent {
  student: number;
  epoch: number;
  reason: string;
}

/** Why an epoch's mean `loss` counts as diverged ("the loss became non-finite"), or null when it does not. */
export function divergenceReason(loss: number): string | null {
  if (!Number.isFinite(loss)) return 'the loss became non-finite';
  return loss > DIVERGED_LOSS ? `the loss rose to ${loss.toPrecision(3)} (above ${DIVERGED_LOSS})` : null;
}

/**
 * What to try when a config's training diverged: a learning rate above the default comes back
 * to it; a smaller one is divided by ten.
 */
export function divergenceFix(config: Pick<ExperimentConfig, 'lr'>): string {
  const usual = PARAM_TABLE.lr.default;
  if (config.lr > usual) return `the learning rate ${config.lr} is too high; try lr=${usual} or lower`;
  return `the learning rate ${config.lr} may still be too high for this model; try lr=${Number((config.lr / 10).toPrecision(1))}`;
}
