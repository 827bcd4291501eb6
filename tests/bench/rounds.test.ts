import { describe, expect, it } from 'vitest';
import { bestOfRounds, roundSpread } from '../../bench/report/rounds.ts';
import type { BenchRow } from '../../bench/report/types.ts';

function row(samplesPerSecond: number | null, msToFirstStep: number | null, error: string | null = null): BenchRow {
  return { workload: 'W1', engine: 'tfjs-cpu', samplesPerSecond, msToFirstStep, dispatchesPerStep: null, readbacksPerEpoch: null, gpuBytes: null, stepsPerEpoch: 8, error };
}

describe('bestOfRounds', () => {
  it('keeps the fastest round, with the cold first step of the first round', () => {
    const [best] = bestOfRounds([[row(100, 900)], [row(300, 50)], [row(200, 40)]]);
    expect(best.samplesPerSecond).toBe(300);
    expect(best.msToFirstStep).toBe(900);
    expect(best.roundSamplesPerSecond).toEqual([100, 300, 200]);
    expect(roundSpread(best)).toBeCloseTo(2 / 3);
  });

  it('uses a round that worked over one that failed, and the first failure when none worked', () => {
    expect(bestOfRounds([[row(null, null, 'timeout')], [row(250, 60)]])[0]).toMatchObject({ samplesPerSecond: 250, error: null, roundSamplesPerSecond: [null, 250] });
    expect(bestOfRounds([[row(null, null, 'first')], [row(null, null, 'second')]])[0].error).toBe('first');
  });

  it('has no spread with one round', () => {
    expect(roundSpread(bestOfRounds([[row(100, 1)]])[0])).toBeNull();
  });
});
