import { formatCount } from './percent.ts';

/**
 * One phase of a run as its progress bar shows it: the image download (bytes), the warm-up's
 * epochs, the oracle's epochs, a generation's labelling pass (pool rows; total 0 when unknown), its epochs or the
 * judging of its students (pool rows). `done`
 * counts finished steps, from 0 to `total`.
 */
export type PhaseProgress =
  | { kind: 'images'; dataset: string; done: number; total: number }
  | { kind: 'oracle'; done: number; total: number }
  /** The self-supervised warm-up's epochs, before generation 0 (`task`: denoise, rotate). */
  | { kind: 'warmup'; task: string; done: number; total: number }
  /** After generation 0: its first student trained again without the warm-up, to measure the warm-up's gain. */
  | { kind: 'no warm-up'; done: number; total: number }
  /** With an audit, last: the labelled-only model trained on the audit examples too. */
  | { kind: 'labels+audit'; done: number; total: number }
  /** `rows` names the pool's rows: "images", "points". */
  | { kind: 'labelling'; rows: string; done: number; total: number }
  /** A generation's students scored on the test set, after their epochs. */
  | { kind: 'testing'; generation: number; rows: string; done: number; total: number }
  /** Several students judged by their agreement over the pool. */
  | { kind: 'judging'; rows: string; done: number; total: number }
  | { kind: 'train'; generation: number; done: number; total: number };

/** When a phase's clock started and how far it was then: a paused or resumed phase restarts it. */
export interface PhaseClock {
  key: string;
  startedAt: number;
  startDone: number;
}

/** What tells one phase from the next: a new generation's epochs start a new clock. */
export function phaseKey(phase: PhaseProgress): string {
  return phase.kind === 'train' || phase.kind === 'testing' ? `${phase.kind} ${phase.generation}` : phase.kind;
}

/** The clock for `phase` at `now` (milliseconds): `clock` while it is the same phase, else a new one from here. */
export function nextClock(clock: PhaseClock | null, phase: PhaseProgress, now: number): PhaseClock {
  const key = phaseKey(phase);
  if (clock && clock.key === key && phase.done >= clock.startDone) return clock;
  return { key, startedAt: now, startDone: phase.done };
}

/** Seconds left at the pace since the clock started; null until a step has finished on it. */
export function secondsLeft(clock: PhaseClock, phase: PhaseProgress, now: number): number | null {
  const steps = phase.done - clock.startDone;
  if (steps <= 0) return null;
  return (((now - clock.startedAt) / 1000) * Math.max(0, phase.total - phase.done)) / steps;
}

/** "about 12 s left", "about 3 min left"; null when unknown or nothing is left. */
export function timeLeftText(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds <= 0) return null;
  if (seconds < 1) return 'under a second left';
  if (seconds < 90) return `about ${Math.round(seconds)} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

/** The epoch in training (1-based): the one after the last finished, the last once all are. */
const currentEpoch = (phase: PhaseProgress) => Math.min(phase.done + 1, phase.total);

/**
 * "Generation 3: epoch 4 of 10, about 12 s left", "Training the oracle: epoch 2 of 10",
 * "Loading MNIST: 1.2 of 2.4 MB", "Labelling the pool: 4,096 of 10,000 images"; the time left
 * only where `seconds` is known.
 */
export function progressText(phase: PhaseProgress, seconds: number | null): string {
  const left = timeLeftText(seconds);
  const tail = left ? `, ${left}` : '';
  switch (phase.kind) {
    case 'images':
      return `Loading ${phase.dataset}: ${megabytes(phase.done)} of ${phase.total > 0 ? megabytes(phase.total) : '…'} MB${tail}`;
    case 'oracle':
      return `Training the oracle: epoch ${currentEpoch(phase)} of ${phase.total}${tail}`;
    case 'warmup':
      return `Warm-up (${phase.task}): epoch ${currentEpoch(phase)} of ${phase.total}${tail}`;
    case 'no warm-up':
      return `Generation 0 without the warm-up: epoch ${currentEpoch(phase)} of ${phase.total}${tail}`;
    case 'labels+audit':
      return `Training on labels + audit: epoch ${currentEpoch(phase)} of ${phase.total}${tail}`;
    case 'labelling':
      // An outside labeler (onnx) reads the pool in one call: no count to give.
      if (phase.total <= 0) return 'Labelling the pool with the outside labeler…';
      return `Labelling the pool: ${formatCount(phase.done)} of ${formatCount(phase.total)} ${phase.rows}${tail}`;
    case 'testing':
      return `Generation ${phase.generation}: scoring on the test set: ${formatCount(phase.done)} of ${formatCount(phase.total)} ${phase.rows}${tail}`;
    case 'judging':
      return `Judging the students on the pool: ${formatCount(phase.done)} of ${formatCount(phase.total)} ${phase.rows}${tail}`;
    case 'train':
      return `Generation ${phase.generation}: epoch ${currentEpoch(phase)} of ${phase.total}${tail}`;
  }
}
