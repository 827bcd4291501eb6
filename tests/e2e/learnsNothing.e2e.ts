import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { cli, percent, runToEnd, type CliGeneration } from './page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A new user's one change (issue 17): the spiral on the two moons' recipe. Its 8-8 network
 * cannot fit the spiral even with every label, so the page offers the spiral's preset before the
 * run, and after it a note that reads the oracle and names the preset and wider layers.
 */
test('the spiral on the moons recipe offers its preset, and a run at chance says the model cannot fit it', async () => {
  const link = 'v=1&data=spiral';
  const expected = cli<{ generations: CliGeneration[]; oracle: { testAccuracy: number } }>(`#${link}`, '--json');
  expect(expected.generations[0].testAccuracy).toBeLessThanOrEqual(0.53);
  expect(expected.oracle.testAccuracy).toBeLessThanOrEqual(0.53);

  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(inject('baseUrl') + `#${link}`);
  const tip = page.getByTestId('dataset-preset-tip');
  await expect.poll(() => tip.textContent()).toBe('Settings tuned for these points: Spiral from 30 labels. Use the preset');
  await runToEnd(page);
  await expect.poll(() => page.getByTestId('chance-note').textContent()).toBe(
    `Generation 0 is at chance level (${percent(expected.generations[0].testAccuracy)} right, guessing among 2 classes gives 50.0%), ` +
      `and so is the oracle trained on every label (${percent(expected.oracle.testAccuracy)}): this model, as set, cannot fit this data. ` +
      'Try the preset tuned for it, “Spiral from 30 labels”, or wider layers than 8,8, or a smaller learning rate than 0.03.',
  );

  await tip.getByRole('button', { name: 'Use the preset' }).click();
  await expect.poll(() => page.getByLabel('Preset').locator('option:checked').textContent()).toBe('Spiral from 30 labels');
  expect(await tip.count()).toBe(0);
  expect(await page.getByTestId('chance-note').count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});
