import type { GenerationResult } from '../../src/selftrain/events.ts';

export interface AccuracyInputs {
  results: readonly GenerationResult[];
  baseline: number | null;
  oracle: number | null;
  /** Generations after generation 0: the x axis runs 0..totalGenerations. */
  totalGenerations: number;
}

/** The series the accuracy chart draws, in percent: x, test, pseudo-label, baseline, oracle. */
export type AccuracySeries = [number[], (number | null)[], (number | null)[], (number | null)[], (number | null)[]];

const toPercent = (fraction: number | null | undefined): number | null =>
  fraction === null || fraction === undefined || !Number.isFinite(fraction) ? null : fraction * 100;

/**
 * One point per generation 0..totalGenerations (null where none yet), and the baseline and
 * oracle as flat lines across the whole axis once they are known.
 */
export function accuracySeries({ results, baseline, oracle, totalGenerations }: AccuracyInputs): AccuracySeries {
  const last = Math.max(1, totalGenerations, ...results.map((row) => row.generation));
  const x = Array.from({ length: last + 1 }, (_, g) => g);
  const byGeneration = new Map(results.map((row) => [row.generation, row]));
  const test = x.map((g) => toPercent(byGeneration.get(g)?.testAccuracy));
  const pseudo = x.map((g) => toPercent(byGeneration.get(g)?.pseudoLabelAccuracy));
  const baselineLine = x.map(() => toPercent(baseline));
  const oracleLine = x.map(() => toPercent(oracle));
  return [x, test, pseudo, baselineLine, oracleLine];
}

/**
 * The y range in percent: up to 100, down to a round 10 below the lowest value shown,
 * so the differences between generations stay visible. [0, 100] while empty.
 */
export function accuracyRange(series: AccuracySeries): [number, number] {
  let lowest = Infinity;
  for (const line of series.slice(1) as (number | null)[][]) {
    for (const value of line) if (value !== null && value < lowest) lowest = value;
  }
  if (!Number.isFinite(lowest)) return [0, 100];
  return [Math.max(0, Math.floor((lowest - 5) / 10) * 10), 100];
}
