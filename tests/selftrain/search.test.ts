import { describe, expect, test } from 'vitest';
import { defaultConfig, PARAM_TABLE } from '../../src/config/params.ts';
import { createRng } from '../../src/data/rng.ts';
import { allotArms, armStats, type ArmStats } from '../../src/selftrain/bandit.ts';
import type { GenerationResult } from '../../src/selftrain/events.ts';
import { exploit, perturb } from '../../src/selftrain/pbt.ts';
import { baseRecipe, recipeArms, studentScores, type Recipe } from '../../src/selftrain/recipe.ts';
import { runCollecting, smallConfig, withoutTimes } from './fixtures.ts';

/** Arm a's true gain: arm 2 is the best by 4 points. */
const TRUE_GAIN = [0, -0.02, 0.04, -0.01, 0, 0.01, -0.03];

/** Ten generations of 8 students on TRUE_GAIN, with a seeded ±1.5-point noise on every gain; the arms each generation chose. */
function banditRun(seed: number): number[][] {
  const rng = createRng(seed);
  const stats: ArmStats = { pulls: TRUE_GAIN.map(() => 0), gains: TRUE_GAIN.map(() => 0) };
  const chosen: number[][] = [];
  for (let generation = 0; generation < 10; generation++) {
    const arms = allotArms(stats, 8, rng.fork(generation));
    for (const arm of arms) {
      stats.pulls[arm]++;
      stats.gains[arm] += TRUE_GAIN[arm] + (rng.next() - 0.5) * 0.03;
    }
    chosen.push(arms);
  }
  return chosen;
}

describe('the bandit (UCB1)', () => {
  test('its allotment is deterministic from the seed, and tries every arm before it repeats one', () => {
    const empty: ArmStats = { pulls: new Array(7).fill(0), gains: new Array(7).fill(0) };
    const first = allotArms(empty, 8, createRng(3));
    expect(allotArms(empty, 8, createRng(3))).toEqual(first);
    expect(new Set(first.slice(0, 7)).size).toBe(7);
    expect(banditRun(11)).toEqual(banditRun(11));
    // The ties among untried arms are drawn from the seed: another seed orders them differently.
    expect(allotArms(empty, 8, createRng(4))).not.toEqual(first);
  });

  test('a better arm gets more students over the generations', () => {
    const chosen = banditRun(11);
    const best = (arms: number[]) => arms.filter((arm) => arm === 2).length;
    expect(best(chosen[0])).toBeLessThanOrEqual(2);
    const late = chosen.slice(5).map(best);
    expect(Math.min(...late)).toBeGreaterThanOrEqual(4);
    // Over the last five generations arm 2 has more students than any other arm.
    const counts = TRUE_GAIN.map((_, arm) => chosen.slice(5).flat().filter((a) => a === arm).length);
    expect(counts.indexOf(Math.max(...counts))).toBe(2);
  });

  test("an arm's gain is its students' score over the teacher's (generation 0: over the mean)", () => {
    const arms = recipeArms(defaultConfig());
    const generation = (g: number, agreement: number[], student: number[], best: number): GenerationResult => ({
      generation: g, testAccuracy: 0.8, pseudoLabelAccuracy: null, coverage: 0, pseudoLabels: 0, perClass: [], perClassRight: [], meanConfidence: 0, seconds: 0,
      students: { testAccuracy: agreement, judge: 'agreement', agreement, best },
      recipes: { arms, student, scores: [], chosen: student[best] },
    });
    const stats = armStats([generation(0, [0.9, 0.8], [0, 1], 0), generation(1, [0.95, 0.85], [1, 1], 0)], arms.length);
    expect(stats.pulls.slice(0, 2)).toEqual([1, 3]);
    // Generation 0 over its mean 0.85; generation 1 over its teacher's 0.9.
    expect(stats.gains[0]).toBeCloseTo(0.05, 12);
    expect(stats.gains[1]).toBeCloseTo(-0.05 + 0.05 - 0.05, 12);
    expect(studentScores(generation(0, [0.9, 0.8], [0, 1], 0))).toEqual([0.9, 0.8]);
  });
});

