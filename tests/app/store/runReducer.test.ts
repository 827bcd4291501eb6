import { describe, expect, test } from 'vitest';
import { continuedRun, IDLE_RUN, reduceRunMessage, startedRun, type RunData } from '../../../app/store/runReducer.ts';
import { defaultConfig } from '../../../src/config/params.ts';
import { baseRecipe } from '../../../src/selftrain/recipe.ts';
import { epochMessage, generationMessage, generationResult, startMessage } from './fixtures.ts';

const apply = (run: RunData, ...messages: Parameters<typeof reduceRunMessage>[1][]) =>
  messages.reduce((state, message) => ({ ...state, ...reduceRunMessage(state, message) }), run);

describe('reduceRunMessage', () => {
  test('drops messages of another run and of a run that was reset', () => {
    const run = startedRun(2, 5, 30);
    expect(reduceRunMessage(run, epochMessage(1, 0, 1))).toBeNull();
    expect(reduceRunMessage({ ...run, status: 'idle' }, epochMessage(2, 0, 1))).toBeNull();
    expect(reduceRunMessage(IDLE_RUN, { type: 'error', runId: 0, message: 'x' })).toBeNull();
  });

  test('follows start, epochs and generations, and takes generation 0 as the baseline', () => {
    const run = apply(startedRun(1, 5, 30), startMessage(1), epochMessage(1, 0, 12), generationMessage(1, generationResult(0, 0.8)));
    expect(run.backend?.kind).toBe('cpu');
    // The defaults: two moons at lr 0.03, what the chance-level note speaks of.
    expect(run.trainedWith).toEqual({ lr: defaultConfig().lr, classes: 2, pool: defaultConfig().pool, students: 1, critic: 'none', audit: 0, gate: false, search: 'off', recipe: baseRecipe(defaultConfig()) });
    // Generation 0 is done: generation 1 is next, before its first epoch.
    expect(run.generation).toBe(1);
    expect(run.epoch).toBe(0);
    expect(run.baseline).toBe(0.8);
    expect(run.results.map((row) => row.generation)).toEqual([0]);
  });

  test('keeps results ordered and one row per generation', () => {
    const run = apply(
      startedRun(1, 5, 30),
      generationMessage(1, generationResult(1, 0.85, 0.9)),
      generationMessage(1, generationResult(0, 0.8)),
      generationMessage(1, generationResult(1, 0.86, 0.9)),
    );
    expect(run.results.map((row) => [row.generation, row.testAccuracy])).toEqual([
      [0, 0.8],
      [1, 0.86],
    ]);
  });

  test('pauses, resumes, records the oracle and ends', () => {
    let run = apply(startedRun(3, 5, 30), { type: 'paused', runId: 3 });
    expect(run.status).toBe('paused');
    run = apply(run, { type: 'resumed', runId: 3 }, { type: 'event', runId: 3, event: { type: 'reference', name: 'oracle', testAccuracy: 0.97 } });
    expect(run.status).toBe('running');
    expect(run.oracle).toBe(0.97);
    run = apply(run, { type: 'error', runId: 3, message: 'out of memory' });
    expect(run).toMatchObject({ status: 'error', error: 'out of memory' });
    // Nothing after the end changes the outcome.
    expect(reduceRunMessage(run, { type: 'paused', runId: 3 })).toBeNull();
  });

  test('a lost device makes the run resumable; going on keeps its results and takes later generations', () => {
    const stopped = apply(
      startedRun(1, 3, 30),
      startMessage(1),
      generationMessage(1, generationResult(0, 0.8)),
      generationMessage(1, generationResult(1, 0.85)),
      epochMessage(1, 2, 3),
      { type: 'error', runId: 1, message: 'lost', resumable: true },
    );
    expect(stopped).toMatchObject({ status: 'error', error: 'lost', resumable: true });
    expect(reduceRunMessage(stopped, generationMessage(1, generationResult(2, 0.9)))).toBeNull();
    const going = continuedRun(stopped);
    expect(going).toMatchObject({ status: 'running', error: null, resumable: false, generation: 2, epoch: 0, baseline: 0.8 });
    const finished = apply(going, startMessage(1), generationMessage(1, generationResult(2, 0.9)));
    expect(finished.results.map((row) => row.generation)).toEqual([0, 1, 2]);
    expect(apply(startedRun(1, 3, 30), { type: 'error', runId: 1, message: 'x' }).resumable).toBe(false);
  });
});
