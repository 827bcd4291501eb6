import { expect, test } from 'vitest';
import { nextClock, progressText, secondsLeft, timeLeftText, type PhaseProgress } from '../../../app/format/progressText.ts';

test('says which phase runs, how far it is and, once known, the time left', () => {
  expect(progressText({ kind: 'train', generation: 3, done: 3, total: 10 }, 12.2)).toBe('Generation 3: epoch 4 of 10, about 12 s left');
  expect(progressText({ kind: 'oracle', done: 1, total: 10 }, 40)).toBe('Training the oracle: epoch 2 of 10, about 40 s left');
  expect(progressText({ kind: 'oracle', done: 0, total: 10 }, null)).toBe('Training the oracle: epoch 1 of 10');
  expect(progressText({ kind: 'train', generation: 0, done: 10, total: 10 }, 0)).toBe('Generation 0: epoch 10 of 10');
  expect(progressText({ kind: 'images', dataset: 'MNIST', done: 1.2e6, total: 2.4e6 }, null)).toBe('Loading MNIST: 1.2 of 2.4 MB');
  expect(progressText({ kind: 'images', dataset: 'MNIST', done: 0, total: 0 }, null)).toBe('Loading MNIST: 0.0 of … MB');
});

test("a labelling pass counts the pool's rows with separators; an outside labeler's pass, of unknown length, is named alone", () => {
  expect(progressText({ kind: 'labelling', rows: 'images', done: 4096, total: 10000 }, 6.2)).toBe('Labelling the pool: 4,096 of 10,000 images, about 6 s left');
  expect(progressText({ kind: 'labelling', rows: 'points', done: 0, total: 2500 }, null)).toBe('Labelling the pool: 0 of 2,500 points');
  expect(progressText({ kind: 'labelling', rows: 'images', done: 0, total: 0 }, null)).toBe('Labelling the pool with the outside labeler…');
  expect(progressText({ kind: 'judging', rows: 'images', done: 1024, total: 10000 }, 95)).toBe('Judging the students on the pool: 1,024 of 10,000 images, about 2 min left');
  expect(progressText({ kind: 'testing', generation: 2, rows: 'images', done: 1024, total: 2000 }, 3.4)).toBe('Generation 2: scoring on the test set: 1,024 of 2,000 images, about 3 s left');
});

test('the time left reads in seconds, then minutes', () => {
  expect(timeLeftText(null)).toBeNull();
  expect(timeLeftText(0)).toBeNull();
  expect(timeLeftText(0.4)).toBe('under a second left');
  expect(timeLeftText(89)).toBe('about 89 s left');
  expect(timeLeftText(200)).toBe('about 3 min left');
});

test('the time left is the pace since the phase started, and a new phase starts a new clock', () => {
  const epoch = (generation: number, done: number): PhaseProgress => ({ kind: 'train', generation, done, total: 10 });
  let clock = nextClock(null, epoch(1, 0), 1000);
  expect(secondsLeft(clock, epoch(1, 0), 1000)).toBeNull();
  clock = nextClock(clock, epoch(1, 2), 5000);
  // 2 epochs in 4 s: 8 more take 16 s.
  expect(secondsLeft(clock, epoch(1, 2), 5000)).toBe(16);
  expect(nextClock(clock, epoch(2, 0), 6000)).toEqual({ key: 'train 2', startedAt: 6000, startDone: 0 });
  expect(nextClock(clock, { kind: 'oracle', done: 3, total: 10 }, 7000)).toEqual({ key: 'oracle', startedAt: 7000, startDone: 3 });
});

test("the warm-up's bar names its task, and generation 0 trained again without it says so", () => {
  expect(progressText({ kind: 'warmup', task: 'denoise', done: 1, total: 5 }, 6)).toBe('Warm-up (denoise): epoch 2 of 5, about 6 s left');
  expect(progressText({ kind: 'no warm-up', done: 0, total: 30 }, null)).toBe('Generation 0 without the warm-up: epoch 1 of 30');
});
