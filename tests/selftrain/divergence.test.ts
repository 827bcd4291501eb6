import { describe, expect, test } from 'vitest';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { DIVERGED_LOSS, divergenceFix, divergenceReason } from '../../src/selftrain/divergence.ts';
import { DivergedError } from '../../src/selftrain/errors.ts';
import type { ExperimentEvent } from '../../src/selftrain/events.ts';
import { judgeByAgreement } from '../../src/selftrain/population.ts';
import { runExperiment } from '../../src/selftrain/runExperiment.ts';
import { runCollecting, smallConfig } from './fixtures.ts';
import { generation0 } from './poisoned.ts';

describe('divergenceReason and divergenceFix', () => {
  test('a non-finite loss, or one above DIVERGED_LOSS, diverged; a large but possible one did not', () => {
    expect(divergenceReason(Number.NaN)).toBe('the loss became non-finite');
    expect(divergenceReason(Number.POSITIVE_INFINITY)).toBe('the loss became non-finite');
    expect(divergenceReason(291.4)).toBe('the loss rose to 291 (above 100)');
    expect(divergenceReason(DIVERGED_LOSS)).toBeNull();
    expect(divergenceReason(34)).toBeNull();
  });

  test('the fix goes back to the default learning rate, or a tenth of one already below it', () => {
    expect(divergenceFix({ lr: 100 })).toBe('the learning rate 100 is too high; try lr=0.03 or lower');
    expect(divergenceFix({ lr: 0.01 })).toBe('the learning rate 0.01 may still be too high for this model; try lr=0.001');
  });
});

describe('judgeByAgreement with eligible', () => {
  const labels = [Int32Array.of(0, 1, 1, 0), Int32Array.of(0, 1, 0, 0), Int32Array.of(1, 1, 0, 0), Int32Array.of(0, 0, 0, 0)];

  test('all eligible is the judge without the argument', () => {
    expect(judgeByAgreement(labels, 2, [true, true, true, true])).toEqual(judgeByAgreement(labels, 2));
  });

  test("an ineligible student neither votes nor wins: the others' scores are those of the judge without it", () => {
    // Without student 1 (the best of all four), 0, 2 and 3 are judged among themselves.
    const judged = judgeByAgreement(labels, 2, [true, false, true, true]);
    const without = judgeByAgreement([labels[0], labels[2], labels[3]], 2);
    expect([judged.agreement[0], judged.agreement[2], judged.agreement[3]]).toEqual(without.agreement);
    expect(judged.best).toBe([0, 2, 3][without.best]);
    // Its own agreement with the eligible majority is still measured: [0, 2, 3] vote 0, 1, 0, 0, as student 1 predicts.
    expect(judged.agreement[1]).toBe(1);
    expect(judgeByAgreement(labels, 2, [true, true, true, false]).agreement[3]).toBe(0.75);
  });

  test('a lone eligible student is the best and agrees with itself; none eligible is an error', () => {
    expect(judgeByAgreement(labels, 2, [false, false, true, false])).toMatchObject({ best: 2 });
    expect(judgeByAgreement(labels, 2, [false, false, true, false]).agreement[2]).toBe(1);
    expect(() => judgeByAgreement(labels, 2, [false, false, false, false])).toThrow(/eligible/);
  });
});

describe('a student whose loss diverges', () => {
  test('is dropped with its note, and the other students get exactly the numbers they get without it', async () => {
    const config = smallConfig({ students: 4, critic: 'committee', agree: 2 });
    const clean = await generation0(config, [], createCpuBackend());
    const forced = await generation0(config, [2], createCpuBackend());
    expect(clean.result.dropped).toBeUndefined();
    expect(forced.result.dropped).toEqual([{ student: 2, epoch: 1, reason: 'the loss became non-finite' }]);
    const population = forced.result.students!;
    expect(population.testAccuracy[2]).toBeNull();
    for (const k of [0, 1, 3]) {
      expect(population.testAccuracy[k], `student ${k}`).toBe(clean.result.students!.testAccuracy[k]);
      expect(forced.poolLabels[k], `student ${k}`).toEqual(clean.poolLabels[k]);
    }
    // The judge sees only the healthy three, and the committee is theirs.
    const judged = judgeByAgreement(clean.poolLabels, 2, [true, true, false, true]);
    for (const k of [0, 1, 3]) expect(population.agreement[k]).toBe(judged.agreement[k]);
    expect(population.best).toBe(judged.best);
    expect(population.best).not.toBe(2);
    expect(forced.result.testAccuracy).toBe(population.testAccuracy[population.best]);
    expect(forced.committee).toEqual([0, 1, 3].map((k) => clean.poolLabels[k]));
    expect(clean.committee).toHaveLength(4);
    expect(JSON.parse(JSON.stringify(forced.result)).students.testAccuracy[2]).toBeNull();
  });

  test('all students diverging stops the generation with the message', async () => {
    await expect(generation0(smallConfig({ students: 2 }), [0, 1], createCpuBackend())).rejects.toThrow(
      'The loss became non-finite in generation 0 (all 2 students), epoch 1: the learning rate 0.03 may still be too high for this model; try lr=0.003. The run stopped there; no generation had finished.',
    );
  });
});

