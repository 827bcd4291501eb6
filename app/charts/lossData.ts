/** Epochs the whole run trains and reports: generations 0..gens, `epochs` each (the oracle trains silently). */
export function totalEpochs(gens: number, epochs: number): number {
  return Math.max(1, (gens + 1) * epochs);
}

/** The loss axis: from 0 to a little above the highest loss seen; [0, 1] while empty. */
export function lossRange(values: ArrayLike<number>): [number, number] {
  let highest = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > highest) highest = values[i];
  return [0, highest > 0 ? highest * 1.08 : 1];
}

/** What the warm-up's loss measures, for its axis: the two tasks' losses are on different scales from the classifier's. */
export const WARMUP_LOSS_NAME = { denoise: 'squared error', rotate: 'cross-entropy of 4 turns' } as const;

/**
 * The loss chart's aligned series with a warm-up: its epochs first (x = 1 … its losses so far),
 * then the run's epochs shifted past the `offset` epochs the warm-up takes; each series null where
 * the other has its point (uPlot draws no line there).
 */
export function withWarmup(warmupLoss: readonly number[], offset: number, x: ArrayLike<number>, y: ArrayLike<number>): [number[], (number | null)[], (number | null)[]] {
  const xs: number[] = [];
  const run: (number | null)[] = [];
  const warmup: (number | null)[] = [];
  warmupLoss.forEach((loss, i) => {
    xs.push(i + 1);
    run.push(null);
    warmup.push(Number.isFinite(loss) ? loss : null);
  });
  for (let i = 0; i < x.length; i++) {
    xs.push(x[i] + offset);
    run.push(Number.isFinite(y[i]) ? y[i] : null);
    warmup.push(null);
  }
  return [xs, run, warmup];
}
