import { describe, expect, test } from 'vitest';
import { UNCLASSED } from '../../src/data/types.ts';
import { committeeVeto, criticMetrics } from '../../src/selftrain/critic.ts';
import type { Selection } from '../../src/selftrain/selection.ts';
import { runCollecting, smallConfig } from './fixtures.ts';

const selection = (indices: number[], labels: number[]): Selection => ({
  indices: Int32Array.from(indices),
  labels: Int32Array.from(labels),
  confidence: Float32Array.from(indices, (row) => 0.5 + row / 100),
});

describe('committeeVeto', () => {
  // Pool rows 0-4; three members' classes per row.
  const committee = [Int32Array.of(0, 1, 1, 0, 2), Int32Array.of(0, 1, 0, 0, 2), Int32Array.of(1, 1, 0, 1, 2)];
  const candidates = selection([0, 2, 3, 4], [0, 1, 1, 2]);

  test('admits a candidate only where at least agree members predict its label, keeping row order', () => {
    // Votes for the teacher's label: row 0 → 2, row 2 → 1, row 3 → 1, row 4 → 3.
    const two = committeeVeto(candidates, committee, 2);
    expect(Array.from(two.admitted.indices)).toEqual([0, 4]);
    expect(Array.from(two.vetoed.indices)).toEqual([2, 3]);
    expect(Array.from(two.vetoed.labels)).toEqual([1, 1]);
    expect(two.vetoed.confidence[0]).toBe(candidates.confidence[1]);
    expect(Array.from(committeeVeto(candidates, committee, 3).admitted.indices)).toEqual([4]);
    expect(committeeVeto(candidates, committee, 1).vetoed.indices).toHaveLength(0);
  });

  test('a committee of one, the teacher, agrees with itself: nothing is vetoed', () => {
    const teacher = Int32Array.of(0, 0, 1, 1, 2);
    expect(committeeVeto(candidates, [teacher], 1).admitted).toEqual(candidates);
  });
});

describe('criticMetrics', () => {
  const truth = Int32Array.of(0, 1, 0, 1, 2);
  const candidates = selection([0, 1, 2, 3, 4], [0, 0, 1, 1, 2]); // rows 1 and 2 wrong

  test('precision is the share of vetoes that were wrong labels, recall the share of wrong labels vetoed', () => {
    const vetoed = selection([1, 3], [0, 1]); // one right veto (row 1), one wrong (row 3)
    expect(criticMetrics(candidates, vetoed, truth)).toEqual({ vetoed: 2, vetoedWrong: 1, precision: 0.5, recall: 0.5 });
    expect(criticMetrics(candidates, selection([1, 2], [0, 1]), truth)).toEqual({ vetoed: 2, vetoedWrong: 2, precision: 1, recall: 1 });
  });

  test('no vetoes: precision null; a teacher with no mistakes: recall null', () => {
    expect(criticMetrics(candidates, selection([], []), truth)).toEqual({ vetoed: 0, vetoedWrong: 0, precision: null, recall: 0 });
    const allRight = selection([0, 3, 4], [0, 1, 2]);
    expect(criticMetrics(allRight, selection([3], [1]), truth)).toEqual({ vetoed: 1, vetoedWrong: 0, precision: 0, recall: null });
    expect(criticMetrics(allRight, selection([], []), truth)).toEqual({ vetoed: 0, vetoedWrong: 0, precision: null, recall: null });
  });

  test('a veto of a row without a class counts as a veto and is never scored', () => {
    // Rows 5 and 6 have no class: the teacher calls them 0 and 1, and the committee vetoes both and row 1.
    const withUnclassed = Int32Array.of(0, 1, 0, 1, 2, UNCLASSED, UNCLASSED);
    const candidatesToo = selection([0, 1, 2, 3, 4, 5, 6], [0, 0, 1, 1, 2, 0, 1]);
    expect(criticMetrics(candidatesToo, selection([1, 5, 6], [0, 0, 1]), withUnclassed)).toEqual({ vetoed: 3, vetoedWrong: 1, precision: 1, recall: 0.5 });
    expect(criticMetrics(candidatesToo, selection([5], [0]), withUnclassed)).toEqual({ vetoed: 1, vetoedWrong: 0, precision: null, recall: 0 });
  });
});

describe('a critic in the loop (CPU)', () => {
  test('without a critic no generation has one; students=1 under a committee vetoes nothing', async () => {
    const { result: none } = await runCollecting(smallConfig());
    expect(none.generations.every((g) => g.critic === undefined)).toBe(true);
    const { result: lone } = await runCollecting(smallConfig({ critic: 'committee', agree: 1 }));
    expect(lone.generations[0].critic).toBeUndefined();
    for (const g of lone.generations.slice(1)) expect(g.critic).toMatchObject({ vetoed: 0, precision: null });
    expect(lone.generations.map((g) => g.testAccuracy)).toEqual(none.generations.map((g) => g.testAccuracy));
  });

  // On four noisy blobs from one label each the generation-0 students disagree where the teacher
  // is wrong. (On the confirmation-bias presets they share the teacher's mistakes and catch few
  // of them: docs/critic.md.)
  test('on noisy blobs with four students and agree=3 it vetoes labels, and what it admits is at least as right as what the teacher offered', async () => {
    const config = smallConfig({ data: 'gauss', classes: 4, labels: 4, noise: 30, select: 'threshold', tau: 0.6, student: 'fresh', soft: false, students: 4, critic: 'committee', agree: 3 });
    const { result, events } = await runCollecting(config);
    const later = result.generations.slice(1);
    expect(later.length).toBeGreaterThan(0);
    expect(later.reduce((sum, g) => sum + g.critic!.vetoed, 0)).toBeGreaterThan(0);
    for (const event of events) {
      if (event.type !== 'generation' || event.result.generation === 0) continue;
      const { result: g, pseudo } = event;
      const critic = g.critic!;
      expect(pseudo.vetoed!.indices).toHaveLength(critic.vetoed);
      // The teacher's candidates are the admitted plus the vetoed.
      const offered = g.pseudoLabels + critic.vetoed;
      const offeredRight = (g.pseudoLabelAccuracy ?? 0) * g.pseudoLabels + (critic.vetoed - critic.vetoedWrong);
      if (g.pseudoLabels > 0 && offered > 0) expect(g.pseudoLabelAccuracy!).toBeGreaterThanOrEqual(offeredRight / offered - 1e-12);
    }
    expect(result.generations[1].critic).toMatchObject({ vetoed: 15, vetoedWrong: 12, precision: 0.8 });
  });
});
