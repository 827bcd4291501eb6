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

/** The whole of issue 15 at once: eight students, a critic, an audit, a gate and the bandit. */
const EVERYTHING = LINK.replace('&gens=3&students=4&search=bandit&', '&gens=2&students=8&critic=committee&agree=4&audit=20&gate=1&search=bandit&');

/**
 * Opens `link` in the page, runs it to the end, and checks the Generations table's test accuracy
 * and Chosen recipe column and the Recipes tried view against the CLI's JSON for the same link.
 */
async function pageMatchesCli(link: string): Promise<SearchGeneration[]> {
  const expected = cli<{ generations: SearchGeneration[] }>(`#${link}`, '--json').generations;
  const base = baseRecipe(decodeLink(link).config);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw new Error(`uncaught error in the page: ${error.message}`);
  });
  await page.goto(inject('baseUrl') + `#${link}`);
  await runToEnd(page);

  const table = page.locator('table', { has: page.locator('caption', { hasText: 'Generations' }) });
  const header = await table.locator('thead th').allTextContents();
  const column = header.indexOf('Chosen recipe');
  expect(column).toBeGreaterThan(0);
  const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (cell) => (cell.textContent ?? '').trim())));

  const view = page.getByTestId('recipe-view');
  const arms = await view.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('.recipes__arm'), (arm) => ({ arm: Number(arm.getAttribute('data-arm')), text: arm.textContent ?? '', bold: arm.querySelector('strong') !== null }))),
  );
  expect(arms).toHaveLength(expected.length);
  expect(cells).toHaveLength(expected.length);
  for (const [g, { recipes, testAccuracy }] of expected.entries()) {
    const tried = recipes.arms.flatMap((recipe, arm) => {
      const students = recipes.student.filter((a) => a === arm).length;
      return students === 0 ? [] : [{ arm, text: `${recipeText(recipe, base)}: ${percent(recipes.scores[arm]!)} (${students})`, bold: arm === recipes.chosen }];
    });
    expect(arms[g]).toEqual(tried);
    expect(cells[g][1]).toBe(percent(testAccuracy));
    expect(cells[g][column]).toBe(`${recipeText(recipes.arms[recipes.chosen], base)} · ${percent(recipes.scores[recipes.chosen]!)}`);
  }
  await context.close();
  return expected;
}

describe('a recipe search in the page', () => {
  test('search=bandit: the Chosen recipe column and the Recipes tried view give the recipes and scores of the CLI', async () => {
    const generations = await pageMatchesCli(LINK);
    // Four students over seven arms: generation 0 tries four different recipes.
    expect(new Set(generations[0].recipes.student).size).toBe(4);
  });

  test('students=8, a critic, an audit of 20, the gate and the bandit together: the page gives the numbers and recipes of the CLI', async () => {
    const generations = await pageMatchesCli(EVERYTHING);
    expect(generations).toHaveLength(3);
    expect(generations[0].recipes.student).toHaveLength(8);
  });
});
