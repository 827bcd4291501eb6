import { expect, test } from 'vitest';
import { reduceRunMessage, runPhase, startedRun, timedRun, type RunData } from '../../../app/store/runReducer.ts';
import { defaultConfig } from '../../../src/config/params.ts';
import type { WorkerMessage } from '../../../src/worker/protocol.ts';
import { epochMessage, generationMessage, generationResult, startMessage } from './fixtures.ts';

const apply = (run: RunData, ...messages: WorkerMessage[]) => messages.reduce((state, message) => ({ ...state, ...reduceRunMessage(state, message) }), run);
const oracleStep = (done: number): WorkerMessage => ({ type: 'event', runId: 1, event: { type: 'progress', phase: 'oracle', done, total: 10 } });

test("the phase is the image download, then generation 0's epochs, then the oracle after it, then generation 1's labelling and epochs", () => {
  let run = apply(startedRun(1, 5, 30), { type: 'data', runId: 1, received: 1e6, total: 2e6 });
  expect(runPhase(run, 'MNIST')).toEqual({ kind: 'images', dataset: 'MNIST', done: 1e6, total: 2e6 });
  run = apply(run, { type: 'data', runId: 1, received: 2e6, total: 2e6 }, startMessage(1), epochMessage(1, 0, 12));
  expect(runPhase(run, 'MNIST')).toEqual({ kind: 'train', generation: 0, done: 12, total: 30 });
  run = apply(run, generationMessage(1, generationResult(0, 0.8)));
  // The oracle trains next: its bar shows before its first progress event arrives.
  expect(runPhase(run, 'MNIST')).toEqual({ kind: 'oracle', done: 0, total: 30 });
  run = apply(run, oracleStep(0), oracleStep(3));
  expect(runPhase(run, 'MNIST')).toEqual({ kind: 'oracle', done: 3, total: 10 });
  run = apply(run, { type: 'event', runId: 1, event: { type: 'reference', name: 'oracle', testAccuracy: 0.9 } });
  expect(run.oracle).toBe(0.9);
  // Generation 1's teacher labels the pool first: its bar shows before its first progress event arrives.
  expect(runPhase(run, 'MNIST', 'images')).toEqual({ kind: 'labelling', rows: 'images', done: 0, total: defaultConfig().pool });
  run = apply(run, epochMessage(1, 1, 0));
  expect(runPhase(run, 'MNIST')).toEqual({ kind: 'train', generation: 1, done: 0, total: 30 });
  expect(runPhase({ ...run, status: 'done' }, 'MNIST')).toBeNull();
});

test('the time left is the pace since the phase began, and a pause restarts its clock', () => {
  let run = timedRun(apply(startedRun(1, 5, 30), startMessage(1), oracleStep(0)), 1000);
  expect(run.secondsLeft).toBeNull();
  run = timedRun(apply(run, oracleStep(2)), 5000);
  // 2 epochs in 4 s: 8 more take 16 s.
  expect(run.secondsLeft).toBe(16);
  run = timedRun(apply(run, { type: 'paused', runId: 1 }), 9000);
  expect(run.clock).toBeNull();
  expect(run.secondsLeft).toBeNull();
});

test('with an audit, the labels + audit model trains last under its own bar, and its line is kept apart from the oracle', () => {
  let run = apply(startedRun(1, 1, 30), startMessage(1), generationMessage(1, generationResult(0, 0.8)));
  run = apply(run, { type: 'event', runId: 1, event: { type: 'reference', name: 'oracle', testAccuracy: 0.9 } }, generationMessage(1, generationResult(1, 0.85)));
  run = apply(run, { type: 'event', runId: 1, event: { type: 'progress', phase: 'labels+audit', done: 4, total: 30 } });
  expect(runPhase(run, 'moons')).toEqual({ kind: 'labels+audit', done: 4, total: 30 });
  run = apply(run, { type: 'event', runId: 1, event: { type: 'reference', name: 'labels+audit', testAccuracy: 0.83 } });
  expect([run.oracle, run.withAudit, run.phase]).toEqual([0.9, 0.83, null]);
});

