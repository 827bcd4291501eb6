import { describe, expect, it } from 'vitest';
import type { CustomPoint } from '../../src/data/customPoints.ts';
import { customClasses, makeCustomSplit } from '../../src/data/customSplit.ts';
import { SplitError } from '../../src/data/split.ts';
import { countUnclassed, UNCLASSED, type Dataset } from '../../src/data/types.ts';

/** 20 points of class 0 left, 20 of class 1 right, 20 of class 2 up top, and 5 unlabelled in the middle. */
function classPoints(): CustomPoint[] {
  const points: CustomPoint[] = [];
  for (let i = 0; i < 20; i++) {
    points.push({ x: -4 + (i % 5) * 0.1, y: i * 0.2 - 2, label: 0 });
    points.push({ x: 4 - (i % 5) * 0.1, y: i * 0.2 - 2, label: 1 });
    points.push({ x: i * 0.2 - 2, y: 4.5, label: 2 });
  }
  for (let i = 0; i < 5; i++) points.push({ x: 0, y: i * 0.1 });
  return points;
}

const keys = (set: Dataset): string[] => Array.from({ length: set.n }, (_, i) => `${set.x[2 * i]},${set.x[2 * i + 1]},${set.y[i]}`);
const perClass = (set: Dataset, classes: number): number[] => Array.from({ length: classes }, (_, c) => set.y.filter((label) => label === c).length);

describe('makeCustomSplit', () => {
  it('shows the model a balanced few, sets a quarter of the rest aside to test, and pools the others', () => {
    const split = makeCustomSplit(classPoints(), { labels: 7, audit: 0, seed: 3 });
    expect(customClasses(classPoints())).toBe(3);
    expect(split.classNames).toEqual(['class 0', 'class 1', 'class 2']);
    expect(perClass(split.labelled, 3)).toEqual([3, 2, 2]);
    expect(split.test.n).toBe(13);
    expect(split.pool.n).toBe(45);
    expect(split.audit).toBeUndefined();
    const all = [...keys(split.labelled), ...keys(split.test), ...keys(split.pool)];
    // Every point once: the classed ones wherever the seed puts them, the unclassed ones in the pool only.
    expect(new Set(all).size).toBe(65);
    expect(all.filter((key) => key.endsWith(`,${UNCLASSED}`))).toEqual(keys(split.pool).slice(40));
    expect(countUnclassed(split.pool.y)).toBe(5);
    expect(perClass(split.pool, 3).reduce((sum, count) => sum + count, 0)).toBe(40);
  });

  it('adds the points without a class to the pool, in an order drawn by seed, and splits the classed ones as it would without them', () => {
    const classed = classPoints().filter((point) => point.label !== undefined);
    for (const spec of [{ labels: 7, audit: 0, seed: 3 }, { labels: 6, audit: 6, seed: 11 }]) {
      const withUnclassed = makeCustomSplit(classPoints(), spec);
      const without = makeCustomSplit(classed, spec);
      expect(withUnclassed.labelled).toEqual(without.labelled);
      expect(withUnclassed.test).toEqual(without.test);
      expect(withUnclassed.audit).toEqual(without.audit);
      expect(keys(withUnclassed.pool).slice(0, without.pool.n)).toEqual(keys(without.pool));
    }
    const order = (seed: number) => keys(makeCustomSplit(classPoints(), { labels: 7, audit: 0, seed }).pool).slice(40);
    expect(order(3)).toEqual(order(3));
    expect(order(3)).not.toEqual(order(4));
    expect(new Set(order(4))).toEqual(new Set(order(3)));
  });

  it('draws the same parts from the same seed and other ones from another', () => {
    const spec = { labels: 6, audit: 6, seed: 11 };
    const first = makeCustomSplit(classPoints(), spec);
    expect(makeCustomSplit(classPoints(), spec)).toEqual(first);
    expect(perClass(first.audit!, 3)).toEqual([2, 2, 2]);
    expect(keys(makeCustomSplit(classPoints(), { ...spec, seed: 12 }).labelled)).not.toEqual(keys(first.labelled));
  });

  it('makes up a short class from the others', () => {
    const points = [...classPoints().filter((point) => point.label !== 2), { x: 0, y: 5, label: 2 }];
    expect(perClass(makeCustomSplit(points, { labels: 9, audit: 0, seed: 1 }).labelled, 3)).toEqual([4, 4, 1]);
  });

  it('says how many classed points it needs when there are too few', () => {
    const points = classPoints().slice(0, 9);
    expect(() => makeCustomSplit(points, { labels: 8, audit: 0, seed: 1 })).toThrow(SplitError);
    expect(() => makeCustomSplit(points, { labels: 8, audit: 0, seed: 1 })).toThrow('need at least 10 points with a class (a pool and a test set too); there are 9');
  });
});
