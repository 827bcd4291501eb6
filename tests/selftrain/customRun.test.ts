import { describe, expect, test } from 'vitest';
import { decodeLink, encodeLink } from '../../src/config/codec.ts';
import { encodePoints } from '../../src/data/customPoints.ts';
import { runCollecting, withoutTimes } from './fixtures.ts';
import { clusterPoints } from '../data/clusterPoints.ts';

const RECIPE = 'labels=6&hidden=8&epochs=10&k=5&gens=2&seed=3&backend=cpu&labeler=engine';
/** clusterPoints: 60 points with a class and 6 without. */
const LINK = `v=1&data=custom&points=${encodePoints(clusterPoints())}&${RECIPE}`;
const CLASSED_POINTS = encodePoints(clusterPoints().filter((point) => point.label !== undefined));

describe('a data=custom link', () => {
  test('decodes without notes to three classes, and encodes back to the same points', () => {
    const { config, notes } = decodeLink(LINK);
    expect(notes).toEqual([]);
    expect(config.data).toBe('custom');
    expect(config.classes).toBe(3);
    expect(decodeLink(encodeLink(config)).config).toEqual(config);
  });

  test('runs on the CPU backend to the same numbers twice, pseudo-labelling and training on the unclassed points without scoring them', async () => {
    const { config } = decodeLink(LINK);
    const first = await runCollecting(config);
    const second = await runCollecting(config);
    expect(withoutTimes(second.result)).toEqual(withoutTimes(first.result));
    const generations = first.result.generations;
    // 60 classed points: 6 labels, a quarter of the other 54 (14) to test, 40 in the pool, then the 6 unclassed
    // (pool rows 40-45); k=5 per class a generation, from the whole pool.
    expect(generations.map((g) => g.pseudoLabels)).toEqual([0, 15, 30]);
    const last = generations.at(-1)!;
    const scored = last.perClass.reduce((sum, count) => sum + count, 0);
    const pseudo = first.events.flatMap((event) => (event.type === 'generation' ? [event.pseudo] : [])).at(-1)!;
    const unclassedAdmitted = Array.from(pseudo.indices).filter((row) => row >= 40).length;
    expect(unclassedAdmitted).toBeGreaterThan(0);
    expect(scored).toBe(30 - unclassedAdmitted);
    expect(last.coverage).toBe(scored / 40);
    expect(last.pseudoLabelAccuracy).toBe(last.perClassRight.reduce((sum, count) => sum + count, 0) / scored);
    expect(generations.every((g) => g.testAccuracy > 0.6 && Number.isInteger(g.testAccuracy * 14))).toBe(true);

    // The oracle and generation 0 never see the unclassed rows: the same as without them.
    const { result: classedOnly } = await runCollecting(decodeLink(`v=1&data=custom&points=${CLASSED_POINTS}&${RECIPE}`).config);
    expect(first.result.oracle).toEqual(classedOnly.oracle);
    expect(generations[0]).toEqual({ ...classedOnly.generations[0], seconds: generations[0].seconds });
  });

  test('with every point classed, a run gives the numbers it gave before unclassed points joined the pool', async () => {
    const link = `v=1&data=custom&points=${CLASSED_POINTS}&labels=4&hidden=4&epochs=3&tau=0.6&select=threshold&gens=3&students=3&critic=committee&audit=6&seed=3&backend=cpu&labeler=engine`;
    const { result } = await runCollecting(decodeLink(link).config);
    const generations = result.generations;
    // Computed on main at 6cf52e9, before this change.
    expect(result.testSize).toBe(13);
    expect(result.oracle.testAccuracy * 13).toBeCloseTo(6, 9);
    expect(result.baseline.withAudit!.testAccuracy * 13).toBeCloseTo(6, 9);
    expect(generations.map((g) => Math.round(g.testAccuracy * 13))).toEqual([9, 9, 10, 10]);
    expect(generations.map((g) => g.pseudoLabels)).toEqual([0, 19, 26, 32]);
    expect(generations.map((g) => g.perClass)).toEqual([[0, 0, 0], [11, 0, 8], [15, 0, 11], [16, 3, 13]]);
    expect(generations.map((g) => g.perClassRight)).toEqual([[0, 0, 0], [10, 0, 8], [11, 0, 11], [11, 3, 13]]);
    expect(generations.map((g) => g.coverage)).toEqual([0, 19 / 37, 26 / 37, 32 / 37]);
    expect(generations.map((g) => g.meanConfidence)).toEqual([0, 0.7700551277712772, 0.8244896966677445, 0.8357605151832104]);
    expect(generations.map((g) => g.critic)).toEqual([
      undefined,
      { vetoed: 1, vetoedWrong: 1, precision: 1, recall: 0.5 },
      { vetoed: 0, vetoedWrong: 0, precision: null, recall: 0 },
      { vetoed: 0, vetoedWrong: 0, precision: null, recall: 0 },
    ]);
    expect(generations[0].students!.agreement).toEqual([0.10810810810810811, 0.40540540540540543, 0.4594594594594595]);
  });
});
