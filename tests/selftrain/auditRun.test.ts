import { expect, test } from 'vitest';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import { clopperPearson } from '../../src/selftrain/audit.ts';
import type { ExperimentEvent, ResumePoint } from '../../src/selftrain/events.ts';
import { isAbortError } from '../../src/selftrain/errors.ts';
import { runCollecting, smallConfig, withoutTimes } from './fixtures.ts';

const references = (events: ExperimentEvent[]) => events.flatMap((e) => (e.type === 'reference' ? [`${e.name} ${e.testAccuracy}`] : []));

test('the audit judges the students: the highest audit accuracy teaches, with its interval for the best of K', async () => {
  const config = smallConfig({ students: 4, audit: 30 });
  const { result } = await runCollecting(config);
  for (const g of result.generations) {
    const { audit, students } = g;
    expect(students!.judge).toBe('audit');
    expect(audit!.size).toBe(30);
    expect(audit!.accuracy).toHaveLength(4);
    const best = audit!.accuracy.indexOf(Math.max(...audit!.accuracy));
    expect(students!.best).toBe(best);
    expect(audit!.estimate).toBe(audit!.accuracy[best]);
    expect(g.testAccuracy).toBe(students!.testAccuracy[best]);
    expect([audit!.low, audit!.high]).toEqual(Object.values(clopperPearson(Math.round(audit!.estimate * 30), 30, 0.05 / 4)));
  }
  // The labelled-only model trained on the audit too is the run's second reference line.
  expect(result.baseline.withAudit!.testAccuracy).toBeGreaterThan(0.5);
  const { result: plain } = await runCollecting(smallConfig({ students: 4 }));
  expect(plain.baseline).toEqual({ testAccuracy: plain.generations[0].testAccuracy });
  expect(plain.oracle).toEqual(result.oracle);
  expect(result.generations[0].students!.testAccuracy).toEqual(plain.generations[0].students!.testAccuracy);
});

test('one student gets the audit estimate too, and the reference events name both lines', async () => {
  const { result, events } = await runCollecting(smallConfig({ audit: 20 }));
  expect(result.generations[0].students).toBeUndefined();
  expect(result.generations[0].audit).toMatchObject({ size: 20, accuracy: [result.generations[0].audit!.estimate] });
  expect(references(events)).toEqual([`oracle ${result.oracle.testAccuracy}`, `labels+audit ${result.baseline.withAudit!.testAccuracy}`]);
  // One student with an audit trains as one without: the audit is never trained on.
  const { result: plain } = await runCollecting(smallConfig());
  expect(result.generations.map((g) => g.testAccuracy)).toEqual(plain.generations.map((g) => g.testAccuracy));
});

/** A link and seed (found by trying seeds) where the gate rejects a challenger. */
const GATED = smallConfig({ students: 4, audit: 20, gate: true, gens: 5, seed: 10 });

test('the gate keeps the champion when the challenger scores lower on the audit, and the champion teaches on', async () => {
  const { result } = await runCollecting(GATED);
  expect(result.generations[0].gate).toBeUndefined();
  const gates = result.generations.slice(1).map((g) => g.gate!);
  const rejected = gates.findIndex((gate) => !gate.accepted) + 1;
  expect(rejected).toBeGreaterThan(0);
  const row = result.generations[rejected];
  const gate = row.gate!;
  expect(gate.challenger).toBe(row.audit!.estimate);
  expect(gate.challenger).toBeLessThan(gate.champion);
  expect(gate.reason).toMatch(/^The challenger's \d+(\.\d)?% on the audit is below the champion's \d+(\.\d)?%: the champion teaches on\.$/);
  // The champion is the teacher's own audit score: the last accepted generation's estimate.
  const lastAccepted = result.generations.slice(0, rejected).filter((g) => g.gate?.accepted !== false).at(-1)!;
  expect(gate.champion).toBe(lastAccepted.audit!.estimate);
  // Every gate compares with the champion of its time.
  let champion = result.generations[0].audit!.estimate;
  for (const g of result.generations.slice(1)) {
    expect(g.gate!.champion).toBe(champion);
    expect(g.gate!.accepted).toBe(g.audit!.estimate >= champion);
    if (g.gate!.accepted) champion = g.audit!.estimate;
  }
  // Without the gate the same seed runs otherwise: the rejection changed who taught.
  const { result: ungated } = await runCollecting({ ...GATED, gate: false });
  expect(ungated.generations.slice(0, rejected + 1).map((g) => g.testAccuracy)).toEqual(result.generations.slice(0, rejected + 1).map((g) => g.testAccuracy));
  expect(ungated.generations.slice(rejected + 1).map((g) => g.testAccuracy)).not.toEqual(result.generations.slice(rejected + 1).map((g) => g.testAccuracy));
});

test('resuming after a rejected generation goes on from the champion, with the uninterrupted run’s numbers', async () => {
  const full = await runCollecting(GATED);
  const rejected = full.result.generations.findIndex((g) => g.gate?.accepted === false);
  const points: ResumePoint[] = [];
  const abort = new AbortController();
  const run = runCollecting(GATED, {
    signal: abort.signal,
    onResumePoint: (point) => points.push(point),
    checkpoint: async (at) => {
      if (at === 'generation' && (points.at(-1)?.generations.at(-1)?.generation ?? -1) >= rejected) abort.abort();
    },
  });
  await expect(run).rejects.toSatisfy(isAbortError);
  const point = points.find((p) => p.generations.at(-1)!.generation === rejected)!;
  const resumed = await runCollecting(GATED, { resume: point });
  expect(withoutTimes(resumed.result)).toEqual(withoutTimes(full.result));
});

test('an audit changes no number of a run without one: audit=0 is the run it always was', async () => {
  const config: ExperimentConfig = smallConfig({ students: 3 });
  const a = await runCollecting(config);
  const b = await runCollecting({ ...config, audit: 0, gate: false });
  expect(withoutTimes(b.result)).toEqual(withoutTimes(a.result));
  expect(a.result.generations.every((g) => g.audit === undefined && g.gate === undefined)).toBe(true);
});
