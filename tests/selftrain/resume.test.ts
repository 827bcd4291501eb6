import { expect, test } from 'vitest';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import type { ExperimentEvent, ResumePoint } from '../../src/selftrain/events.ts';
import { isAbortError } from '../../src/selftrain/errors.ts';
import { runCollecting, smallConfig, withoutTimes } from './fixtures.ts';

/** A run stopped at its checkpoint after `generation`, with every resume point it handed out. */
async function stoppedAfter(config: ExperimentConfig, generation: number): Promise<ResumePoint[]> {
  const points: ResumePoint[] = [];
  const abort = new AbortController();
  const run = runCollecting(config, {
    signal: abort.signal,
    onResumePoint: (point) => points.push(point),
    checkpoint: async (at) => {
      if (at === 'generation' && (points.at(-1)?.generations.at(-1)?.generation ?? -1) >= generation) abort.abort();
    },
  });
  await expect(run).rejects.toSatisfy(isAbortError);
  return points;
}

const numbers = (events: ExperimentEvent[]) => events.flatMap((e) => (e.type === 'epoch' ? [e.loss, e.trainAccuracy] : []));
const sameBits = (a: number[], b: number[]) => a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

for (const overrides of [{}, { student: 'warm', soft: true, dropout: 0.1, inoise: 0.1 }, { select: 'threshold', tau: 0.5, gens: 5 }, { students: 3, critic: 'committee', agree: 2 }, { students: 3, search: 'bandit' }, { students: 4, search: 'pbt', student: 'warm', gens: 4 }] as Partial<ExperimentConfig>[]) {
  test(`resuming after generation 1 on a fresh CPU backend gives the uninterrupted run bit for bit (${JSON.stringify(overrides)})`, async () => {
    const config = smallConfig(overrides);
    const full = await runCollecting(config);
    const points = await stoppedAfter(config, 1);
    const point = points.find((p) => p.generations.at(-1)!.generation === 1)!;
    expect(point.generations.map((g) => g.generation)).toEqual([0, 1]);
    expect(point.oracleAccuracy).toBe(full.result.oracle.testAccuracy);
    const resumed = await runCollecting(config, { resume: point });
    expect(withoutTimes(resumed.result)).toEqual(withoutTimes(full.result));
    const done = (events: ExperimentEvent[]) => events.find((e) => e.type === 'done') as Extract<ExperimentEvent, { type: 'done' }>;
    expect(done(resumed.events).stoppedEarly).toBe(done(full.events).stoppedEarly);
    // The resumed run reports only what comes after the point: no oracle training, no generation 0 or 1.
    const generations = resumed.events.flatMap((e) => (e.type === 'generation' ? [e.result.generation] : []));
    expect(generations).toEqual(full.result.generations.slice(2).map((g) => g.generation));
    const laterEpochs = full.events.filter((e) => e.type !== 'epoch' || e.generation > 1);
    expect(sameBits(numbers(resumed.events), numbers(laterEpochs))).toBe(true);
  });
}

test('a point from before the oracle trained (after generation 0): the resumed run trains it, with the same numbers', async () => {
  const config = smallConfig({ gens: 2 });
  const full = await runCollecting(config);
  const points = await stoppedAfter(config, 0);
  const point = points[0];
  expect(point.generations.map((g) => g.generation)).toEqual([0]);
  expect(point.oracleAccuracy).toBeNull();
  const resumed = await runCollecting(config, { resume: point });
  expect(withoutTimes(resumed.result)).toEqual(withoutTimes(full.result));
  expect(resumed.events.filter((e) => e.type === 'reference')).toHaveLength(1);
});

test('a host that asks for no resume point gets none, and the events are those of a plain run', async () => {
  const config = smallConfig({ gens: 1 });
  const points: ResumePoint[] = [];
  const a = await runCollecting(config, { onResumePoint: (p) => points.push(p) });
  const b = await runCollecting(config);
  // Generation 0's point, the same point once the oracle is known, then generation 1's.
  expect(points.map((p) => p.generations.length)).toEqual([1, 1, 2]);
  expect(points.map((p) => p.oracleAccuracy === null)).toEqual([true, false, false]);
  expect(points[1].teacherParameters).toBeInstanceOf(Float32Array);
  expect(withoutTimes(a.result)).toEqual(withoutTimes(b.result));
});
