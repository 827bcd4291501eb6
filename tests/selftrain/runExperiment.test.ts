import { describe, expect, test } from 'vitest';
import type { Checkpoint, ExperimentEvent } from '../../src/selftrain/events.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { runExperiment } from '../../src/selftrain/runExperiment.ts';
import { LABEL_STEP } from '../../src/selftrain/labelling.ts';
import { runCollecting, smallConfig, withoutTimes } from './fixtures.ts';

const types = (events: ExperimentEvent[]) => events.map((e) => e.type);

describe('runExperiment on the CPU backend', () => {
  test('the same config gives bitwise-identical results, epoch losses and decision grids', async () => {
    const config = smallConfig({ soft: true, dropout: 0.1, inoise: 0.1 });
    const first = await runCollecting(config, { gridSize: 6 });
    const second = await runCollecting(config, { gridSize: 6 });
    expect(withoutTimes(second.result)).toEqual(withoutTimes(first.result));
    const numbers = (events: ExperimentEvent[]) =>
      events.flatMap((e) => (e.type === 'epoch' ? [e.loss, e.trainAccuracy] : e.type === 'generation' ? Array.from(e.grid!.probabilities) : []));
    const a = numbers(first.events);
    const b = numbers(second.events);
    expect(a.length).toBeGreaterThan(0);
    expect(Object.is(a.length, b.length) && a.every((value, i) => Object.is(value, b[i]))).toBe(true);
  });

  test('another seed gives another run', async () => {
    const { result: a } = await runCollecting(smallConfig());
    const { result: b } = await runCollecting(smallConfig({ seed: 8 }));
    expect(withoutTimes(a).generations).not.toEqual(withoutTimes(b).generations);
  });

  test("the oracle's epochs report as progress, from 0 to their total, and never as a generation's epochs", async () => {
    const config = smallConfig({ gens: 1 });
    const { events } = await runCollecting(config);
    const progress = events.flatMap((e) => (e.type === 'progress' && e.phase === 'oracle' ? [e] : []));
    expect(progress.map((e) => e.phase)).toEqual(Array(config.epochs + 1).fill('oracle'));
    expect(progress.map((e) => e.done)).toEqual(Array.from({ length: config.epochs + 1 }, (_, i) => i));
    expect(progress.every((e) => e.total === config.epochs)).toBe(true);
    const epochs = events.filter((e) => e.type === 'epoch');
    expect(epochs).toHaveLength(2 * config.epochs);
  });

  test("each later generation's labelling pass reports the pool rows labelled, from 0 to the pool, before its epochs", async () => {
    const config = smallConfig({ pool: 2500, gens: 2, epochs: 2 });
    const { events } = await runCollecting(config);
    const steps = [0, LABEL_STEP, 2 * LABEL_STEP, 2500];
    const labelling = (e: ExperimentEvent) => e.type === 'progress' && e.phase === 'labelling';
    for (const generation of [1, 2]) {
      const from = events.findIndex((e) => e.type === 'generation' && e.result.generation === generation - 1);
      const firstEpoch = events.findIndex((e) => e.type === 'epoch' && e.generation === generation);
      const pass = events.slice(from + 1, firstEpoch).filter(labelling);
      expect(pass).toEqual(steps.map((done) => ({ type: 'progress', phase: 'labelling', done, total: 2500 })));
    }
    // Generation 0 has no teacher, so no pass: two generations, two passes.
    expect(events.filter(labelling)).toHaveLength(2 * steps.length);
  });

  test('several students are judged over the pool with progress, from 0 to the pool, after their epochs, every generation', async () => {
    const config = smallConfig({ pool: 2500, gens: 1, epochs: 2, students: 3 });
    const { events } = await runCollecting(config);
    const steps = [0, LABEL_STEP, 2 * LABEL_STEP, 2500];
    for (const generation of [0, 1]) {
      const lastEpoch = events.findIndex((e) => e.type === 'epoch' && e.generation === generation && e.epoch === config.epochs);
      const end = events.findIndex((e) => e.type === 'generation' && e.result.generation === generation);
      const judging = events.slice(lastEpoch + 1, end).filter((e) => e.type === 'progress' && e.phase === 'judging');
      expect(judging).toEqual(steps.map((done) => ({ type: 'progress', phase: 'judging', done, total: 2500 })));
    }
  });

  test("each generation's students are scored on the test set with progress, from 0 to its rows, after their epochs", async () => {
    const config = smallConfig({ test: 2500, gens: 1, epochs: 2, students: 2 });
    const { events } = await runCollecting(config);
    const steps = [0, LABEL_STEP, 2 * LABEL_STEP, 2500];
    for (const generation of [0, 1]) {
      const lastEpoch = events.findIndex((e) => e.type === 'epoch' && e.generation === generation && e.epoch === config.epochs);
      const end = events.findIndex((e) => e.type === 'generation' && e.result.generation === generation);
      const testing = events.slice(lastEpoch + 1, end).filter((e) => e.type === 'progress' && e.phase === 'testing');
      expect(testing).toEqual(steps.map((done) => ({ type: 'progress', phase: 'testing', done, total: 2500 })));
    }
  });

  test('a run of generation 0 alone still trains the oracle, after it', async () => {
    const { result, events } = await runCollecting(smallConfig({ gens: 0 }));
    expect(types(events).filter((type) => type !== 'epoch' && type !== 'progress')).toEqual(['start', 'generation', 'reference', 'done']);
    const reference = events.find((e) => e.type === 'reference')!;
    expect(reference).toMatchObject({ testAccuracy: result.oracle.testAccuracy });
  });

  test('events come in order: start, generation 0, the oracle, then epochs and a generation per generation, then done', async () => {
    const config = smallConfig();
    const { result, events } = await runCollecting(config);
    // After its epochs each generation scores its students on the test set (200 rows: one step, so progress 0 and 200).
    const perGeneration = [...Array<string>(config.epochs).fill('epoch'), 'progress', 'progress', 'generation'];
    // The oracle trains after generation 0, so the first point never waits for it.
    const oracle = Array<string>(config.epochs + 1).fill('progress');
    expect(types(events).slice(0, 2 * config.epochs + 6)).toEqual(['start', ...perGeneration, ...oracle, 'reference']);
    expect(types(events).at(-1)).toBe('done');
    // Each later generation first labels the pool (200 rows: one step, so progress 0 and 200).
    expect(types(events).slice(2 * config.epochs + 6, -1)).toEqual(result.generations.slice(1).flatMap(() => ['progress', 'progress', ...perGeneration]));
    const done = events.at(-1) as Extract<ExperimentEvent, { type: 'done' }>;
    expect(done.result).toBe(result);
    expect(result.link).toContain('v=1&data=moons');
    expect(result.testSize).toBe(200);
    expect(result.backend).toBe('cpu');
  });

  test('generation 0 is the labelled-only baseline: no pseudo-labels, and nothing about selection changes it', async () => {
    const { result } = await runCollecting(smallConfig());
    const other = await runCollecting(smallConfig({ select: 'threshold', tau: 0.6, student: 'warm', soft: true, gens: 1 }));
    const [zero] = result.generations;
    expect(zero).toMatchObject({ generation: 0, pseudoLabels: 0, pseudoLabelAccuracy: null, coverage: 0, meanConfidence: 0 });
    expect(result.baseline.testAccuracy).toBe(zero.testAccuracy);
    expect({ ...other.result.generations[0], seconds: 0 }).toEqual({ ...zero, seconds: 0 });
  });

  test('the all-labels oracle beats the labelled-only model on an easy problem', async () => {
    const { result } = await runCollecting(smallConfig({ labels: 4, epochs: 20, gens: 1 }));
    expect(result.oracle.testAccuracy).toBeGreaterThanOrEqual(result.baseline.testAccuracy);
    expect(result.oracle.testAccuracy).toBeGreaterThan(0.85);
  });

  test('later generations report their pseudo-labels', async () => {
    const { result, events } = await runCollecting(smallConfig({ select: 'balanced', k: 20 }));
    const later = result.generations.slice(1);
    expect(later.length).toBeGreaterThan(0);
    for (const g of later) {
      // balanced: at most g·k per predicted class.
      expect(g.pseudoLabels).toBeGreaterThan(0);
      for (const count of g.perClass) expect(count).toBeLessThanOrEqual(20 * g.generation);
      expect(g.perClass.reduce((a, b) => a + b, 0)).toBe(g.pseudoLabels);
      expect(g.coverage).toBeCloseTo(g.pseudoLabels / 200, 10);
      expect(g.pseudoLabelAccuracy).toBeGreaterThan(0.5);
      expect(g.meanConfidence).toBeGreaterThan(0.5);
    }
    const snapshots = events.filter((e) => e.type === 'generation').map((e) => e.pseudo.indices.length);
    expect(snapshots).toEqual(result.generations.map((g) => g.pseudoLabels));
  });

  test('a decision grid comes with each generation when asked for', async () => {
    const { events } = await runCollecting(smallConfig({ gens: 1 }), { gridSize: 5 });
    const grids = events.flatMap((e) => (e.type === 'generation' ? [e.grid] : []));
    expect(grids).toHaveLength(2);
    for (const grid of grids) {
      expect(grid).not.toBeNull();
      expect(grid!.size).toBe(5);
      expect(grid!.probabilities).toHaveLength(5 * 5 * 2);
      expect(grid!.probabilities[0] + grid!.probabilities[1]).toBeCloseTo(1, 5);
    }
    const without = await runCollecting(smallConfig({ gens: 1 }));
    expect(without.events.every((e) => e.type !== 'generation' || e.grid === null)).toBe(true);
  });

  test('stops early when a generation admits nothing new', async () => {
    const { result, events } = await runCollecting(smallConfig({ select: 'threshold', tau: 1 }));
    expect(result.generations).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ type: 'done', stoppedEarly: true });
    const full = await runCollecting(smallConfig({ gens: 2 }));
    expect(full.events.at(-1)).toMatchObject({ type: 'done', stoppedEarly: false });
    expect(full.result.generations).toHaveLength(3);
  });

  test('awaits the checkpoint after every epoch and every generation', async () => {
    const config = smallConfig({ gens: 2 });
    const seen: Checkpoint[] = [];
    await runCollecting(config, { checkpoint: async (at) => void seen.push(at) });
    const generationCheckpoints = seen.filter((at) => at === 'generation').length;
    expect(generationCheckpoints).toBe(3);
    // The oracle's epochs hold too, so a pause is honoured from the first second.
    expect(seen.filter((at) => at === 'epoch')).toHaveLength(config.epochs * 4);
  });

  test('an abort between epochs rejects with an AbortError and stops training', async () => {
    const controller = new AbortController();
    let epochsAfterAbort = 0;
    const backend = createCpuBackend();
    const run = runExperiment(smallConfig(), backend, {
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type !== 'epoch') return;
        if (controller.signal.aborted) epochsAfterAbort++;
        if (event.generation === 1 && event.epoch === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(epochsAfterAbort).toBe(0);
    backend.dispose();
  });

  test('an abort while held at a checkpoint rejects once the hold ends', async () => {
    const controller = new AbortController();
    const backend = createCpuBackend();
    const run = runExperiment(smallConfig(), backend, {
      signal: controller.signal,
      checkpoint: async () => {
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    await expect(runExperiment(smallConfig(), backend, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    backend.dispose();
  });
});
