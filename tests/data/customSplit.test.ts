import { describe, expect, it } from 'vitest';
import type { CustomPoint } from '../../src/data/customPoints.ts';
import { customClasses, makeCustomSplit } from '../../src/data/customSplit.ts';
import { SplitError } from '../../src/data/split.ts';
import type { Dataset } from '../../src/data/types.ts';

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
    expect(split.pool.n).toBe(40);
    expect(split.audit).toBeUndefined();
    const all = [...keys(split.labelled), ...keys(split.test), ...keys(split.pool)];
    // Every classed point once, and no unlabelled one.
    expect(new Set(all).size).toBe(60);
    expect(all.filter((key) => key.startsWith('0,') && !key.endsWith(',2'))).toEqual([]);
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
