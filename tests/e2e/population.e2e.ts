import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { cli, percent, runToEnd, type CliGeneration } from './page.ts';

/** Two moons, four students a generation, small enough for the CPU backend in seconds. */
const LINK =
  'v=1&data=moons&labels=8&noise=10&classes=2&pool=300&test=300&model=mlp&hidden=8&act=tanh&dropout=0.1&inoise=0.5&opt=adam&lr=0.03&' +
  'l2=0&batch=16&epochs=30&select=balanced&tau=0.9&percent=20&k=30&soft=1&temperature=0.5&lweight=20&student=warm&gens=2&students=4&seed=3&backend=cpu&labeler=engine';

interface PopulationGeneration extends CliGeneration {
  students: { testAccuracy: number[]; agreement: number[]; best: number; judge: string };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('a population in the page', () => {
  test('students=4 runs, the chart shows the band, the table every student, all as the CLI gives them', async () => {
    const expected = cli<{ generations: PopulationGeneration[] }>(`#${LINK}`, '--json');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw new Error(`uncaught error in the page: ${error.message}`);
    });
    await page.goto(inject('baseUrl') + `#${LINK}`);
    await runToEnd(page);

    const legend = page.locator('figure.chart', { hasText: 'Accuracy per generation' }).locator('.chart__legend');
    await expect.poll(() => legend.textContent()).toContain('Students min–max (4)');
    expect(await legend.textContent()).toContain('best of 4 students, judged by agreement (no labels)');
    expect(await legend.textContent()).toContain('Students mean');

    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Generations' }) });
    const header = await table.locator('thead th').allTextContents();
    expect(header.slice(0, 5)).toEqual(['Generation', 'Test accuracy', 'Students min–max', 'Chosen student', 'Each student']);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (cell) => (cell.textContent ?? '').trim())));
    const bold = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('.results__students strong')?.textContent ?? ''));
    expect(rows).toHaveLength(expected.generations.length);
    for (const [g, generation] of expected.generations.entries()) {
      const { testAccuracy, best, agreement } = generation.students;
      expect(testAccuracy).toHaveLength(4);
      const [low, high] = [Math.min(...testAccuracy), Math.max(...testAccuracy)];
      expect(rows[g].slice(0, 4)).toEqual([
        String(generation.generation),
        percent(generation.testAccuracy),
        `${percent(low).replace('%', '')}–${percent(high)}`,
        `#${best} · ${percent(agreement[best])} agree`,
      ]);
      expect(rows[g][4]).toBe(testAccuracy.map(percent).join(' '));
      expect(bold[g]).toBe(percent(testAccuracy[best]));
    }
    await context.close();
  });
});
