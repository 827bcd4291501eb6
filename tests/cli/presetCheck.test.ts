import { expect, test } from 'vitest';
import { presetVerdict, summarizeSeeds, type PresetMeasurement } from '../../src/cli/presetCheck.ts';
import type { ExperimentResult, GenerationResult } from '../../src/selftrain/events.ts';
import { smallConfig } from '../selftrain/fixtures.ts';

function run(seed: number, test: number[], pseudo: (number | null)[], oracle = 0.95): ExperimentResult {
  const generations = test.map(
    (testAccuracy, generation): GenerationResult => ({
      generation,
      testAccuracy,
      pseudoLabelAccuracy: pseudo[generation],
      coverage: 0,
      pseudoLabels: 0,
      perClass: [0, 0],
      perClassRight: [0, 0],
      meanConfidence: 0,
      seconds: 0,
    }),
  );
  return { link: '', config: smallConfig({ seed }), backend: 'cpu', adapter: '', testSize: 1, baseline: { testAccuracy: test[0] }, oracle: { testAccuracy: oracle }, generations };
}

test('summarizeSeeds carries a run that stopped early forward with its last values', () => {
  const summary = summarizeSeeds([run(1, [0.8, 0.9, 0.92], [null, 0.9, 0.8]), run(2, [0.6, 0.7], [null, 1])]);
  expect(summary.seeds).toEqual([1, 2]);
  expect(summary.baseline).toBeCloseTo(0.7);
  expect(summary.last).toBeCloseTo(0.81);
  expect(summary.testAccuracy.map((v) => +v.toFixed(3))).toEqual([0.7, 0.8, 0.81]);
  expect(summary.pseudoLabelAccuracy.map((v) => +v.toFixed(3))).toEqual([0.95, 0.9]);
  expect(summary.firstPseudoLabelAccuracy).toBeCloseTo(0.95);
  expect(summary.lastPseudoLabelAccuracy).toBeCloseTo(0.9);
});

const measurement = (overrides: Partial<PresetMeasurement>): PresetMeasurement => ({
  seeds: [42],
  baseline: 0.8,
  last: 0.8,
  oracle: 0.99,
  testAccuracy: [],
  pseudoLabelAccuracy: [0.9, 0.85],
  firstPseudoLabelAccuracy: 0.9,
  lastPseudoLabelAccuracy: 0.85,
  longerBaseline: null,
  ...overrides,
});

test('a gain preset needs +5 points over generation 0, or to come within 2 of the oracle', () => {
  expect(presetVerdict('gain', measurement({ last: 0.851 })).met).toBe(true);
  expect(presetVerdict('gain', measurement({ last: 0.84 })).met).toBe(false);
  expect(presetVerdict('gain', measurement({ last: 0.82, oracle: 0.835 })).met).toBe(true);
});

test('a bias preset needs pseudo-label accuracy to fall 3 points without rising on the way', () => {
  expect(presetVerdict('bias', measurement({})).met).toBe(true);
  const rising = measurement({ pseudoLabelAccuracy: [0.9, 0.8, 0.82, 0.8], lastPseudoLabelAccuracy: 0.8 });
  expect(presetVerdict('bias', rising).met).toBe(false);
  expect(presetVerdict('bias', measurement({ pseudoLabelAccuracy: [0.9, 0.89], lastPseudoLabelAccuracy: 0.89 })).met).toBe(false);
});
