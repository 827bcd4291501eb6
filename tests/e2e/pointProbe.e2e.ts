import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { decodeLink } from '../../src/config/codec.ts';
import { gridExtent, makeSplit } from '../../src/data/split.ts';
import { launchChromium } from './browser.ts';
import { runToEnd } from './page.ts';

/** Four blobs, two labels each, one self-training generation: a model that knows where each blob is. */
const LINK =
  'v=1&data=gauss&labels=8&noise=10&classes=4&pool=200&test=200&model=mlp&hidden=8,8&act=tanh&dropout=0&inoise=0&opt=adam&lr=0.03&' +
  'l2=0&batch=16&epochs=40&select=balanced&tau=0.9&percent=20&k=20&soft=0&temperature=0.5&lweight=20&student=warm&gens=1&seed=42&backend=cpu&labeler=engine';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Clicks the 2-D view at data coordinates (x, y), mapping them as the view draws them. */
async function clickAt(page: Page, link: string, x: number, y: number): Promise<void> {
  const [xMin, xMax, yMin, yMax] = gridExtent(makeSplit(decodeLink(link).config));
  const view = page.getByRole('img', { name: /Scatter plot/ });
  await view.scrollIntoViewIfNeeded();
  const box = (await view.boundingBox())!;
  await view.click({ position: { x: ((x - xMin) / (xMax - xMin)) * box.width, y: (1 - (y - yMin) / (yMax - yMin)) * box.height } });
}

/** The probe's verdict once it names generation 1: where, which class, what ran it, and the bars. */
async function probe(page: Page) {
  const line = page.getByTestId('point-probe-verdict');
  await expect.poll(() => line.textContent(), { timeout: 60_000 }).toMatch(/generation 1 says/);
  const [, x, y, name, by] = /^At \((-?[\d.]+), (-?[\d.]+)\), generation 1 says (.+?) \(.*run by (.+)\)$/.exec((await line.textContent())!)!;
  const bars = page.getByRole('list', { name: 'Class probabilities' }).locator('meter');
  await expect.poll(() => bars.count()).toBe(4);
  const probabilities = await bars.evaluateAll((meters) => meters.map((meter) => (meter as HTMLMeterElement).value));
  return { x: Number(x), y: Number(y), name, by, probabilities };
}

async function openRun(link: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.on('pageerror', (error) => {
    throw new Error(`uncaught error in the page: ${error.message}`);
  });
  await page.goto(inject('baseUrl') + `#${link}`);
  await page.getByText('Click anywhere in the view').waitFor({ timeout: 60_000 });
  await runToEnd(page);
  return page;
}

describe('the 2-D view’s point probe', () => {
  test('a click asks the latest generation about that point: the labelled blob’s class, bars summing to 1; labeler=onnx runs it on onnxruntime-web with the same answer', async () => {
    const config = decodeLink(LINK).config;
    const { labelled, classNames } = makeSplit(config);
    const [px, py, label] = [labelled.x[0], labelled.x[1], labelled.y[0]];

    const engine = await openRun(LINK);
    await clickAt(engine, LINK, px, py);
    const onEngine = await probe(engine);
    expect(Math.abs(onEngine.x - px)).toBeLessThan(0.05);
    expect(Math.abs(onEngine.y - py)).toBeLessThan(0.05);
    expect(onEngine.by).toBe('the engine');
    expect(onEngine.name).toBe(classNames[label]);
    expect(onEngine.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(await engine.locator('.data-view__probe').count()).toBe(1);
    await engine.context().close();

    const onnxLink = LINK.replace('labeler=engine', 'labeler=onnx');
    const onnx = await openRun(onnxLink);
    await clickAt(onnx, onnxLink, px, py);
    const onOrt = await probe(onnx);
    expect(onOrt.by).toMatch(/^onnxruntime-web 1\.30\.\d+ \((WebGPU|WASM)\)$/);
    expect(onOrt.name).toBe(onEngine.name);
    onOrt.probabilities.forEach((p, c) => expect(Math.abs(p - onEngine.probabilities[c])).toBeLessThan(1e-3));
    await onnx.context().close();
  });
});
