import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { encodePoints } from '../../src/data/customPoints.ts';
import { launchChromium } from './browser.ts';
import { cli, percent, readGenerations, runToEnd, type CliGeneration } from './page.ts';
import { clusterPoints } from '../data/clusterPoints.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** 200 rows after a header, every tenth one broken. */
function csvWithBadRows(): string {
  const rows = ['x,y,label'];
  for (let i = 0; i < 200; i++) rows.push(i % 10 === 9 ? `1,oops,1` : `${(i % 12) - 5.5},${(i % 11) / 2 - 2.5},${i % 2}`);
  return rows.join('\n');
}

test('a data=custom link runs to the CLI\'s numbers, a CSV file replaces its points unless it is garbage, and clicks draw and erase', async () => {
  const link = `v=1&data=custom&points=${encodePoints(clusterPoints())}&labels=6&hidden=8&epochs=10&k=5&gens=2&seed=3&backend=cpu`;
  const expected = cli<{ generations: CliGeneration[] }>(`#${link}`, '--json');
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(inject('baseUrl') + `#${link}`);
  const help = page.locator('#points-help');
  await expect.poll(() => help.textContent()).toMatch(/^66 points\./);
  await runToEnd(page);
  const rows = await readGenerations(page);
  expect(rows).toEqual(expected.generations.map((g) => [String(g.generation), percent(g.testAccuracy), percent(g.pseudoLabelAccuracy), percent(g.coverage)]));

  const file = page.getByLabel('Your points (CSV: x,y,label)');
  await file.setInputFiles({ name: 'class.csv', mimeType: 'text/csv', buffer: Buffer.from(csvWithBadRows()) });
  const alert = page.locator('.points-import__message');
  await expect.poll(() => alert.locator('p').textContent()).toBe('Read 180 points from class.csv; 20 lines were left out.');
  expect(await alert.getAttribute('role')).toBe('alert');
  expect(await alert.locator('li').first().textContent()).toBe('line 11: y is not a number');
  await expect.poll(() => help.textContent()).toMatch(/^180 points\./);
  await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('&points=');

  await file.setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from('\u0000\u0001garbage\nnot,a,point') });
  await expect.poll(() => alert.locator('p').textContent()).toBe('photo.csv has no line that is a point (x,y,label), so your points are as they were.');
  expect(await help.textContent()).toMatch(/^180 points\./);

  // Drawing: a click at the plot's centre (0, 0) adds a point of the chosen class, and erases it again.
  const canvas = page.locator('.data-view__canvas');
  await page.getByLabel('A click on the plot').selectOption('2');
  await canvas.click();
  await expect.poll(() => help.textContent()).toMatch(/^181 points\./);
  await page.getByLabel('A click on the plot').selectOption('erase');
  await canvas.click();
  await expect.poll(() => help.textContent()).toMatch(/^180 points\./);
  expect(errors).toEqual([]);
  await page.close();
});
