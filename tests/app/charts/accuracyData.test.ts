import { expect, test } from 'vitest';
import { accuracyRange, accuracySeries } from '../../../app/charts/accuracyData.ts';
import { generationResult } from '../store/fixtures.ts';

test('one point per generation up to the planned last, in percent, with flat reference lines', () => {
  const series = accuracySeries({
    results: [generationResult(0, 0.8), generationResult(1, 0.85, 0.9)],
    baseline: 0.8,
    oracle: 0.95,
    totalGenerations: 3,
  });
  expect(series[0]).toEqual([0, 1, 2, 3]);
  expect(series[1]).toEqual([80, 85, null, null]);
  expect(series[2]).toEqual([null, 90, null, null]);
  expect(series[3]).toEqual([80, 80, 80, 80]);
  expect(series[4]).toEqual([95, 95, 95, 95]);
});

test('an empty chart still has an x axis and a 0-100 y axis', () => {
  const series = accuracySeries({ results: [], baseline: null, oracle: null, totalGenerations: 0 });
  expect(series[0]).toEqual([0, 1]);
  expect(accuracyRange(series)).toEqual([0, 100]);
});

test('the y axis starts a round ten below the lowest value', () => {
  const series = accuracySeries({ results: [generationResult(0, 0.62)], baseline: 0.62, oracle: 0.9, totalGenerations: 2 });
  expect(accuracyRange(series)).toEqual([50, 100]);
});
