// On a shared machine other work slows some stretches of a run. The bench runs its whole plan in
// rounds, so each engine is measured at different times, and keeps each row's best round: load
// only ever makes an engine look slower, never faster.
import type { BenchRow } from './types.ts';

/**
 * One row per (workload, engine) in first-round order: the metrics of the round with the most
 * samples/s, but msToFirstStep from the first successful round (later rounds may reuse the
 * browser's shader cache, so only the first is a cold start). Failed everywhere: the first failure.
 */
export function bestOfRounds(rounds: readonly (readonly BenchRow[])[]): BenchRow[] {
  const first = rounds[0] ?? [];
  return first.map((row) => {
    const all = rounds.map((round) => round.find((other) => other.workload === row.workload && other.engine === row.engine)).filter((other): other is BenchRow => other !== undefined);
    const succeeded = all.filter((other) => other.error === null && other.samplesPerSecond !== null);
    if (succeeded.length === 0) return { ...row, roundSamplesPerSecond: [] };
    const best = succeeded.reduce((a, b) => ((b.samplesPerSecond ?? 0) > (a.samplesPerSecond ?? 0) ? b : a));
    return { ...best, msToFirstStep: succeeded[0].msToFirstStep, roundSamplesPerSecond: all.map((other) => other.samplesPerSecond) };
  });
}

/** (max - min) / max of a row's rounds, or null with fewer than two successful rounds. */
export function roundSpread(row: BenchRow): number | null {
  const rates = (row.roundSamplesPerSecond ?? []).filter((rate): rate is number => rate !== null);
  if (rates.length < 2) return null;
  const max = Math.max(...rates);
  return max > 0 ? (max - Math.min(...rates)) / max : null;
}
