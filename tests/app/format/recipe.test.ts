import { expect, test } from 'vitest';
import { recipeCells } from '../../../app/format/recipe.ts';
import { recipeText, type Recipe } from '../../../src/selftrain/recipe.ts';
import { generationResult } from '../store/fixtures.ts';

const base: Recipe = { lr: 0.03, k: 30, inoise: 0.8, dropout: 0.1, soft: true };

test('a recipe reads as what it changes from the set one', () => {
  expect(recipeText(base, base)).toBe('as set');
  expect(recipeText({ ...base, lr: 0.03 / 3 }, base)).toBe('lr 0.01');
  expect(recipeText({ ...base, soft: false, k: 60 }, base)).toBe('k 60, hard labels');
  expect(recipeText({ ...base, lr: 0.0375, inoise: 0.7, dropout: 0.15 }, base)).toBe('lr 0.0375, noise 0.7, dropout 0.15');
});

test("a generation's recipes as the page shows them: the chosen one with its score, and every arm tried", () => {
  const arms = [base, { ...base, lr: 0.09 }, { ...base, soft: false }];
  const result = { ...generationResult(1, 0.9), recipes: { arms, student: [1, 2, 1], scores: [null, 0.93, 0.875], chosen: 1 } };
  expect(recipeCells(result, base)).toEqual({
    chosen: 'lr 0.09 · 93.0%',
    arms: [
      { arm: 1, text: 'lr 0.09', score: '93.0%', students: 2, chosen: true },
      { arm: 2, text: 'hard labels', score: '87.5%', students: 1, chosen: false },
    ],
  });
  expect(recipeCells(generationResult(1, 0.9), base)).toBeNull();
});