/** The run's error and its events. */
async function stopped(config: ExperimentConfig) {
  const events: ExperimentEvent[] = [];
  const backend = createCpuBackend();
  try {
    const error = await runExperiment(config, backend, { onEvent: (event) => events.push(event) }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    return { error, events, generations: events.flatMap((event) => (event.type === 'generation' ? [event.result] : [])) };
  } finally {
    backend.dispose();
  }
}

describe('a run left without a healthy student', () => {
  test('lr=100 on its only student: stops at generation 0 with where and the fix', async () => {
    const { error, events, generations } = await stopped(smallConfig({ lr: 100 }));
    expect(error).toBeInstanceOf(DivergedError);
    expect((error as Error).message).toMatch(/^The loss rose to [\d.e+]+ \(above 100\) in generation 0, epoch \d+: the learning rate 100 is too high; try lr=0\.03 or lower\. The run stopped there; no generation had finished\.$/);
    expect(generations).toEqual([]);
    expect(events.some((event) => event.type === 'done')).toBe(false);
  });

  test('diverging at generation 2 keeps generations 0 and 1, as the same run reports them up to there', async () => {
    // lr=3 with Adam on a relu net: generation 2's loss blows up at epoch 5 (found by a scan of seeds and lrs).
    const config = smallConfig({ lr: 3, opt: 'adam', act: 'relu', seed: 1, gens: 4 });
    const { error, generations } = await stopped(config);
    expect(error).toBeInstanceOf(DivergedError);
    expect(error).toMatchObject({ generation: 2, epoch: 5 });
    expect((error as Error).message).toContain('in generation 2, epoch 5: the learning rate 3 is too high; try lr=0.03 or lower. The run stopped there; generations 0–1 stay.');
    expect(generations.map((g) => g.generation)).toEqual([0, 1]);
    // The same two generations a run that stops after them gives.
    const { result } = await runCollecting({ ...config, gens: 1 });
    expect(generations.map((g) => g.testAccuracy)).toEqual(result.generations.map((g) => g.testAccuracy));
  });

  test('the oracle diverging stops the run after generation 0', async () => {
    const { error, generations } = await stopped(smallConfig({ lr: 2, opt: 'sgd', act: 'relu', seed: 1 }));
    expect(error).toBeInstanceOf(DivergedError);
    expect((error as Error).message).toMatch(/ in the oracle's training, epoch 1: the learning rate 2 is too high; try lr=0\.03 or lower\. The run stopped there; generation 0 stays\.$/);
    expect(generations.map((g) => g.generation)).toEqual([0]);
  });
});

describe('a run that keeps a healthy student', () => {
  test('four students at lr=3: generation 2 drops one with its note, and the run finishes', async () => {
    const config = smallConfig({ lr: 3, opt: 'adam', act: 'relu', seed: 1, gens: 3, students: 4 });
    const { result, events } = await runCollecting(config);
    expect(events.at(-1)?.type).toBe('done');
    expect(result.generations.map((g) => g.dropped?.map((d) => d.student) ?? [])).toEqual([[], [], [3], []]);
    const [dropped] = result.generations[2].dropped!;
    expect(dropped).toMatchObject({ student: 3, epoch: 1 });
    expect(dropped.reason).toMatch(/^the loss rose to [\d.]+ \(above 100\)$/);
    const population = result.generations[2].students!;
    expect(population.testAccuracy[3]).toBeNull();
    expect(population.best).not.toBe(3);
    expect(population.testAccuracy.filter((accuracy) => accuracy !== null)).toHaveLength(3);
  });
});