test("a later generation's labelling pass shows under its own bar, counting the pool's rows, until its first epoch", () => {
  const labelled = (done: number, total = 10000): WorkerMessage => ({ type: 'event', runId: 1, event: { type: 'progress', phase: 'labelling', done, total } });
  let run = apply(startedRun(1, 3, 30), startMessage(1), generationMessage(1, generationResult(0, 0.8)));
  run = apply(run, { type: 'event', runId: 1, event: { type: 'reference', name: 'oracle', testAccuracy: 0.9 } }, labelled(0), labelled(4096));
  expect(runPhase(run, 'MNIST', 'images')).toEqual({ kind: 'labelling', rows: 'images', done: 4096, total: 10000 });
  run = timedRun(run, 1000);
  run = timedRun(apply(run, labelled(8192)), 3000);
  // 4,096 rows in 2 s: 1,808 more take about 0.9 s.
  expect(run.secondsLeft).toBeCloseTo((2 * 1808) / 4096, 9);
  run = apply(run, labelled(10000), epochMessage(1, 1, 1));
  expect(runPhase(run, 'MNIST', 'images')).toEqual({ kind: 'train', generation: 1, done: 1, total: 30 });
  // Generation 2's pass shows as soon as generation 1 ends; the last generation has none after it.
  run = apply(run, generationMessage(1, generationResult(1, 0.85)));
  expect(runPhase(run, 'MNIST', 'images')).toMatchObject({ kind: 'labelling', done: 0 });
  // An outside labeler's pass has no count: its bar has no total.
  run = apply(run, labelled(0, 0));
  expect(runPhase(run, 'MNIST', 'images')).toEqual({ kind: 'labelling', rows: 'images', done: 0, total: 0 });
  for (let generation = 2; generation <= run.totalGenerations; generation++) {
    run = apply(run, epochMessage(1, generation, 30), generationMessage(1, generationResult(generation, 0.86)));
  }
  expect(run.phase).toBeNull();
});

test('several students are judged under their own bar after their epochs, until the generation ends', () => {
  let run = apply(startedRun(1, 3, 30), startMessage(1), epochMessage(1, 0, 30));
  run = apply(run, { type: 'event', runId: 1, event: { type: 'progress', phase: 'judging', done: 1024, total: 2500 } });
  expect(runPhase(run, 'moons')).toEqual({ kind: 'judging', rows: 'points', done: 1024, total: 2500 });
  run = apply(run, generationMessage(1, generationResult(0, 0.8)));
  expect(run.phase?.name).toBe('oracle');
  run = apply(run, { type: 'event', runId: 1, event: { type: 'reference', name: 'oracle', testAccuracy: 0.9 } }, epochMessage(1, 1, 30));
  run = apply(run, { type: 'event', runId: 1, event: { type: 'progress', phase: 'judging', done: 2500, total: 2500 } });
  run = apply(run, generationMessage(1, generationResult(run.totalGenerations, 0.85)));
  expect(run.phase).toBeNull();
});

test("a generation's test pass shows under its own bar, named for its generation, until the generation ends", () => {
  let run = apply(startedRun(1, 3, 30), startMessage(1), epochMessage(1, 0, 30));
  run = apply(run, { type: 'event', runId: 1, event: { type: 'progress', phase: 'testing', done: 1024, total: 2000 } });
  expect(runPhase(run, 'MNIST', 'images')).toEqual({ kind: 'testing', generation: 0, rows: 'images', done: 1024, total: 2000 });
  run = apply(run, generationMessage(1, generationResult(0, 0.8)));
  expect(run.phase?.name).toBe('oracle');
  run = apply(run, { type: 'event', runId: 1, event: { type: 'reference', name: 'oracle', testAccuracy: 0.9 } }, epochMessage(1, 1, 30));
  run = apply(run, { type: 'event', runId: 1, event: { type: 'progress', phase: 'testing', done: 2000, total: 2000 } });
  expect(runPhase(run, 'MNIST', 'images')).toMatchObject({ kind: 'testing', generation: 1 });
  run = apply(run, generationMessage(1, generationResult(run.totalGenerations, 0.85)));
  expect(run.phase).toBeNull();
});
