import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { cli, percent, readGenerations, runToEnd, type CliGeneration } from './page.ts';

/** A small MNIST run: 20 labels, a 300-image pool, the first 200 test images. */
const LINK =
  'v=1&data=mnist&labels=20&noise=10&classes=10&pool=300&test=200&model=mlp&hidden=32&act=relu&dropout=0&inoise=0&opt=adam&lr=0.003&' +
  'l2=0&batch=10&epochs=30&select=balanced&tau=0.9&percent=20&k=10&soft=1&temperature=0.5&lweight=20&student=warm&gens=2&seed=3&backend=cpu&labeler=engine';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openPage(hash: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw new Error(`uncaught error in the page: ${error.message}`);
  });
  await page.goto(inject('baseUrl') + hash);
  return page;
}

describe('MNIST in the page', () => {
  test('loads with a progress bar, runs to the numbers the CLI gives, and shows the pseudo-labelled images by class', async () => {
    const expected = cli<{ generations: (CliGeneration & { pseudoLabels: number })[] }>(`#${LINK}`, '--json');
    const page = await openPage(`#${LINK}`);
    const bar = page.getByRole('progressbar', { name: /MNIST images loaded/ });
    await bar.waitFor({ timeout: 60_000 });
    const [now, max] = [Number(await bar.getAttribute('aria-valuenow')), Number(await bar.getAttribute('aria-valuemax'))];
    expect(max).toBeGreaterThan(100_000);
    expect(now).toBe(max);

    await runToEnd(page);
    const rows = expected.generations.map((g) => [String(g.generation), percent(g.testAccuracy), percent(g.pseudoLabelAccuracy), percent(g.coverage)]);
    expect(await readGenerations(page)).toEqual(rows);

    // Generation 2 admits 20 per predicted class: 200 images, of which the gallery shows the 120 surest.
    const last = expected.generations.at(-1)!;
    const gallery = page.getByRole('list', { name: 'Pseudo-labelled images' });
    await expect.poll(() => gallery.getByRole('listitem').count()).toBe(Math.min(120, last.pseudoLabels));
    const classButtons = page.getByRole('group', { name: /Pseudo-labels per class/ }).getByRole('button');
    const perClass = (await classButtons.allTextContents()).slice(1).map((text) => Number(/: ([\d,]+)/.exec(text)![1].replace(',', '')));
    expect(perClass.reduce((sum, n) => sum + n, 0)).toBe(last.pseudoLabels);
    const wrong = await gallery.locator('.image-view__item--wrong').count();
    expect(await gallery.getByText(/ is \d/).count()).toBe(wrong);

    // The confusion matrix counts every test image once; its diagonal is the last generation's test accuracy.
    const matrix = page.locator('table.confusion');
    const cells = await matrix.locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (td) => Number(td.textContent))));
    expect(cells).toHaveLength(10);
    expect(cells.flat().reduce((sum, n) => sum + n, 0)).toBe(200);
    expect(cells.reduce((sum, row, c) => sum + row[c], 0)).toBe(Math.round(last.testAccuracy * 200));
    await expect.poll(() => matrix.locator('caption').textContent()).toContain(`200 images, ${percent(last.testAccuracy)} right`);

    // Filtering by the digit 1 leaves only images pseudo-labelled 1.
    await classButtons.filter({ hasText: /^1:/ }).click();
    const captions = await gallery.locator('.image-view__caption').allTextContents();
    expect(captions.length).toBe(Math.min(120, perClass[1]));
    for (const caption of captions) expect(caption).toMatch(/^1 /);
    await page.context().close();
  });

  test('a damaged chunk fails its checksum with a clear message, and the page keeps working', async () => {
    // No service worker: it would fetch the chunk itself, past the page's route.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route(/mnist-test-00\.bin\.gz$/, (route) => route.fulfill({ status: 200, body: Buffer.alloc(1000 * 785) }));
    await page.goto(inject('baseUrl') + `#${LINK}`);
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load the MNIST images' });
    await alert.waitFor({ timeout: 120_000 });
    expect(await alert.textContent()).toMatch(/mnist-test-00\.bin\.gz failed its checksum/);
    await page.getByLabel('Dataset').selectOption('moons');
    await page.getByRole('img', { name: /Scatter plot of the moons data/ }).waitFor();
    await context.close();
  });

  test('loads Fashion-MNIST, stored Paeth-filtered, checks it in the page, and fits its confusion matrix in the panel', async () => {
    const page = await openPage(`#${LINK.replace('data=mnist', 'data=fashion').replace('gens=2', 'gens=1')}`);
    const bar = page.getByRole('progressbar', { name: /Fashion-MNIST images loaded/ });
    await bar.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('gallery-summary').textContent()).toMatch(/^20 labelled, 300 unlabelled/);
    const classes = await page.getByRole('group', { name: /Pseudo-labels per class/ }).getByRole('button').allTextContents();
    expect(classes.slice(1).map((text) => text.split(':')[0])).toEqual(['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']);
    await page.getByRole('heading', { name: /Draw a piece of clothing/ }).waitFor();

    // Ten class names as long as "T-shirt/top" and "Ankle boot" head the columns without pushing them out of the panel.
    await runToEnd(page);
    const matrix = page.locator('table.confusion');
    await matrix.waitFor();
    const [table, panel] = await Promise.all([matrix.boundingBox(), page.locator('figure.image-view').boundingBox()]);
    expect(table!.x).toBeGreaterThanOrEqual(panel!.x);
    expect(table!.x + table!.width).toBeLessThanOrEqual(panel!.x + panel!.width);
    expect(await page.getByTestId('chance-note').count()).toBe(0);
    await page.context().close();
  });

  test('picking an image dataset in the Dataset menu offers its tuned preset, which one click loads', async () => {
    const page = await openPage('#v=1&data=moons&seed=7');
    const tip = page.getByTestId('dataset-preset-tip');
    expect(await tip.count()).toBe(0);
    await page.getByLabel('Dataset').selectOption('fashion');
    await expect.poll(() => tip.textContent()).toContain('Fashion-MNIST, 100 labels');
    await tip.getByRole('button', { name: 'Use the preset' }).click();
    await expect.poll(() => page.getByLabel('Preset').locator('option:checked').textContent()).toBe('Fashion-MNIST, 100 labels');
    expect(await tip.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('model=cnn');
    await page.context().close();
  });

  test('a generation 0 that learned nothing (a CNN at the 2-D learning rate, 0.03) gets a note that reads the oracle and says what to try', async () => {
    const link = 'v=1&data=fashion&labels=20&pool=100&test=100&model=cnn&filters=4,8&hidden=16&lr=0.03&epochs=5&k=10&gens=1&seed=3&backend=cpu&labeler=engine';
    const expected = cli<{ generations: CliGeneration[]; oracle: { testAccuracy: number } }>(`#${link}`, '--json');
    expect(expected.generations[0].testAccuracy).toBeLessThanOrEqual(0.13);
    // The oracle, same model and learning rate with every label, cannot fit the images either.
    expect(expected.oracle.testAccuracy).toBeLessThanOrEqual(0.13);
    const page = await openPage(`#${link}`);
    await runToEnd(page);
    await expect.poll(() => page.getByTestId('chance-note').textContent()).toBe(
      `Generation 0 is at chance level (${percent(expected.generations[0].testAccuracy)} right, guessing among 10 classes gives 10.0%), ` +
        `and so is the oracle trained on every label (${percent(expected.oracle.testAccuracy)}): this model, as set, cannot fit this data. ` +
        'Try the preset tuned for it, “Fashion-MNIST, 100 labels”, or wider layers than 16, or a smaller learning rate than 0.03.',
    );
    await page.context().close();
  });

  test('a small CNN with shifted, mixed images (model=cnn, shift=2, mixup=1) trains in the page to the numbers the CLI gives', async () => {
    const link = LINK.replace('model=mlp&hidden=32', 'model=cnn&hidden=16&filters=4,8').replace('inoise=0', 'inoise=0&shift=2&mixup=1').replace('epochs=30', 'epochs=4')
      .replace('pool=300&test=200', 'pool=100&test=100').replace('gens=2', 'gens=1');
    const expected = cli<{ generations: CliGeneration[] }>(`#${link}`, '--json');
    const page = await openPage(`#${link}`);
    await page.getByLabel('Conv filters').waitFor({ timeout: 60_000 });
    expect(await page.getByLabel('Activation').count()).toBe(0);
    expect(await page.getByLabel('Mixup').isChecked()).toBe(true);
    await runToEnd(page);
    const rows = expected.generations.map((g) => [String(g.generation), percent(g.testAccuracy), percent(g.pseudoLabelAccuracy), percent(g.coverage)]);
    expect(rows).toHaveLength(2);
    expect(await readGenerations(page)).toEqual(rows);
    await page.context().close();
  });
});
