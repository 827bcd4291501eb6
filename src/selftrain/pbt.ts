/**
 * `search=pbt`, population-based training (Jaderberg et al., 2017): each student keeps its own
 * recipe (and, under `student=warm`, its own weights) from generation to generation; after each
 * generation the weakest quarter (at least one) is replaced by copies of the best student,
 * weights and recipe, and each copy's recipe is perturbed (exploit, then explore).
 */
import { PARAM_TABLE, canonicalFloat } from '../config/params.ts';
import type { Rng } from '../data/rng.ts';
import type { Recipe } from './recipe.ts';

/** The perturbation's factors and steps: lr and k × 0.8 or × 1.25, input noise ± 0.1, dropout ± 0.05, tau ± 0.05, soft flipped one time in four. */
const FACTORS = [0.8, 1.25] as const;
const NOISE_STEP = 0.1;
const DROPOUT_STEP = 0.05;
const TAU_STEP = 0.05;
const FLIP_SOFT = 0.25;

/** What the next generation starts from: per student, whose weights (itself or the best) and which recipe. */
export interface Exploited {
  from: number[];
  recipes: Recipe[];
}

/** The weakest quarter of `students` students, at least one (never the best). */
export function weakestCount(students: number): number {
  return Math.max(1, Math.floor(students / 4));
}

/**
 * Exploit and explore after a generation: `scores` per student (higher is better), `best` the
 * judge's choice. The weakest quarter, by score (ties: the higher index is the weaker), and every
 * `dropped` student (its weights diverged) take the best's weights and a perturbation of its
 * recipe, drawn from `rng`; the others keep theirs.
 */
export function exploit(scores: readonly number[], recipes: readonly Recipe[], best: number, rng: Rng, dropped: readonly number[] = []): Exploited {
  const students = scores.length;
  const weakestFirst = Array.from({ length: students }, (_, k) => k)
    .filter((k) => k !== best)
    .sort((a, b) => scores[a] - scores[b] || b - a);
  const replaced = new Set([...weakestFirst.slice(0, weakestCount(students)), ...dropped.filter((k) => k !== best)]);
  const from = Array.from({ length: students }, (_, k) => (replaced.has(k) ? best : k));
  return { from, recipes: from.map((source, k) => (replaced.has(k) ? perturb(recipes[source], rng) : recipes[k])) };
}

/** `recipe` with every knob moved one step up or down at random, each kept within its link parameter's limits. */
export function perturb(recipe: Recipe, rng: Rng): Recipe {
  const factor = () => FACTORS[rng.int(FACTORS.length)];
  const step = (size: number) => (rng.int(2) === 0 ? -size : size);
  const within = (value: number, limits: { min: number; max: number }) => canonicalFloat(Math.min(limits.max, Math.max(limits.min, value)));
  const next: Recipe = {
    lr: within(recipe.lr * factor(), PARAM_TABLE.lr),
    inoise: within(recipe.inoise + step(NOISE_STEP), PARAM_TABLE.inoise),
    dropout: within(recipe.dropout + step(DROPOUT_STEP), PARAM_TABLE.dropout),
    soft: rng.next() < FLIP_SOFT ? !recipe.soft : recipe.soft,
  };
  if (recipe.tau !== undefined) next.tau = within(recipe.tau + step(TAU_STEP), PARAM_TABLE.tau);
  if (recipe.k !== undefined) next.k = Math.round(within(recipe.k * factor(), PARAM_TABLE.k));
  return next;
}
