import { expect, test } from 'vitest';
import { makeSplit } from '../../src/data/split.ts';
import type { PoolLabeler } from '../../src/selftrain/events.ts';
import { runCollecting, smallConfig, withoutTimes } from './fixtures.ts';

/** A teacher from outside the run that knows the pool's true labels: confident, and always right. */
function truthTeacher(poolLabels: Int32Array, classes: number): PoolLabeler {
  return async (pool) => {
    const probabilities = new Float32Array(pool.n * classes);
    for (let row = 0; row < pool.n; row++) probabilities[row * classes + poolLabels[row]] = 1;
    return probabilities;
  };
}

test('firstTeacher teaches generation 0: its pool labels are admitted as a first teacher\'s, and the run goes on from there', async () => {
  const config = smallConfig({ gens: 2, select: 'balanced', k: 20, soft: false });
  const { pool } = makeSplit(config);
  const seen: number[] = [];
  const teacher = truthTeacher(pool.y, 2);
  const { result } = await runCollecting(config, { firstTeacher: (rows) => (seen.push(rows.n), teacher(rows)) });
  expect(seen).toEqual([config.pool]);
  const [first] = result.generations;
  expect(first).toMatchObject({ generation: 0, pseudoLabels: 40, perClass: [20, 20], pseudoLabelAccuracy: 1 });
  expect(result.generations).toHaveLength(3);

  const alone = await runCollecting(config);
  expect(alone.result.generations[0]).toMatchObject({ pseudoLabels: 0, pseudoLabelAccuracy: null });
  expect(withoutTimes(alone.result)).not.toEqual(withoutTimes(result));
});

test('a firstTeacher that answers the wrong number of probabilities stops the run with the counts', async () => {
  const config = smallConfig({ gens: 1 });
  const run = runCollecting(config, { firstTeacher: async () => new Float32Array(5) });
  await expect(run).rejects.toThrow(`The labeler returned 5 probabilities for ${config.pool} pool rows × 2 classes.`);
});
