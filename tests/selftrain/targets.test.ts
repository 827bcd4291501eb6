import { describe, expect, test } from 'vitest';
import { UNCLASSED } from '../../src/data/types.ts';
import { buildOracleSet, buildTrainingSet, sharpen } from '../../src/selftrain/targets.ts';

describe('sharpen', () => {
  const probabilities = new Float32Array([0.6, 0.3, 0.1, 0.2, 0.2, 0.6]);

  test('p^(1/T) normalised per row', () => {
    const out = sharpen(probabilities, 3, 0.5);
    const row0 = [0.36, 0.09, 0.01].map((v) => v / 0.46);
    row0.forEach((v, c) => expect(out[c]).toBeCloseTo(v, 6));
    expect(out[3] + out[4] + out[5]).toBeCloseTo(1, 6);
  });

  test('T = 1 keeps the teacher, small T tends to one-hot, large T to uniform', () => {
    sharpen(probabilities, 3, 1).forEach((v, i) => expect(v).toBeCloseTo(probabilities[i], 6));
    const cold = sharpen(probabilities, 3, 0.01);
    expect(Array.from(cold).map((v) => Math.round(v))).toEqual([1, 0, 0, 0, 0, 1]);
    sharpen(probabilities, 3, 1000).forEach((v) => expect(v).toBeCloseTo(1 / 3, 2));
  });

  test('a tiny temperature does not underflow to NaN, and a zero probability stays zero', () => {
    const out = sharpen(new Float32Array([1e-30, 2e-30, 0]), 3, 0.05);
    expect(Array.from(out).every(Number.isFinite)).toBe(true);
    expect(out[1]).toBeCloseTo(1, 5);
    expect(out[2]).toBe(0);
  });
});

describe('buildTrainingSet', () => {
  const layout = { labelledLabels: Int32Array.from([1, 0]), poolSize: 3, classes: 2 };
  const selection = { indices: Int32Array.from([0, 2]), labels: Int32Array.from([1, 0]), confidence: new Float32Array([0.9, 0.8]) };

  test('labelled rows one-hot with their weight, admitted pool rows after them with weight 1', () => {
    const set = buildTrainingSet(layout, 3, selection, null);
    expect(Array.from(set.targets)).toEqual([0, 1, 1, 0, 0, 1, 0, 0, 1, 0]);
    expect(Array.from(set.weights)).toEqual([3, 3, 1, 0, 1]);
    expect(Array.from(set.order)).toEqual([0, 1, 2, 4]);
  });

  test('soft labels copy the sharpened teacher rows of admitted pool rows', () => {
    const soft = new Float32Array([0.2, 0.8, 0.5, 0.5, 0.7, 0.3]);
    const set = buildTrainingSet(layout, 1, selection, soft);
    expect(Array.from(set.targets.subarray(4))).toEqual(Array.from(new Float32Array([0.2, 0.8, 0, 0, 0.7, 0.3])));
  });
});

test('the oracle set holds every row with its true label and weight 1', () => {
  const set = buildOracleSet(Int32Array.from([1]), Int32Array.from([0, 1]), 2);
  expect(Array.from(set.targets)).toEqual([0, 1, 1, 0, 0, 1]);
  expect(Array.from(set.weights)).toEqual([1, 1, 1]);
  expect(Array.from(set.order)).toEqual([0, 1, 2]);
});

test('the oracle set leaves out pool rows without a class: no target, weight 0, never visited', () => {
  const set = buildOracleSet(Int32Array.from([1]), Int32Array.from([UNCLASSED, 0, UNCLASSED, 1]), 2);
  expect(Array.from(set.targets)).toEqual([0, 1, 0, 0, 1, 0, 0, 0, 0, 1]);
  expect(Array.from(set.weights)).toEqual([1, 0, 1, 0, 1]);
  expect(Array.from(set.order)).toEqual([0, 2, 4]);
});