describe('population-based training', () => {
  const recipes: Recipe[] = [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08].map((lr) => ({ ...baseRecipe(defaultConfig()), lr }));

  test("the weakest quarter take the best's weights and a perturbed copy of its recipe; the others keep theirs", () => {
    const scores = [0.9, 0.5, 0.95, 0.7, 0.8, 0.6, 0.85, 0.88];
    const { from, recipes: next } = exploit(scores, recipes, 2, createRng(1));
    expect(from).toEqual([0, 2, 2, 3, 4, 2, 6, 7]);
    for (const k of [0, 3, 4, 6, 7]) expect(next[k]).toBe(recipes[k]);
    for (const k of [1, 5]) {
      expect([0.03 * 0.8, 0.03 * 1.25].map((lr) => Number(lr.toPrecision(6)))).toContain(next[k].lr);
      expect(next[k]).not.toEqual(recipes[2]);
    }
    expect(exploit(scores, recipes, 2, createRng(1))).toEqual({ from, recipes: next });
  });

  test('a perturbation stays within the link limits', () => {
    const edge: Recipe = { lr: PARAM_TABLE.lr.max, inoise: 0, dropout: 0.8, soft: true, k: 1000 };
    for (let seed = 0; seed < 20; seed++) {
      const moved = perturb(edge, createRng(seed));
      expect(moved.lr).toBeLessThanOrEqual(PARAM_TABLE.lr.max);
      expect(moved.inoise).toBeGreaterThanOrEqual(0);
      expect(moved.dropout).toBeLessThanOrEqual(0.8);
      expect(moved.k).toBeLessThanOrEqual(1000);
      expect(moved.tau).toBeUndefined();
    }
  });
});

describe('a recipe search in the loop (CPU)', () => {
  test('bandit: every generation records its arms, each student on one, and the chosen arm is the best student\'s; a seed repeats it', async () => {
    const config = smallConfig({ students: 4, search: 'bandit' });
    const { result } = await runCollecting(config);
    for (const g of result.generations) {
      const recipes = g.recipes!;
      expect(recipes.arms).toEqual(recipeArms(config));
      expect(recipes.student).toHaveLength(4);
      expect(recipes.chosen).toBe(recipes.student[g.students!.best]);
      const tried = new Set(recipes.student);
      recipes.scores.forEach((score, arm) => expect(score === null).toBe(!tried.has(arm)));
    }
    expect(withoutTimes((await runCollecting(config)).result)).toEqual(withoutTimes(result));
  });

  test('pbt: the students start from the arm table, and each generation keeps or perturbs the last one\'s recipes', async () => {
    const config = smallConfig({ students: 4, search: 'pbt', student: 'warm' });
    const { result } = await runCollecting(config);
    const [first, second] = result.generations.map((g) => g.recipes!);
    expect(first.student.map((arm) => first.arms[arm])).toEqual(recipeArms(config).slice(0, 4));
    const before = first.student.map((arm) => first.arms[arm]);
    const after = second.student.map((arm) => second.arms[arm]);
    const kept = after.filter((recipe, k) => JSON.stringify(recipe) === JSON.stringify(before[k]));
    expect(kept).toHaveLength(3);
  });

  test('an arm of learning rate 100 (RunOptions.arms, which no link can give) diverges: its students are dropped with their note, score 0, and the run finishes', async () => {
    const config = smallConfig({ students: 4, search: 'bandit', gens: 2 });
    const arms = [baseRecipe(config), { ...baseRecipe(config), lr: 100 }];
    const { result } = await runCollecting(config, { arms });
    expect(result.generations).toHaveLength(3);
    const first = result.generations[0];
    expect(first.recipes!.arms[1].lr).toBe(100);
    const diverging = first.recipes!.student.flatMap((arm, k) => (arm === 1 ? [k] : []));
    expect(diverging.length).toBeGreaterThan(0);
    expect(first.dropped!.map((d) => d.student).sort()).toEqual(diverging);
    for (const d of first.dropped!) expect(d.reason).toMatch(/loss|non-finite/);
    expect(first.recipes!.scores[1]).toBe(0);
    expect(first.recipes!.chosen).toBe(0);
    // The bandit learns from it: the next generation gives the diverging arm fewer students.
    const next = result.generations[1].recipes!.student.filter((arm) => arm === 1).length;
    expect(next).toBeLessThan(diverging.length);
  });
});
