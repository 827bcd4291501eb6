import { describe, expect, test } from 'vitest';
import { createRng } from '../../src/data/rng.ts';
import { judgeByAgreement } from '../../src/selftrain/population.ts';
import { studentSeeds } from '../../src/selftrain/training.ts';
import { runCollecting, smallConfig } from './fixtures.ts';

describe('judgeByAgreement', () => {
  test("scores each student by its agreement with the others' majority vote", () => {
    const labels = [Int32Array.of(0, 1, 1, 0), Int32Array.of(0, 1, 0, 0), Int32Array.of(1, 1, 0, 0), Int32Array.of(0, 0, 0, 0)];
    // Student 1 agrees with the others' majority on every row; each other student misses one
    // (student 0 row 2, student 2 row 0, student 3 row 1).
    const { agreement, best } = judgeByAgreement(labels, 2);
    expect(agreement).toEqual([0.75, 1, 0.75, 0.75]);
    expect(best).toBe(1);
  });

  test('breaks ties to the lowest index, and two students always tie', () => {
    const two = judgeByAgreement([Int32Array.of(0, 1, 2), Int32Array.of(0, 2, 2)], 3);
    expect(two).toEqual({ agreement: [2 / 3, 2 / 3], best: 0 });
    expect(judgeByAgreement([Int32Array.of(1, 0)], 2)).toEqual({ agreement: [1], best: 0 });
  });

  test('a vote tied between classes goes to the lower class', () => {
    // Student 0 sees the others split 1 vs 2: the majority is class 1.
    const { agreement } = judgeByAgreement([Int32Array.of(1), Int32Array.of(1), Int32Array.of(2)], 3);
    expect(agreement).toEqual([1, 1, 0]);
  });
});

describe('studentSeeds', () => {
  test("student 0 draws what a lone student draws, and the rest leave the RNG's stream unchanged", () => {
    const lone = createRng(5);
    const many = createRng(5);
    const seeds = studentSeeds(many, 8);
    expect(seeds[0]).toBe(studentSeeds(lone, 1)[0]);
    expect(new Set(seeds).size).toBe(8);
    expect(many.int(1000)).toBe(lone.int(1000));
    expect(studentSeeds(createRng(5), 8)).toEqual(seeds);
  });
});

describe('a population in the loop (CPU)', () => {
  test('three students differ, the judge picks the most agreeing, and the chosen one is the generation', async () => {
    const { result } = await runCollecting(smallConfig({ students: 3 }));
    const { result: lone } = await runCollecting(smallConfig());
    expect(lone.generations.every((g) => g.students === undefined)).toBe(true);
    for (const g of result.generations) {
      const population = g.students!;
      expect(population.judge).toBe('agreement');
      expect(population.testAccuracy).toHaveLength(3);
      expect(population.agreement).toHaveLength(3);
      const highest = Math.max(...population.agreement);
      expect(population.best).toBe(population.agreement.indexOf(highest));
      expect(g.testAccuracy).toBe(population.testAccuracy[population.best]);
    }
    const first = result.generations[0].students!;
    expect(new Set(first.testAccuracy).size).toBe(3);
    // Generation 0's student 0 is the lone student of students=1.
    expect(first.testAccuracy[0]).toBe(lone.generations[0].testAccuracy);
  });
});
