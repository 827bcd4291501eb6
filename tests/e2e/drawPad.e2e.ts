import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { runToEnd } from './page.ts';

/** A short MNIST run good enough to tell a 1 from a 0: 300 labels, a 300-image pool, one self-training generation. */
const LINK =
  'v=1&data=mnist&labels=300&noise=10&classes=10&pool=300&test=200&model=mlp&hidden=64&act=relu&dropout=0&inoise=0&opt=adam&lr=0.003&' +
  'l2=0&batch=32&epochs=15&select=balanced&tau=0.9&percent=20&k=10&soft=1&temperature=0.5&lweight=20&student=warm&gens=1&seed=3&backend=cpu&labeler=engine';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Draws one stroke through `points` (fractions of the pad's width and height) with real mouse pointer events. */
async function stroke(page: Page, points: [number, number][]): Promise<void> {
  const pad = page.getByRole('img', { name: /Drawing pad/ });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const point of points.slice(1)) await page.mouse.move(...at(point), { steps: 4 });
  await page.mouse.up();
}

/** A tall upright line, a "1". */
const ONE: [number, number][] = [
  [0.5, 0.12],
  [0.5, 0.88],
];
/** A closed oval, a "0". */
const ZERO: [number, number][] = Array.from({ length: 25 }, (_, i) => {
  const angle = (i / 24) * 2 * Math.PI;
  return [0.5 + 0.25 * Math.sin(angle), 0.5 - 0.36 * Math.cos(angle)];
});

/** The bars' probabilities, once ten are shown. */
async function probabilities(page: Page): Promise<number[]> {
  const bars = page.getByRole('list', { name: 'Class probabilities' }).locator('meter');
  await expect.poll(() => bars.count()).toBe(10);
  return bars.evaluateAll((meters) => meters.map((meter) => (meter as HTMLMeterElement).value));
}

/** The class the verdict line names, once it names generation `generation`. */
async function verdict(page: Page, generation: number): Promise<string> {
  const line = page.getByTestId('draw-pad-verdict');
  await expect.poll(() => line.textContent(), { timeout: 30_000 }).toMatch(new RegExp(`^Generation ${generation} says`));
  return /says (.+?) \(/.exec((await line.textContent())!)![1];
}

describe('the drawing pad', () => {
  test('classifies a drawn digit live with the picked generation, its bars summing to 1, and follows Clear and a new drawing', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw new Error(`uncaught error in the page: ${error.message}`);
    });
    await page.goto(inject('baseUrl') + `#${LINK}`);
    const pad = page.getByRole('region', { name: 'Draw and classify' });
    await pad.getByText('Run the experiment').waitFor({ timeout: 60_000 });
    await runToEnd(page);
    await pad.getByText('Draw in the box').waitFor();

    await stroke(page, ONE);
    const one = await verdict(page, 1);
    const p = await probabilities(page);
    expect(p.reduce((sum, v) => sum + v, 0)).toBeCloseTo(1, 4);
    expect(one).toBe(String(p.indexOf(Math.max(...p))));
    await expect.poll(() => pad.getByRole('img', { name: /as the network sees it/ }).count()).toBe(1);

    await pad.getByRole('button', { name: 'Clear' }).click();
    await pad.getByText('Draw in the box').waitFor();
    expect(await page.getByTestId('draw-pad-verdict').count()).toBe(0);

    await stroke(page, ZERO);
    const zero = await verdict(page, 1);
    // A clean 1 and 0 drawn with the mouse are what they look like, even to this small model.
    expect([one, zero]).toEqual(['1', '0']);

    // Another generation's verdict on the same drawing.
    await pad.getByLabel('Generation').selectOption('0');
    await verdict(page, 0);
    const p0 = await probabilities(page);
    expect(p0.reduce((sum, v) => sum + v, 0)).toBeCloseTo(1, 4);
    await context.close();
  });
});
