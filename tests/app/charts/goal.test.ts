import { expect, test } from 'vitest';
import { accuracyRange, accuracySeries } from '../../../app/charts/accuracyData.ts';
import { lineWidth, PRESENT_MIN_LINE } from '../../../app/charts/chartTheme.ts';
import { goalGeneration, goalText } from '../../../app/charts/goal.ts';
import { generationResult } from '../store/fixtures.ts';

const results = [generationResult(0, 0.82), generationResult(1, 0.89, 0.9), generationResult(2, 0.9, 0.9), generationResult(3, 0.95, 0.9)];

test('the goal is reached by the first generation whose test accuracy is at least the goal, float rounding aside', () => {
  expect(goalGeneration(results, 90)).toBe(2);
  expect(goalGeneration(results, 80)).toBe(0);
  expect(goalGeneration(results, 95.5)).toBeNull();
  expect(goalGeneration([], 50)).toBeNull();
  // 0.29 * 100 is 28.999999999999996: still a goal of 29 met.
  expect(goalGeneration([generationResult(0, 0.29)], 29)).toBe(0);
});

test('the sentence under the chart: the target, the generation that reached it, or a finished run that fell short', () => {
  expect(goalText(90, null, false)).toBe('Goal: 90% test accuracy.');
  expect(goalText(90, 3, false)).toBe('Goal of 90% reached in generation 3.');
  expect(goalText(90, 3, true)).toBe('Goal of 90% reached in generation 3.');
  expect(goalText(97.5, null, true)).toBe('Goal of 97.5% not reached in this run: try changing one setting.');
});

test('the y range takes in a goal below every point, so its line is on the chart', () => {
  const series = accuracySeries({ results, baseline: 0.82, oracle: 0.96, totalGenerations: 3 });
  expect(accuracyRange(series)).toEqual([70, 100]);
  expect(accuracyRange(series, 50)).toEqual([40, 100]);
  expect(accuracyRange(series, 99)).toEqual([70, 100]);
});

test('presenter mode draws no line thinner than 3 px, and doubles the rest', () => {
  expect([1, 1.5, 2, 2.5].map((width) => lineWidth(width, true))).toEqual([PRESENT_MIN_LINE, 3, 4, 5]);
  expect(lineWidth(1.5, false)).toBe(1.5);
});
