import { describe, expect, test } from 'vitest';
import { admitsSomethingNew, selectPseudoLabels, teacherVerdict, type Selection } from '../../src/selftrain/selection.ts';

const rule = { select: 'threshold' as const, tau: 0.8, percent: 50, k: 1 };

/** Eight pool rows over two classes; confidences chosen so each strategy's cut is obvious. */
const probabilities = new Float32Array([
  0.95, 0.05, // 0: class 0, 0.95
  0.6, 0.4, //   1: class 0, 0.6
  0.1, 0.9, //   2: class 1, 0.9
  0.3, 0.7, //   3: class 1, 0.7
  0.85, 0.15, // 4: class 0, 0.85
  0.45, 0.55, // 5: class 1, 0.55
  0.7, 0.3, //   6: class 0, 0.7
  0.2, 0.8, //   7: class 1, 0.8
]);
const verdict = teacherVerdict(probabilities, 2);

function rows(selection: Selection): number[] {
  return Array.from(selection.indices);
}

describe('teacherVerdict', () => {
  test('argmax and its probability, ties to the lower class', () => {
    expect(Array.from(verdict.labels)).toEqual([0, 0, 1, 1, 0, 1, 0, 1]);
    expect(verdict.confidence[2]).toBeCloseTo(0.9);
    const tie = teacherVerdict(new Float32Array([0.5, 0.5]), 2);
    expect(tie.labels[0]).toBe(0);
  });
});

describe('selectPseudoLabels', () => {
  test('threshold admits confidence >= tau, including equality', () => {
    expect(rows(selectPseudoLabels(verdict, 2, { ...rule, tau: 0.82 }, 1))).toEqual([0, 2, 4]);
    const atTau = selectPseudoLabels(verdict, 2, { ...rule, tau: Math.fround(0.8) }, 1);
    expect(rows(atTau)).toEqual([0, 2, 4, 7]);
    expect(Array.from(atTau.labels)).toEqual([0, 1, 0, 1]);
  });

  test('curriculum admits the top min(100, g·percent)% per predicted class', () => {
    const curriculum = { ...rule, select: 'curriculum' as const, percent: 25 };
    // 4 rows per class: 25% → 1 each, 50% → 2 each, 125% → all.
    expect(rows(selectPseudoLabels(verdict, 2, curriculum, 1))).toEqual([0, 2]);
    expect(rows(selectPseudoLabels(verdict, 2, curriculum, 2))).toEqual([0, 2, 4, 7]);
    expect(rows(selectPseudoLabels(verdict, 2, curriculum, 5))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  test('curriculum ranks within each class, so an unsure class still gets its share', () => {
    const skewed = teacherVerdict(new Float32Array([0.99, 0.01, 0.98, 0.02, 0.97, 0.03, 0.4, 0.6, 0.45, 0.55]), 2);
    const picked = selectPseudoLabels(skewed, 2, { ...rule, select: 'curriculum', percent: 50 }, 1);
    // Class 0 has 3 rows (round(1.5) = 2 admitted), class 1 has 2 (1 admitted); a global top half would take class 0 only.
    expect(rows(picked)).toEqual([0, 1, 3]);
  });

  test('balanced admits the top g·k per predicted class, capped by the class size', () => {
    const balanced = { ...rule, select: 'balanced' as const, k: 1 };
    expect(rows(selectPseudoLabels(verdict, 2, balanced, 1))).toEqual([0, 2]);
    expect(rows(selectPseudoLabels(verdict, 2, balanced, 3))).toEqual([0, 2, 3, 4, 6, 7]);
    expect(rows(selectPseudoLabels(verdict, 2, balanced, 10))).toHaveLength(8);
  });

  test('equal confidences go to the lower row', () => {
    const flat = teacherVerdict(new Float32Array([0.7, 0.3, 0.7, 0.3, 0.7, 0.3]), 2);
    expect(rows(selectPseudoLabels(flat, 2, { ...rule, select: 'balanced', k: 2 }, 1))).toEqual([0, 1]);
  });

  test('a class nobody predicts contributes nothing', () => {
    const picked = selectPseudoLabels(verdict, 3, { ...rule, select: 'balanced', k: 1 }, 1);
    expect(Array.from(picked.labels)).toEqual([0, 1]);
  });
});

describe('admitsSomethingNew', () => {
  const make = (indices: number[], labels: number[]): Selection => ({
    indices: Int32Array.from(indices),
    labels: Int32Array.from(labels),
    confidence: new Float32Array(indices.length),
  });
  test('a new row or a relabelled row is new; a subset is not', () => {
    const previous = make([1, 4, 6], [0, 1, 0]);
    expect(admitsSomethingNew(previous, make([1, 6], [0, 0]))).toBe(false);
    expect(admitsSomethingNew(previous, make([1, 4, 6], [0, 1, 0]))).toBe(false);
    expect(admitsSomethingNew(previous, make([1, 5], [0, 0]))).toBe(true);
    expect(admitsSomethingNew(previous, make([1, 4], [0, 0]))).toBe(true);
    expect(admitsSomethingNew(make([], []), make([], []))).toBe(false);
    expect(admitsSomethingNew(make([], []), make([0], [0]))).toBe(true);
  });
});
