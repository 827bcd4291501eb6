import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { goalGeneration } from '../../app/charts/goal.ts';
import { encodeLink } from '../../src/config/codec.ts';
import { runCollecting, smallConfig } from '../selftrain/fixtures.ts';
import { launchChromium } from './browser.ts';
import { percent, readGenerations, runToEnd } from './page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh page at `hash` that fails the test on any uncaught error. */
async function open(hash: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (error) => {
    throw new Error(`uncaught error in the page: ${error.message}`);
  });
  await page.goto(`${inject('baseUrl')}#${hash}`);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  return page;
}

/** Every visible piece of text on the page smaller than `px`, as "TAG.class 15px: text". */
function textSmallerThan(page: Page, px: number): Promise<string[]> {
  return page.evaluate((least) => {
    const small: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !node.textContent?.trim() || !element.checkVisibility() || element.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < least) small.push(`${element.tagName}.${element.className} ${size}px: ${node.textContent.trim().slice(0, 40)}`);
    }
    return small;
  }, px);
}

/** The widths uPlot draws each line of a chart with, from its `data-line-widths`. */
async function lineWidths(page: Page, plot: string): Promise<number[]> {
  const text = await page.locator(`${plot} .uplot`).getAttribute('data-line-widths');
  return text ? text.split(' ').map(Number) : [];
}

/** Pixels of the goal line's colour (#111827), at least half covered, in the accuracy chart's (transparent) canvas. */
function goalPixels(page: Page): Promise<number> {
  return page.locator('.chart__plot--accuracy canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - 17) <= 2 && Math.abs(data[i + 1] - 24) <= 2 && Math.abs(data[i + 2] - 39) <= 2 && data[i + 3] >= 128) count++;
    return count;
  });
}

describe('assignments by link', () => {
  test('hide= takes the named groups and settings off the page and says so; Show all brings them back and drops hide= from the link', async () => {
    const page = await open(`${encodeLink(smallConfig())}&hide=training,seed,presets`);
    const side = page.getByRole('complementary', { name: 'Experiment' });
    // Training's six settings (the warm-up's epochs and noise are inactive without a warm-up), the seed and the preset menu.
    await expect(side.getByRole('note').textContent()).resolves.toContain('8 settings are hidden by this link.');
    for (const label of ['Learning rate', 'Optimizer', 'Batch size', 'Warm-up', 'Seed', 'Preset']) await expect(side.getByLabel(label, { exact: true }).count()).resolves.toBe(0);
    await expect(side.getByRole('group', { name: 'Training', exact: true }).count()).resolves.toBe(0);
    for (const label of ['Labelled examples', 'Generations', 'Hidden layers']) await expect(side.getByLabel(label, { exact: true }).count()).resolves.toBe(1);
    // Copy link keeps hide= (the hash is what it copies).
    await expect(page.evaluate(() => location.hash)).resolves.toMatch(/&hide=training,seed,presets$/);

    await side.getByRole('button', { name: 'Show all' }).click();
    for (const label of ['Learning rate', 'Optimizer', 'Batch size', 'Seed', 'Preset']) await expect(side.getByLabel(label, { exact: true }).count()).resolves.toBe(1);
    await expect(side.getByRole('note').count()).resolves.toBe(0);
    await expect(page.evaluate(() => location.hash)).resolves.toBe(`#${encodeLink(smallConfig())}`);
    await page.close();
  });

  test('bad view values get a note each and are ignored; the page keeps working', async () => {
    const page = await open(`${encodeLink(smallConfig())}&hide=wings&goal=150&present=maybe`);
    const note = page.getByRole('note').filter({ hasText: 'This link was adjusted' });
    await expect(note.textContent()).resolves.toMatch(/"wings".*goal=150.*present=maybe|present=maybe.*"wings".*goal=150/s);
    await expect(page.locator('.page--present').count()).resolves.toBe(0);
    await expect(page.getByLabel('Learning rate', { exact: true }).count()).resolves.toBe(1);
    await expect(page.evaluate(() => location.hash)).resolves.toBe(`#${encodeLink(smallConfig())}`);
    await page.close();
  });

  test('goal= draws a labelled line on the accuracy chart and names the generation that reaches it; the numbers are the same as without it', async () => {
    const config = smallConfig({ gens: 3 });
    const { result } = await runCollecting(config);
    // A goal the run reaches after generation 0 where it can: the best generation's accuracy, in tenths of a percent.
    const best = Math.max(...result.generations.map((g) => g.testAccuracy));
    const goal = Math.floor(best * 1000) / 10;
    const reached = goalGeneration(result.generations, goal);
    expect(reached).not.toBeNull();

    const plain = await open(encodeLink(config));
    await expect(goalPixels(plain)).resolves.toBe(0);
    await plain.close();

    const page = await open(`${encodeLink(config)}&goal=${goal}`);
    const figure = page.getByRole('figure').filter({ hasText: 'Accuracy per generation' });
    await expect(figure.locator('.chart__plot--accuracy .uplot').getAttribute('data-goal')).resolves.toBe(String(goal));
    await expect(figure.getByRole('listitem').filter({ hasText: `Goal (${goal}%)` }).count()).resolves.toBe(1);
    await expect(figure.locator('.chart__goal').textContent()).resolves.toBe(`Goal: ${goal}% test accuracy.`);
    // The dashed line itself, in its own colour, across the plot.
    await expect(goalPixels(page)).resolves.toBeGreaterThan(300);

    await runToEnd(page);
    await expect(figure.locator('.chart__goal').textContent()).resolves.toBe(`Goal of ${goal}% reached in generation ${reached}.`);
    const rows = await readGenerations(page);
    expect(rows.map((row) => row[1])).toEqual(result.generations.map((g) => percent(g.testAccuracy)));
    await expect(goalPixels(page)).resolves.toBeGreaterThan(300);
    await page.close();
  });
});

