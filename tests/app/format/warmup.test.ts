import { expect, test } from 'vitest';
import { denoiseErrors, planeMoves, signedPoints, turnGuesses, warmupCurveText, warmupGainText } from '../../../app/format/warmup.ts';
import type { WarmupSamples } from '../../../src/selftrain/events.ts';
import { generationResult } from '../store/fixtures.ts';

test("generation 0's gain reads in signed points with the accuracy without the warm-up; other rows have none", () => {
  expect(warmupGainText({ ...generationResult(0, 0.943), warmup: { withoutTestAccuracy: 0.889, gain: 0.943 - 0.889 } })).toBe('+5.4 pts (88.9% without)');
  expect(warmupGainText({ ...generationResult(0, 0.8), warmup: { withoutTestAccuracy: 0.812, gain: -0.012 } })).toBe('−1.2 pts (81.2% without)');
  expect(warmupGainText(generationResult(1, 0.9))).toBeNull();
  expect(signedPoints(0)).toBe('+0.0 pts');
});

test("the warm-up's curve in a sentence, with rotate's turns told right", () => {
  expect(warmupCurveText({ task: 'denoise', loss: [0.9123, 0.3012] })).toBe('Its loss went from 0.912 to 0.301 over 2 epochs.');
  expect(warmupCurveText({ task: 'rotate', loss: [1.38], accuracy: [0.61] })).toBe('Its loss went from 1.38 to 1.38 over 1 epoch, and it told 61.0% of the turns right in its last epoch.');
  expect(warmupCurveText({ task: 'denoise', loss: [], stopped: 'stopped' })).toBe('No warm-up epoch finished.');
});

test('each turned image gets the most probable turn, right or wrong', () => {
  const samples: WarmupSamples = {
    task: 'rotate', image: { channels: 1, height: 2, width: 2 }, count: 2, dim: 4,
    inputs: new Float32Array(8), outputs: new Float32Array([0.1, 0.7, 0.1, 0.1, 0.4, 0.1, 0.3, 0.2]), turns: new Int32Array([1, 2]),
  };
  expect(turnGuesses(samples)).toEqual([
    { turn: 1, guess: 1, probability: expect.closeTo(0.7, 6), right: true },
    { turn: 2, guess: 0, probability: expect.closeTo(0.4, 6), right: false },
  ]);
});

test("a denoise's errors against the clean images, and the plane's moves in data units", () => {
  const images: WarmupSamples = {
    task: 'denoise', image: { channels: 1, height: 1, width: 2 }, count: 1, dim: 2,
    inputs: new Float32Array([0.5, 1]), outputs: new Float32Array([0.1, 0.9]), clean: new Float32Array([0, 1]),
  };
  const errors = denoiseErrors(images)!;
  expect(errors.noisy).toBeCloseTo(0.125, 6);
  expect(errors.rebuilt).toBeCloseTo(0.01, 6);
  const plane: WarmupSamples = { task: 'denoise', image: null, count: 2, dim: 2, inputs: new Float32Array([0, 0, 4, 0]), outputs: new Float32Array([3, 4, 4, 1]) };
  expect(planeMoves(plane)).toEqual({ points: 2, mean: 3, largest: 5, width: 4 });
});
