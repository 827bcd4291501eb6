import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ExperimentResult } from '../../src/selftrain/events.ts';
import { launchChromium } from './browser.ts';
import { cli, percent, runToEnd } from './page.ts';

/** Two moons with a 5-epoch denoising warm-up: the CLI gives generation 0 a gain over the same student without it. */
const MOONS = 'v=1&data=moons&pretrain=denoise&pepochs=5&gens=2&seed=1&backend=cpu';

/** A small MNIST CNN with a 1-epoch rotation warm-up, on the WebAssembly backend. */
const MNIST = 'v=1&data=mnist&labels=20&pool=500&test=200&model=cnn&pretrain=rotate&pepochs=1&epochs=1&gens=1&seed=3&backend=wasm';

/** The warm-up's colour on the canvases (LINE.warmup, #c2410c). */
const WARMUP_RGB = [194, 65, 12];

/** Every progress bar's label the page showed, in order of first appearance (recorded by a MutationObserver). */
const BAR_RECORDER = `(() => {
  const seen = [];
  new MutationObserver(() => {
    for (const bar of document.querySelectorAll('[role="progressbar"]')) {
      const label = bar.getAttribute('aria-label') ?? '';
      const kind = label.replace(/: .*/, '');
      if (!seen.some((s) => s.replace(/: .*/, '') === kind)) seen.push(label);
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true });
  window.__bars = seen;
})()`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A new page at `link`, failing the test on any uncaught error in it. */
async function open(link: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw new Error(`uncaught error in the page: ${error.message}`);
  });
  await page.goto(`${inject('baseUrl')}#${link}`);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  return page;
}

/** The pixels of `canvas` within 2 of the warm-up's colour, at least half covered. */
function warmupPixels(page: Page, canvas: string): Promise<number> {
  return page.locator(canvas).evaluate((element: HTMLCanvasElement, rgb) => {
    const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if (rgb.every((value, c) => Math.abs(data[i + c] - value) <= 2) && data[i + 3] >= 128) count++;
    return count;
  }, WARMUP_RGB);
}

/** "+5.4 pts (88.9% without)" from the CLI's numbers. */
function gainCell(warmup: { gain: number; withoutTestAccuracy: number }): string {
  const points = Math.abs(warmup.gain * 100).toFixed(1);
  return `${warmup.gain < 0 ? '−' : '+'}${points} pts (${percent(warmup.withoutTestAccuracy)} without)`;
}

