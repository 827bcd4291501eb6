import { expect, test } from 'vitest';
import { continuedRun, reduceRunMessage, runPhase, startedRun, type RunData } from '../../../app/store/runReducer.ts';
import { defaultConfig } from '../../../src/config/params.ts';
import type { WarmupResult, WarmupSamples } from '../../../src/selftrain/events.ts';
import type { WorkerMessage } from '../../../src/worker/protocol.ts';
import { epochMessage, generationMessage, generationResult } from './fixtures.ts';

const apply = (run: RunData, ...messages: WorkerMessage[]) => messages.reduce((state, message) => ({ ...state, ...reduceRunMessage(state, message) }), run);

/** A start event of a run with a denoising warm-up of 5 epochs. */
function warmStart(runId: number): WorkerMessage {
  const config = { ...defaultConfig(), pretrain: 'denoise' as const, pepochs: 5 };
  return { type: 'event', runId, event: { type: 'start', backend: { kind: 'cpu', adapter: 'CPU (JavaScript)', reason: '' }, config, generations: config.gens, epochs: config.epochs } };
}
const warmupEpoch = (epoch: number, loss: number): WorkerMessage => ({ type: 'event', runId: 1, event: { type: 'warmup', epoch, epochs: 5, loss, accuracy: null } });
const RESULT: WarmupResult = { task: 'denoise', loss: [0.9, 0.5, 0.4, 0.35, 0.3] };
const SAMPLES: WarmupSamples = { task: 'denoise', image: null, count: 1, dim: 2, inputs: new Float32Array([0, 1]), outputs: new Float32Array([0.1, 0.8]) };
const done: WorkerMessage = { type: 'event', runId: 1, event: { type: 'warmup-done', result: RESULT, samples: SAMPLES } };

test("the warm-up's epochs show under their own bar from the start event on, then generation 0's, then generation 0 again without it", () => {
  let run = apply(startedRun(1, 2, 30), warmStart(1));
  expect(runPhase(run, 'moons')).toEqual({ kind: 'warmup', task: 'denoise', done: 0, total: 5 });
  run = apply(run, warmupEpoch(1, 0.9), warmupEpoch(2, 0.5));
  expect(run.warmup?.loss).toEqual([0.9, 0.5]);
  expect(runPhase(run, 'moons')).toEqual({ kind: 'warmup', task: 'denoise', done: 2, total: 5 });
  run = apply(run, warmupEpoch(3, 0.4), warmupEpoch(4, 0.35), warmupEpoch(5, 0.3), done, epochMessage(1, 0, 1));
  expect(run.warmup).toEqual({ task: 'denoise', epochs: 5, loss: RESULT.loss, result: RESULT, samples: SAMPLES });
  expect(runPhase(run, 'moons')).toEqual({ kind: 'train', generation: 0, done: 1, total: 30 });
  run = apply(run, epochMessage(1, 0, 30), { type: 'event', runId: 1, event: { type: 'progress', phase: 'no warm-up', done: 7, total: 30 } });
  expect(runPhase(run, 'moons')).toEqual({ kind: 'no warm-up', done: 7, total: 30 });
  run = apply(run, generationMessage(1, { ...generationResult(0, 0.85), warmup: { withoutTestAccuracy: 0.8, gain: 0.05 } }));
  expect(runPhase(run, 'moons')).toEqual({ kind: 'oracle', done: 0, total: 30 });
});

test('a run without a warm-up has none, and a run going on after a lost device keeps the warm-up it showed', () => {
  const config = defaultConfig();
  const plain: WorkerMessage = { type: 'event', runId: 1, event: { type: 'start', backend: { kind: 'cpu', adapter: 'CPU', reason: '' }, config, generations: 2, epochs: 30 } };
  expect(apply(startedRun(1, 2, 30), plain).warmup).toBeNull();
  let run = apply(startedRun(1, 2, 30), warmStart(1), done, generationMessage(1, generationResult(0, 0.85)));
  run = apply(run, { type: 'error', runId: 1, message: 'The GPU device was lost.', resumable: true });
  run = apply(continuedRun(run), warmStart(1));
  expect(run.warmup?.result).toEqual(RESULT);
  expect(runPhase(run, 'moons')?.kind).not.toBe('warmup');
});

test("a warm-up that stopped is over: its result says why, and no samples come with it", () => {
  const stopped: WarmupResult = { task: 'denoise', loss: [], stopped: 'The warm-up stopped at epoch 1.' };
  const run = apply(startedRun(1, 2, 30), warmStart(1), { type: 'event', runId: 1, event: { type: 'warmup-done', result: stopped, samples: null } });
  expect(run.warmup).toEqual({ task: 'denoise', epochs: 5, loss: [], result: stopped, samples: null });
  expect(runPhase(run, 'moons')).toEqual({ kind: 'train', generation: 0, done: 0, total: defaultConfig().epochs });
});
