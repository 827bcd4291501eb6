import { expect, test } from 'vitest';
import { UNCLASSED } from '../../src/data/types.ts';
import { accuracy, labelAccuracy, pseudoLabelMetrics } from '../../src/selftrain/metrics.ts';

test('accuracy counts argmax hits, ties to the lower class', () => {
  const probabilities = new Float32Array([0.9, 0.1, 0.5, 0.5, 0.2, 0.8, 0.3, 0.7]);
  expect(accuracy(probabilities, Int32Array.from([0, 0, 1, 0]), 2)).toBe(0.75);
  expect(accuracy(new Float32Array(0), new Int32Array(0), 2)).toBe(0);
});

test('labelAccuracy counts predicted classes equal to the labels', () => {
  expect(labelAccuracy(Int32Array.from([0, 0, 1, 1]), Int32Array.from([0, 0, 1, 0]))).toBe(0.75);
  expect(labelAccuracy(new Int32Array(0), new Int32Array(0))).toBe(0);
});

test('pseudo-label metrics against the true pool labels', () => {
  const poolLabels = Int32Array.from([0, 1, 2, 1, 0]);
  const selection = { indices: Int32Array.from([0, 1, 3]), labels: Int32Array.from([0, 2, 1]), confidence: new Float32Array([0.9, 0.6, 0.9]) };
  const metrics = pseudoLabelMetrics(selection, poolLabels, 3);
  expect(metrics.pseudoLabelAccuracy).toBeCloseTo(2 / 3);
  expect(metrics.coverage).toBeCloseTo(0.6);
  expect(metrics.pseudoLabels).toBe(3);
  expect(metrics.perClass).toEqual([1, 1, 1]);
  // Row 1 is called 2 but is 1: class 2's one pseudo-label is wrong.
  expect(metrics.perClassRight).toEqual([1, 1, 0]);
  expect(metrics.meanConfidence).toBeCloseTo(0.8, 6);
});

test('pool rows without a class are counted as pseudo-labels and in the confidence, never scored', () => {
  // The pool of the test above with two unclassed rows (5 and 6) the teacher also labelled.
  const poolLabels = Int32Array.from([0, 1, 2, 1, 0, UNCLASSED, UNCLASSED]);
  const selection = { indices: Int32Array.from([0, 1, 3, 5, 6]), labels: Int32Array.from([0, 2, 1, 2, 0]), confidence: new Float32Array([0.9, 0.6, 0.9, 0.5, 0.1]) };
  const metrics = pseudoLabelMetrics(selection, poolLabels, 3);
  expect(metrics.pseudoLabelAccuracy).toBeCloseTo(2 / 3);
  expect(metrics.coverage).toBeCloseTo(0.6);
  expect(metrics.pseudoLabels).toBe(5);
  expect(metrics.perClass).toEqual([1, 1, 1]);
  expect(metrics.perClassRight).toEqual([1, 1, 0]);
  expect(metrics.meanConfidence).toBeCloseTo(0.6, 6);
  // Only unclassed rows admitted: nothing to score.
  const unscored = { indices: Int32Array.from([5]), labels: Int32Array.from([1]), confidence: new Float32Array([0.7]) };
  expect(pseudoLabelMetrics(unscored, poolLabels, 3)).toMatchObject({ pseudoLabelAccuracy: null, coverage: 0, pseudoLabels: 1, perClass: [0, 0, 0] });
});

test('no pseudo-labels: accuracy null, coverage and confidence 0', () => {
  const none = { indices: new Int32Array(0), labels: new Int32Array(0), confidence: new Float32Array(0) };
  expect(pseudoLabelMetrics(none, Int32Array.from([0, 1]), 2)).toEqual({
    pseudoLabelAccuracy: null,
    coverage: 0,
    pseudoLabels: 0,
    perClass: [0, 0],
    perClassRight: [0, 0],
    meanConfidence: 0,
  });
});
