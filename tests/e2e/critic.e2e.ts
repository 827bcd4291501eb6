import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { PRESETS } from '../../src/config/presets.ts';
import { launchChromium } from './browser.ts';
import { cli, percent, runToEnd, type CliGeneration } from './page.ts';

/** Four noisy blobs from one label each, four fresh students, a committee of three: its generation 1 vetoes (tests/selftrain/critic.test.ts). */
const LINK =
  'v=1&data=gauss&labels=4&noise=30&classes=4&pool=200&test=200&model=mlp&hidden=8&act=tanh&dropout=0.1&inoise=0.8&opt=adam&lr=0.03&l2=0&' +
  'batch=16&epochs=8&select=threshold&tau=0.6&soft=0&lweight=20&student=fresh&gens=1&students=4&critic=committee&agree=3&seed=7&backend=cpu&labeler=engine';

interface CriticGeneration extends CliGeneration {
  critic?: { vetoed: number; vetoedWrong: number; precision: number | null; recall: number | null };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('a critic in the page', () => {
  test('the Preset menu offers A critic against confirmation bias beside the bias preset; choosing it writes its link and says what it shows', async () => {
    const preset = PRESETS.find((p) => p.name === 'A critic against confirmation bias')!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw new Error(`uncaught error in the page: ${error.message}`);
    });
    await page.goto(inject('baseUrl'));
    const menu = page.getByLabel('Preset');
    expect(await menu.locator('optgroup[label="Confirmation bias"] option').allTextContents()).toEqual(['Confirmation bias on moons', 'A critic against confirmation bias']);
    await menu.selectOption({ label: preset.name });
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${preset.link}`);
    expect(await page.locator('#preset-help').textContent()).toBe(preset.description);
    await context.close();
  });

  test('critic=committee rings the vetoed points in the 2-D view, and the table has its columns with the CLI numbers', async () => {
    const expected = cli<{ generations: CriticGeneration[] }>(`#${LINK}`, '--json');
    const last = expected.generations.at(-1)!;
    expect(expected.generations[1].critic!.vetoed).toBeGreaterThan(0);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw new Error(`uncaught error in the page: ${error.message}`);
    });
    await page.goto(inject('baseUrl') + `#${LINK}`);
    await runToEnd(page);

    const view = page.locator('figure.data-view');
    expect(await view.locator('.data-legend').textContent()).toContain('vetoed by the critic');
    const { vetoed, vetoedWrong } = last.critic!;
    const summary = await view.locator('.data-view__summary').textContent();
    if (vetoed > 0) expect(summary).toContain(`${vetoed} vetoed by the critic (${vetoedWrong} rightly)`);
    else expect(summary).not.toContain('vetoed');

    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Generations' }) });
    const header = await table.locator('thead th').allTextContents();
    const at = header.indexOf('Vetoed');
    expect(header.slice(at - 1, at + 3)).toEqual(['Pseudo-label accuracy', 'Vetoed', 'Critic precision', 'Critic recall']);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (cell) => (cell.textContent ?? '').trim())));
    expect(rows).toHaveLength(expected.generations.length);
    expect(rows[0][at]).toBe('—');
    for (const generation of expected.generations.slice(1)) {
      const critic = generation.critic!;
      const row = rows[generation.generation];
      expect(row[at - 1]).toBe(percent(generation.pseudoLabelAccuracy));
      expect(row.slice(at, at + 3)).toEqual([
        String(critic.vetoed),
        critic.precision === null ? '—' : `${percent(critic.precision)} (${critic.vetoedWrong})`,
        critic.recall === null ? '—' : percent(critic.recall),
      ]);
    }
    await context.close();
  });

  test('the image gallery shows the images the critic vetoed, marked, as many as the CLI says', async () => {
    const link =
      'v=1&data=mnist&labels=20&noise=10&classes=10&pool=300&test=200&model=mlp&hidden=32&act=relu&dropout=0&inoise=0&opt=adam&lr=0.003&l2=0&' +
      'batch=10&epochs=30&select=balanced&k=10&soft=1&temperature=0.5&lweight=20&student=fresh&gens=1&students=4&critic=committee&agree=4&seed=3&backend=cpu&labeler=engine';
    const expected = cli<{ generations: CriticGeneration[] }>(`#${link}`, '--json');
    const { vetoed, vetoedWrong } = expected.generations[1].critic!;
    expect(vetoed).toBeGreaterThan(0);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw new Error(`uncaught error in the page: ${error.message}`);
    });
    await page.goto(inject('baseUrl') + `#${link}`);
    await runToEnd(page);
    const gallery = page.getByRole('list', { name: 'Images the critic vetoed' });
    await expect.poll(() => gallery.getByRole('listitem').count()).toBe(Math.min(120, vetoed));
    expect(await gallery.locator('.image-view__item--vetoed').count()).toBe(Math.min(120, vetoed));
    expect(await page.getByTestId('vetoed-summary').textContent()).toMatch(new RegExp(`^Vetoed by the critic: ${vetoed}, ${vetoedWrong} of them\\s+rightly`));
    await context.close();
  });
});
