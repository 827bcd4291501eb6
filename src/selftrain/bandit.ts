/**
 * `search=bandit`: each generation's students are allotted among the recipe arms
 * (src/selftrain/recipe.ts) by UCB1 over the arms' past gains. A student's gain is its score
 * (studentScores: audit accuracy, else agreement) minus its teacher's score on the same judge;
 * generation 0 has no teacher, so its gains are over the generation's mean score. Everything the
 * bandit knows is in the finished generations' `recipes` fields, so a resumed run allots exactly
 * as an uninterrupted one.
 */
import type { Rng } from '../data/rng.ts';
import type { GenerationResult } from './events.ts';
import { studentScores } from './recipe.ts';

/**
 * UCB1's exploration bonus is c·√(2 ln N / n) with c = 1 for rewards in [0, 1]; a recipe's gain
 * is a few accuracy points, so c is a few points too, else the bonus drowns every difference
 * and the bandit never stops trying everything in turn.
 */
export const EXPLORE = 0.03;

/** Per arm: the students that tried it and the sum of their gains. */
export interface ArmStats {
  pulls: number[];
  gains: number[];
}

/** What the arms have gained over `generations` (those that carry `recipes`), for `arms` arms. */
export function armStats(generations: readonly GenerationResult[], arms: number): ArmStats {
  const stats: ArmStats = { pulls: new Array<number>(arms).fill(0), gains: new Array<number>(arms).fill(0) };
  let teacherScore: number | null = null;
  for (const result of generations) {
    const scores = studentScores(result);
    const recipes = result.recipes;
    if (recipes && scores.length === recipes.student.length) {
      const baseline = teacherScore ?? scores.reduce((sum, score) => sum + score, 0) / scores.length;
      recipes.student.forEach((arm, k) => {
        if (arm >= arms) return;
        stats.pulls[arm]++;
        stats.gains[arm] += scores[k] - baseline;
      });
    }
    const best = result.students?.best ?? 0;
    teacherScore = scores[best] ?? null;
  }
  return stats;
}

/**
 * The arm of each of `students` students: one at a time, the arm with the highest upper bound
 * mean + EXPLORE·√(2 ln N / n), counting the students already allotted this generation as pulls
 * (with no gain yet), so a generation spreads over the arms near the top rather than piling on
 * one. An untried arm comes first; ties go to a draw from `rng`.
 */
export function allotArms(stats: ArmStats, students: number, rng: Rng): number[] {
  const pulls = [...stats.pulls];
  const arms = pulls.length;
  const mean = stats.gains.map((gain, a) => (stats.pulls[a] > 0 ? gain / stats.pulls[a] : 0));
  let total = pulls.reduce((sum, n) => sum + n, 0);
  const allotted: number[] = [];
  for (let k = 0; k < students; k++) {
    const bound = pulls.map((n, a) => (n === 0 ? Infinity : mean[a] + EXPLORE * Math.sqrt((2 * Math.log(Math.max(total, 1))) / n)));
    const top = Math.max(...bound);
    const tied = Array.from({ length: arms }, (_, a) => a).filter((a) => bound[a] === top);
    const arm = tied.length === 1 ? tied[0] : tied[rng.int(tied.length)];
    allotted.push(arm);
    pulls[arm]++;
    total++;
  }
  return allotted;
}
