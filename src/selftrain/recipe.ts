/**
 * The recipe a student trains with, and the arms a recipe search (`search=bandit|pbt`) tries.
 * A recipe holds the knobs that change how one student learns without changing its shape:
 * the learning rate, the selection's threshold or k, input noise, dropout and hard or soft
 * labels. The arms are derived from the config's own values, so a link's recipe is always arm 0
 * and a search only ever tries what is one step away from it (docs/search.md).
 */
import type { ExperimentConfig } from '../config/schema.ts';
import type { GenerationResult } from './events.ts';
import type { SelectionRule } from './selection.ts';

export interface Recipe {
  lr: number;
  /** The threshold under `select=threshold`; absent under the other strategies. */
  tau?: number;
  /** Pseudo-labels per class and generation under `select=balanced`; absent under the others. */
  k?: number;
  inoise: number;
  dropout: number;
  soft: boolean;
}

/** The factor of the lower and higher learning-rate arms. */
const LR_STEP = 3;
/** The input noise and dropout an arm switches on where the config has none. */
const NOISE_ON = 0.4;
const DROPOUT_ON = 0.1;
/** How much looser the threshold arm admits (tau − 0.1, kept at 0.5 or more), and how many more the k arm takes per class. */
const TAU_STEP = 0.1;
const TAU_FLOOR = 0.5;
const K_STEP = 2;

/** The config's own recipe. */
export function baseRecipe(config: ExperimentConfig): Recipe {
  return {
    lr: config.lr,
    ...(config.select === 'threshold' ? { tau: config.tau } : {}),
    ...(config.select === 'balanced' ? { k: config.k } : {}),
    inoise: config.inoise,
    dropout: config.dropout,
    soft: config.soft,
  };
}

/**
 * The bandit's arms, each the config's recipe with one knob moved: 0 the recipe itself, then
 * lr ÷ 3 and lr × 3, the other label kind (soft ↔ hard), input noise off (or on at 0.4 where
 * the config has none), dropout off (or 0.1), and a looser threshold (tau − 0.1) or twice the k.
 * Curriculum selection has no selection arm. A link with lr=1 gives an arm of lr 3.
 */
export function recipeArms(config: ExperimentConfig): Recipe[] {
  const base = baseRecipe(config);
  const arms: Recipe[] = [
    base,
    { ...base, lr: config.lr / LR_STEP },
    { ...base, lr: config.lr * LR_STEP },
    { ...base, soft: !config.soft },
    { ...base, inoise: config.inoise > 0 ? 0 : NOISE_ON },
    { ...base, dropout: config.dropout > 0 ? 0 : DROPOUT_ON },
  ];
  if (base.tau !== undefined) arms.push({ ...base, tau: Math.max(TAU_FLOOR, Math.min(base.tau, 1) - TAU_STEP) });
  if (base.k !== undefined) arms.push({ ...base, k: base.k * K_STEP });
  return arms;
}

/** The selection rule a recipe selects pseudo-labels with: the config's, with the recipe's tau or k. */
export function recipeRule(config: ExperimentConfig, recipe: Recipe): SelectionRule {
  return { select: config.select, tau: recipe.tau ?? config.tau, percent: config.percent, k: recipe.k ?? config.k };
}

/** True when the two recipes train alike (the same knobs, so their students may share a batch). */
export function sameRecipe(a: Recipe, b: Recipe): boolean {
  return a.lr === b.lr && a.tau === b.tau && a.k === b.k && a.inoise === b.inoise && a.dropout === b.dropout && a.soft === b.soft;
}

/**
 * Each student's score for the search, in student order: its audit accuracy when the generation
 * had an audit, else its agreement with the other students (the judge that needs no labels); 0
 * for a student dropped because its loss diverged, the worst a recipe can do.
 */
export function studentScores(result: GenerationResult): number[] {
  const scores = result.audit?.accuracy ?? result.students?.agreement ?? [];
  const dropped = new Set((result.dropped ?? []).map((d) => d.student));
  return scores.map((score, k) => (dropped.has(k) ? 0 : score));
}

/** A knob's value as a recipe's text shows it: three significant digits, no float noise (0.0333, 0.09). */
const knob = (value: number) => String(Number(value.toPrecision(3)));

/**
 * A recipe as what it changes from the run's own (`base`): "lr 0.09, hard labels"; "as set"
 * when it changes nothing. The page and the CLI's table both write it.
 */
export function recipeText(recipe: Recipe, base: Recipe): string {
  const changes: string[] = [];
  if (recipe.lr !== base.lr) changes.push(`lr ${knob(recipe.lr)}`);
  if (recipe.tau !== undefined && recipe.tau !== base.tau) changes.push(`tau ${knob(recipe.tau)}`);
  if (recipe.k !== undefined && recipe.k !== base.k) changes.push(`k ${knob(recipe.k)}`);
  if (recipe.inoise !== base.inoise) changes.push(`noise ${knob(recipe.inoise)}`);
  if (recipe.dropout !== base.dropout) changes.push(`dropout ${knob(recipe.dropout)}`);
  if (recipe.soft !== base.soft) changes.push(recipe.soft ? 'soft labels' : 'hard labels');
  return changes.length > 0 ? changes.join(', ') : 'as set';
}
