import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { encodeLink } from '../../src/config/codec.ts';
import { PRESETS } from '../../src/config/presets.ts';
import { smallConfig } from '../selftrain/fixtures.ts';
import { launchChromium } from './browser.ts';
import { percent, readGenerations, runToEnd, type CliGeneration } from './page.ts';

/**
 * One student, lr=3 with Adam on a relu net: generations 0 and 1 train, then generation 2's
 * loss blows up at epoch 5 (tests/selftrain/divergence.test.ts runs the same config).
 */
const LINK = encodeLink(smallConfig({ lr: 3, opt: 'adam', act: 'relu', seed: 1, gens: 4 }));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('a run whose only student diverges, in the page', () => {
  test('stops with the message and the fix, keeps what finished, and runs again with a good lr', async () => {
    // The CLI's account of the same link: exit code 3, the generations that finished.
    const cli = spawnSync('npx', ['tsx', 'src/cli/experiment.ts', `#${LINK}`, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(cli.status).toBe(3);
    const expected = JSON.parse(cli.stdout) as { generations: CliGeneration[]; stopped: string };
    expect(expected.generations.map((g) => g.generation)).toEqual([0, 1]);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(inject('baseUrl') + `#${LINK}`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const status = page.getByRole('status').filter({ hasText: /Error:/ });
    await status.waitFor({ timeout: 120_000 });
    const text = (await status.locator('.status__text').textContent()) ?? '';
    expect(text).toBe(`Error: ${expected.stopped}`);
    expect(text).toContain('in generation 2, epoch 5: the learning rate 3 is too high; try lr=0.03 or lower');

    // What finished stays: the table's rows, the chart's points, the downloads.
    const rows = await readGenerations(page);
    expect(rows.map((row) => row.slice(0, 2))).toEqual(expected.generations.map((g) => [String(g.generation), percent(g.testAccuracy)]));
    const plot = page.locator('.chart__plot--accuracy .uplot');
    expect(await plot.getAttribute('data-test-points')).toBe('2');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Metrics (JSON)' }).click()]);
    const metrics = JSON.parse(readFileSync(await file.path(), 'utf8')) as { generations: CliGeneration[] };
    expect(metrics.generations.map((g) => g.testAccuracy)).toEqual(expected.generations.map((g) => g.testAccuracy));
    expect(await page.getByRole('button', { name: /Every generation.s model/ }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Generation 1 model (.onnx)' }).isEnabled()).toBe(true);

    // The page still works: the suggested lr, then Run again.
    const lr = page.getByLabel('Learning rate');
    await lr.fill('0.03');
    await lr.press('Enter');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Done/ }).waitFor({ timeout: 120_000 });
    expect((await readGenerations(page)).length).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('status').textContent()).not.toContain('Error');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("the two-moons preset at lr=100 stops in generation 0 with the fix, and nothing breaks", async () => {
    const link = PRESETS.find((preset) => preset.name === 'Two moons from 18 labels')!.link.replace('lr=0.03', 'lr=100');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(inject('baseUrl') + `#${link}`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const status = page.getByRole('status').filter({ hasText: /Error:/ });
    await status.waitFor({ timeout: 120_000 });
    expect(await status.locator('.status__text').textContent()).toMatch(
      /^Error: The loss rose to [\d.e+]+ \(above 100\) in generation 0, epoch \d+: the learning rate 100 is too high; try lr=0\.03 or lower\. The run stopped there; no generation had finished\.$/,
    );
    expect(await readGenerations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('four students, one of which diverges in generation 2: its row notes it, and the run finishes', async () => {
    const link = encodeLink(smallConfig({ lr: 3, opt: 'adam', act: 'relu', seed: 1, gens: 3, students: 4 }));
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(inject('baseUrl') + `#${link}`);
    await runToEnd(page, 120_000);
    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Generations' }) });
    const notes = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('.results__dropped')?.textContent ?? ''));
    expect(notes.map((note) => note.replace(/rose to [\d.]+/, 'rose to N'))).toEqual(['', '', '1 student dropped: #3 at epoch 1, the loss rose to N (above 100)', '']);
    const each = await table.locator('tbody tr').nth(2).locator('.results__students').textContent();
    expect(each?.split(' ')[3]).toBe('dropped');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
