import type { GenerationResult } from '../../src/selftrain/events.ts';
import { recipeText, type Recipe } from '../../src/selftrain/recipe.ts';
import { formatPercent } from './percent.ts';

/** One arm a generation tried, as the recipe view shows it. */
export interface ArmCell {
  /** The arm's index in the generation's `recipes.arms`. */
  arm: number;
  /** recipeText of the arm. */
  text: string;
  /** The mean score of its students ("93.1%"). */
  score: string;
  /** How many students trained with it. */
  students: number;
  /** Its student teaches next. */
  chosen: boolean;
}

/** A generation's recipe search as the page shows it; null without one. */
export interface RecipeCells {
  /** "lr 0.09 · 93.1%": the chosen recipe and its score. */
  chosen: string;
  /** Every arm some student tried, in arm order. */
  arms: ArmCell[];
}

export function recipeCells(result: GenerationResult, base: Recipe): RecipeCells | null {
  const recipes = result.recipes;
  if (!recipes) return null;
  const arms = recipes.arms.flatMap((recipe, arm): ArmCell[] => {
    const students = recipes.student.filter((a) => a === arm).length;
    if (students === 0) return [];
    return [{ arm, text: recipeText(recipe, base), score: formatPercent(recipes.scores[arm]), students, chosen: arm === recipes.chosen }];
  });
  const chosen = arms.find((cell) => cell.chosen);
  return { chosen: chosen ? `${chosen.text} · ${chosen.score}` : '—', arms };
}
