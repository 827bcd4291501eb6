import { describe, expect, test } from 'vitest';
import { decodeLink, encodeLink } from '../../src/config/codec.ts';
import { encodePoints } from '../../src/data/customPoints.ts';
import { runCollecting, withoutTimes } from './fixtures.ts';
import { clusterPoints } from '../data/clusterPoints.ts';

const LINK = `v=1&data=custom&points=${encodePoints(clusterPoints())}&labels=6&hidden=8&epochs=10&k=5&gens=2&seed=3&backend=cpu&labeler=engine`;

describe('a data=custom link', () => {
  test('decodes without notes to three classes, and encodes back to the same points', () => {
    const { config, notes } = decodeLink(LINK);
    expect(notes).toEqual([]);
    expect(config.data).toBe('custom');
    expect(config.classes).toBe(3);
    expect(decodeLink(encodeLink(config)).config).toEqual(config);
  });

  test('runs on the CPU backend to the same numbers twice, pseudo-labelling the pool it set aside', async () => {
    const { config } = decodeLink(LINK);
    const first = await runCollecting(config);
    const second = await runCollecting(config);
    expect(withoutTimes(second.result)).toEqual(withoutTimes(first.result));
    const generations = first.result.generations;
    // 60 classed points: 6 labels, a quarter of the other 54 (14) to test, 40 in the pool; k=5 per class a generation.
    expect(generations.map((g) => g.pseudoLabels)).toEqual([0, 15, 30]);
    expect(generations.at(-1)!.coverage).toBe(30 / 40);
    expect(generations.at(-1)!.pseudoLabelAccuracy).toBeGreaterThan(0.8);
    expect(generations.every((g) => g.testAccuracy > 0.6 && Number.isInteger(g.testAccuracy * 14))).toBe(true);
  });
});
