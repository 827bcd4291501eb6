import { expect, test } from 'vitest';
import { lossRange, withWarmup } from '../../../app/charts/lossData.ts';

test("the warm-up's epochs come first on their own series, and the run's epochs follow past the epochs it takes", () => {
  const [x, run, warmup] = withWarmup([0.9, 0.4], 5, [1, 2, 3], [0.7, Number.NaN, 0.3]);
  expect(x).toEqual([1, 2, 6, 7, 8]);
  expect(run).toEqual([null, null, 0.7, null, 0.3]);
  expect(warmup).toEqual([0.9, 0.4, null, null, null]);
  // Each axis spans its own series: the warm-up's squared error does not squash the classifier's loss.
  expect(lossRange(run as number[])).toEqual([0, 0.7 * 1.08]);
  expect(lossRange(warmup as number[])).toEqual([0, 0.9 * 1.08]);
});
