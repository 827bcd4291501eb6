import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

/** 200 rows after a header, every tenth one broken, and ten good ones with an empty label (no class). */
function csvWithBadRows(): string {
  const rows = ['x,y,label'];
  for (let i = 0; i < 200; i++) rows.push(i % 10 === 9 ? `1,oops,1` : `${(i % 12) - 5.5},${(i % 11) / 2 - 2.5},${i % 20 === 4 ? '' : i % 2}`);
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
  await expect.poll(() => help.textContent()).toMatch(/^66 points, 6 without a class\./);
  await runToEnd(page);
  const rows = await readGenerations(page);
  expect(rows).toEqual(expected.generations.map((g) => [String(g.generation), percent(g.testAccuracy), percent(g.pseudoLabelAccuracy), percent(g.coverage)]));

  const file = page.getByLabel('Your points (CSV: x,y,label)');
  await file.setInputFiles({ name: 'class.csv', mimeType: 'text/csv', buffer: Buffer.from(csvWithBadRows()) });
  const alert = page.locator('.points-import__message');
  await expect.poll(() => alert.locator('p').textContent()).toBe('Read 180 points from class.csv; 20 lines were left out.');
  expect(await alert.getAttribute('role')).toBe('alert');
  expect(await alert.locator('li').first().textContent()).toBe('line 11: y is not a number');
  await expect.poll(() => help.textContent()).toMatch(/^180 points, 10 without a class\./);
  await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('&points=');

  await file.setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from('\u0000\u0001garbage\nnot,a,point') });
  await expect.poll(() => alert.locator('p').textContent()).toBe('photo.csv has no line that is a point (x,y,label), so your points are as they were.');
  expect(await help.textContent()).toMatch(/^180 points, 10 without a class\./);

  // Drawing: a click at the plot's centre (0, 0) adds a point of the chosen class, and erases it again.
  const canvas = page.locator('.data-view__canvas');
  await page.getByLabel('A click on the plot').selectOption('2');
  await canvas.click();
  await expect.poll(() => help.textContent()).toMatch(/^181 points, 10 without a class\./);
  await page.getByLabel('A click on the plot').selectOption('erase');
  await canvas.click();
  await expect.poll(() => help.textContent()).toMatch(/^180 points, 10 without a class\./);
  expect(errors).toEqual([]);
  await page.close();
});

/** Every cell of the Generations table, row by row. */
function readWholeTable(page: Page): Promise<string[][]> {
  const table = page.locator('table', { has: page.locator('caption', { hasText: 'Generations' }) });
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => (cell.textContent ?? '').trim())));
}

test('points drawn with no class join the pool unscored, and the copied link reopens the same points and the same numbers', async () => {
  const classed = clusterPoints().filter((point) => point.label !== undefined);
  const link = `v=1&data=custom&points=${encodePoints(classed)}&labels=6&hidden=8&epochs=10&k=5&gens=2&seed=3&backend=cpu`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors: string[] = [];
  const open = async (hash: string) => {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(inject('baseUrl') + hash);
    return page;
  };
  const page = await open(`#${link}`);
  const help = page.locator('#points-help');
  const summary = page.locator('.data-view__summary');
  await expect.poll(() => help.textContent()).toMatch(/^60 points\./);
  expect(await summary.textContent()).not.toContain('no class');

  // Three clicks with no class and one of class 1, at four places in the plot.
  const canvas = page.locator('.data-view__canvas');
  const box = (await canvas.boundingBox())!;
  const mode = page.getByLabel('A click on the plot');
  await mode.selectOption('none');
  for (const [fx, fy, count] of [[0.5, 0.5, 61], [0.3, 0.6, 62], [0.7, 0.35, 63]]) {
    await canvas.click({ position: { x: fx * box.width, y: fy * box.height } });
    await expect.poll(() => help.textContent()).toMatch(new RegExp(`^${count} points, ${count - 60} without a class\\.`));
  }
  await mode.selectOption('1');
  await canvas.click({ position: { x: 0.8 * box.width, y: 0.5 * box.height } });
  await expect.poll(() => help.textContent()).toMatch(/^64 points, 3 without a class\./);
  await expect.poll(() => summary.textContent()).toContain('3 of the pool have no class: pseudo-labelled and trained on, not scored');
  expect(await page.locator('.data-legend').textContent()).toContain('no class (not scored)');

  await runToEnd(page);
  const rows = await readWholeTable(page);
  expect(rows.length).toBe(3);
  // The page's numbers are the CLI's for the drawn link, the unclassed points in the pool.
  const drawn = await page.evaluate(() => window.location.hash);
  const expected = cli<{ generations: CliGeneration[] }>(drawn, '--json');
  expect(rows.map((row) => row.slice(0, 4))).toEqual(expected.generations.map((g) => [String(g.generation), percent(g.testAccuracy), percent(g.pseudoLabelAccuracy), percent(g.coverage)]));

  await page.getByRole('button', { name: 'Copy link' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const pointsOf = (hash: string) => new URLSearchParams(hash.slice(hash.indexOf('#') + 1)).get('points');
  expect(pointsOf(copied)).toBe(pointsOf(drawn));
  const again = await open(copied.slice(copied.indexOf('#')));
  await expect.poll(() => again.locator('#points-help').textContent()).toMatch(/^64 points, 3 without a class\./);
  expect(pointsOf(await again.evaluate(() => window.location.hash))).toBe(pointsOf(drawn));
  await runToEnd(again);
  expect(await readWholeTable(again)).toEqual(rows);
  expect(errors).toEqual([]);
  await context.close();
});