describe('the warm-up in the page', () => {
  test("on two moons: its bar, its loss on its own axis, its plane with a text alternative, and the CLI's gain in the table and the JSON", async () => {
    const expected = cli<ExperimentResult>(`#${MOONS}`, '--json');
    const gained = expected.generations[0].warmup!;
    expect(expected.warmup?.loss).toHaveLength(5);

    const page = await open(MOONS);
    await page.evaluate(BAR_RECORDER);
    await runToEnd(page);
    const bars = await page.evaluate(() => (window as unknown as { __bars: string[] }).__bars);
    const warmupBar = bars.findIndex((label) => /^Warm-up \(denoise\): epoch [1-5] of 5/.test(label));
    const withoutBar = bars.findIndex((label) => /^Generation 0 without the warm-up: epoch \d+ of 50/.test(label));
    expect(warmupBar, bars.join(' | ')).toBeGreaterThanOrEqual(0);
    expect(withoutBar, bars.join(' | ')).toBeGreaterThan(warmupBar);

    // The loss chart: the warm-up's legend entry, its own right-hand axis, its line drawn.
    const loss = page.locator('figure', { has: page.locator('.chart__plot--loss') });
    await expect(loss.locator('.chart__legend').textContent()).resolves.toContain('Warm-up (denoise): squared error, right axis');
    await expect(loss.locator('.uplot').getAttribute('data-axis-labels')).resolves.toBe('Epoch (whole run) | Loss | Warm-up loss');
    await expect(loss.locator('.uplot').getAttribute('data-line-widths')).resolves.toBe('1.5 1.5');
    await expect(warmupPixels(page, '.chart__plot--loss canvas')).resolves.toBeGreaterThan(20);

    // The plane: arrows drawn, and a text alternative that states the numbers.
    const panel = page.getByTestId('warmup-view');
    await expect(panel.locator('.chart__title').textContent()).resolves.toBe('What the warm-up learned (denoise)');
    const last = expected.warmup!.loss.at(-1)!;
    await expect(panel.textContent()).resolves.toContain(`to ${last.toPrecision(3)} over 5 epochs.`);
    const plane = panel.getByRole('img', { name: /^Arrows from each of the 225 points of a 15 × 15 lattice over the plane .* a point moves \d+\.\d\d on average/ });
    await plane.waitFor();
    await expect(warmupPixels(page, '.warmup__canvas')).resolves.toBeGreaterThan(200);

    // The table's gain cell is the CLI's, and the JSON carries the CLI's warm-up.
    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Generations' }) });
    const headers = await table.locator('thead th').allTextContents();
    const column = headers.indexOf('Warm-up gain');
    expect(column).toBe(2);
    const cells = await table.locator('tbody tr').evaluateAll((rows, at) => rows.map((row) => row.querySelectorAll('th, td')[at]?.textContent?.trim()), column);
    expect(cells).toEqual([gainCell(gained), '—', '—']);
    const [csvFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save table (CSV)' }).click()]);
    const csv = readFileSync(await csvFile.path(), 'utf8').trim().split('\r\n').map((line) => line.split(','));
    expect([csv[0][2], csv[1][2]]).toEqual(['Warm-up gain', gainCell(gained)]);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Metrics (JSON)' }).click()]);
    const metrics = JSON.parse(readFileSync(await file.path(), 'utf8')) as ExperimentResult;
    expect(metrics.warmup).toEqual(expected.warmup);
    expect(metrics.generations[0].warmup).toEqual(gained);
    expect(metrics.generations.map((g) => g.testAccuracy)).toEqual(expected.generations.map((g) => g.testAccuracy));
    await page.context().close();
  });

  test('on MNIST with a rotation warm-up: a strip of 8 turned pool images, each with the turn it guessed, right or wrong', async () => {
    const page = await open(MNIST);
    await runToEnd(page, 240_000);
    const panel = page.getByTestId('warmup-view');
    const strip = panel.getByRole('group', { name: /The model guessed \d of 8 turns right\.$/ });
    const right = Number(/guessed (\d) of 8/.exec((await strip.getAttribute('aria-label')) ?? '')![1]);
    const tiles = strip.getByRole('img');
    await expect(tiles.count()).resolves.toBe(8);
    const labels = await tiles.evaluateAll((canvases) => canvases.map((canvas) => canvas.getAttribute('aria-label') ?? ''));
    labels.forEach((label, i) => expect(label).toMatch(new RegExp(`^Pool image ${i + 1}, turned ${(i % 4) * 90}°: guessed (0|90|180|270)° \\(\\d+%\\), (right|wrong)$`)));
    expect(labels.filter((label) => label.endsWith('right'))).toHaveLength(right);
    expect(labels.every((label) => label.endsWith('right') === /turned (\d+)°: guessed \1°/.test(label))).toBe(true);
    // The tiles are drawn: a pool digit has dark pixels.
    const dark = await tiles.first().evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      return data.filter((value, i) => i % 4 === 0 && value < 128).length;
    });
    expect(dark).toBeGreaterThan(20);
    await expect(page.locator('.chart__legend').allTextContents()).resolves.toContainEqual(expect.stringContaining('Warm-up (rotate): cross-entropy of 4 turns, right axis'));
    await page.context().close();
  });

  test('at lr=100 the warm-up says why it stopped, the run then stops on its divergence, and the page still works', async () => {
    const page = await open(MOONS.replace('seed=1', 'seed=1&lr=100'));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Error:/ }).waitFor({ timeout: 120_000 });
    const stopped = page.getByTestId('warmup-view').getByRole('alert');
    await expect(stopped.textContent()).resolves.toMatch(
      /^The warm-up stopped at epoch 1: .+, so the learning rate 100 is too high for it\. Generation 0 starts from its own initial weights\.$/,
    );
    await expect(page.locator('.status__text').textContent()).resolves.toMatch(/^Error: The loss rose to .+ in generation 0, epoch \d+: the learning rate 100 is too high/);
    const run = page.getByRole('button', { name: 'Run', exact: true });
    expect(await run.isEnabled()).toBe(true);
    const lr = page.getByLabel('Learning rate', { exact: true });
    await lr.fill('0.03');
    await lr.press('Enter');
    await runToEnd(page);
    await expect(page.getByTestId('warmup-view').getByRole('alert').count()).resolves.toBe(0);
    await expect(page.getByTestId('warmup-view').getByRole('img', { name: /^Arrows from each/ }).count()).resolves.toBe(1);
    await page.context().close();
  });
});
