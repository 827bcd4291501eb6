import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { decodeLink } from '../../src/config/codec.ts';
import type { RecipeResult } from '../../src/selftrain/events.ts';
import { baseRecipe, recipeText } from '../../src/selftrain/recipe.ts';
import { launchChromium } from './browser.ts';
import { cli, percent, runToEnd, type CliGeneration } from './page.ts';

/** Two moons, four students a generation under the bandit, small enough for the CPU backend in seconds. */
const LINK =
  'v=1&data=moons&labels=8&noise=10&classes=2&pool=300&test=300&model=mlp&hidden=8&act=tanh&dropout=0.1&inoise=0.5&opt=adam&lr=0.03&' +
  'l2=0&batch=16&epochs=20&select=balanced&tau=0.9&percent=20&k=30&soft=1&temperature=0.5&lweight=20&student=warm&gens=3&students=4&search=bandit&seed=3&backend=cpu&labeler=engine';

interface SearchGeneration extends CliGeneration {
  recipes: RecipeResult;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('a recipe search in the page', () => {
  test('search=bandit: the Chosen recipe column and the Recipes tried view give the recipes and scores of the CLI', async () => {
    const expected = cli<{ generations: SearchGeneration[] }>(`#${LINK}`, '--json');
    const base = baseRecipe(decodeLink(LINK).config);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw new Error(`uncaught error in the page: ${error.message}`);
    });
    await page.goto(inject('baseUrl') + `#${LINK}`);
    await runToEnd(page);

    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Generations' }) });
    const header = await table.locator('thead th').allTextContents();
    const column = header.indexOf('Chosen recipe');
    expect(column).toBeGreaterThan(0);
    const chosen = await table.locator('tbody tr').evaluateAll((trs, c) => trs.map((tr) => (tr.querySelectorAll('th, td')[c]?.textContent ?? '').trim()), column);

    const view = page.getByTestId('recipe-view');
    const arms = await view.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('.recipes__arm'), (arm) => ({ arm: Number(arm.getAttribute('data-arm')), text: arm.textContent ?? '', bold: arm.querySelector('strong') !== null }))),
    );
    expect(arms).toHaveLength(expected.generations.length);
    for (const [g, { recipes }] of expected.generations.entries()) {
      const tried = recipes.arms.flatMap((recipe, arm) => {
        const students = recipes.student.filter((a) => a === arm).length;
        return students === 0 ? [] : [{ arm, text: `${recipeText(recipe, base)}: ${percent(recipes.scores[arm]!)} (${students})`, bold: arm === recipes.chosen }];
      });
      expect(arms[g]).toEqual(tried);
      expect(chosen[g]).toBe(`${recipeText(recipes.arms[recipes.chosen], base)} · ${percent(recipes.scores[recipes.chosen]!)}`);
    }
    // Four students over seven arms: generation 0 tries four different recipes.
    expect(arms[0]).toHaveLength(4);
    await context.close();
  });
});
