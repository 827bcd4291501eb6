import { expect, test } from 'vitest';
import { accuracyLegend, accuracyRange, accuracySeries, AUDIT_SERIES, populationNote, populationSize, STUDENT_SERIES } from '../../../app/charts/accuracyData.ts';
import type { GenerationResult } from '../../../src/selftrain/events.ts';
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
  // One student: no band, no mean; no audit: none of its lines; no pinned run: no ghost line.
  expect(series.slice(5)).toEqual(Array.from({ length: 11 }, () => Array(4).fill(null)));
});

const withStudents = (result: GenerationResult, testAccuracy: (number | null)[], best: number): GenerationResult => ({
  ...result,
  testAccuracy: testAccuracy[best]!,
  students: { testAccuracy, judge: 'agreement', agreement: testAccuracy.map(() => 0.9), best },
});

test("a population's band runs from its worst to its best student, with the mean between", () => {
  const results = [withStudents(generationResult(0, 0), [0.7, 0.8, 0.75, 0.85], 2), withStudents(generationResult(1, 0, 0.9), [0.9, 0.8, 0.85, 0.85], 0)];
  const series = accuracySeries({ results, baseline: 0.75, oracle: 0.95, totalGenerations: 2 });
  const rounded = (line: (number | null)[]) => line.map((value) => (value === null ? null : Math.round(value * 1000) / 1000));
  expect(rounded(series[1])).toEqual([75, 90, null]);
  expect(rounded(series[STUDENT_SERIES.max])).toEqual([85, 90, null]);
  expect(rounded(series[STUDENT_SERIES.min])).toEqual([70, 80, null]);
  expect(rounded(series[STUDENT_SERIES.mean])).toEqual([77.5, 85, null]);
  expect(accuracyRange(series)).toEqual([60, 100]);
  expect(populationSize(results)).toBe(4);
  expect(populationSize([generationResult(0, 0.8)])).toBe(1);
});

test('a dropped student (null) is in neither the band nor the mean', () => {
  const series = accuracySeries({ results: [withStudents(generationResult(0, 0), [0.7, null, 0.8], 2)], baseline: 0.8, oracle: null, totalGenerations: 1 });
  expect(series[STUDENT_SERIES.min][0]).toBeCloseTo(70);
  expect(series[STUDENT_SERIES.max][0]).toBeCloseTo(80);
  expect(series[STUDENT_SERIES.mean][0]).toBeCloseTo(75);
});

test('the legend names the band and the mean, and says who chose the test line, only for a population', () => {
  expect(accuracyLegend(1).map((entry) => entry.label)).toEqual(['Test accuracy', 'Pseudo-label accuracy', 'Labelled only (generation 0)', 'Oracle (all labels)']);
  const labels = accuracyLegend(8).map((entry) => entry.label);
  expect(labels.slice(0, 3)).toEqual(['Test accuracy: best of 8 students, judged by agreement (no labels)', 'Students min–max (8)', 'Students mean']);
  expect(accuracyLegend(8)[1].style).toBe('band');
  expect(populationNote(1)).toBe('');
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

test("an audit draws its estimate and interval per generation, the labels + audit line, and rings the gate's rejected generations", () => {
  const audit = (estimate: number) => ({ size: 20, accuracy: [estimate], estimate, low: estimate - 0.2, high: 1 });
  const results: GenerationResult[] = [
    { ...generationResult(0, 0.8), audit: audit(0.85) },
    { ...generationResult(1, 0.75, 0.9), audit: audit(0.8), gate: { accepted: false, challenger: 0.8, champion: 0.85, reason: 'r' } },
  ];
  const series = accuracySeries({ results, baseline: 0.8, oracle: 0.95, withAudit: 0.82, totalGenerations: 2 });
  const rounded = (line: (number | null)[]) => line.map((value) => (value === null ? null : Math.round(value * 1000) / 1000));
  expect(rounded(series[AUDIT_SERIES.estimate])).toEqual([85, 80, null]);
  expect(rounded(series[AUDIT_SERIES.low])).toEqual([65, 60, null]);
  expect(series[AUDIT_SERIES.high]).toEqual([100, 100, null]);
  expect(series[AUDIT_SERIES.withAudit]).toEqual([82, 82, 82]);
  expect(series[AUDIT_SERIES.rejected]).toEqual([null, 75, null]);
  const labels = accuracyLegend(4, 20, true).map((entry) => entry.label);
  expect(labels[0]).toBe('Test accuracy: best of 4 students, judged by the audit (20 checked examples)');
  expect(labels.slice(-4)).toEqual([
    'Audit estimate (20 checked examples)',
    'Audit interval (95% for the best of the students)',
    'Labels + audit (generation 0 trained on the 20 too)',
    'Rejected by the gate (the champion taught on)',
  ]);
  expect(populationNote(4, 20)).toBe('best of 4 students, judged by the audit (20 checked examples)');
});