describe('presenter mode', () => {
  test('at 1920×1080: the views first, no visible text under 20 px, chart lines 3 px or more, the settings in a drawer', async () => {
    // With a warm-up: its panel's text and its loss line must read from the back of the room too.
    const config = smallConfig({ gens: 2, pretrain: 'denoise' });
    // The ordinary page has smaller type: the check below can tell them apart.
    const ordinary = await open(encodeLink(config), { width: 1920, height: 1080 });
    expect((await textSmallerThan(ordinary, 20)).length).toBeGreaterThan(0);
    const ordinaryWidths = await lineWidths(ordinary, '.chart__plot--accuracy');
    expect(ordinaryWidths.length).toBeGreaterThan(0);
    expect(Math.min(...ordinaryWidths)).toBeLessThan(3);
    await ordinary.close();

    const page = await open(`${encodeLink(config)}&present=1&goal=50`, { width: 1920, height: 1080 });
    await runToEnd(page);
    // The views fill the first screen.
    for (const view of ['.chart__plot--accuracy', '.data-view']) {
      const box = await page.locator(view).first().boundingBox();
      expect(box, view).not.toBeNull();
      expect(box!.y + box!.height / 2, view).toBeLessThan(1080);
    }
    await page.getByTestId('warmup-view').getByRole('img', { name: /^Arrows from each/ }).waitFor();
    expect(await textSmallerThan(page, 20)).toEqual([]);
    expect(await lineWidths(page, '.chart__plot--loss')).toHaveLength(2);
    for (const plot of ['.chart__plot--accuracy', '.chart__plot--loss']) {
      const widths = await lineWidths(page, plot);
      expect(widths.length, plot).toBeGreaterThan(0);
      expect(Math.min(...widths), plot).toBeGreaterThanOrEqual(3);
    }

    // The drawer: a disclosure button, closed at first; open, its settings are there and large too; Escape closes it.
    const toggle = page.getByRole('button', { name: 'Settings' });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.getByLabel('Learning rate', { exact: true }).isVisible()).resolves.toBe(false);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(page.getByLabel('Learning rate', { exact: true }).isVisible()).resolves.toBe(true);
    expect(await textSmallerThan(page, 20)).toEqual([]);
    await page.getByLabel('Learning rate', { exact: true }).focus();
    await page.keyboard.press('Escape');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Settings');
    await expect(page.evaluate(() => location.hash)).resolves.toMatch(/&present=1&goal=50$/);
    await page.close();
  });
});
