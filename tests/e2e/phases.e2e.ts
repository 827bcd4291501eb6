import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { runToEnd } from './page.ts';

/** A small MNIST run (images.e2e.ts's): 20 labels, a 300-image pool, the first 200 test images, one generation after 0. */
const LINK =
  'v=1&data=mnist&labels=20&noise=10&classes=10&pool=300&test=200&model=mlp&hidden=32&act=relu&dropout=0&inoise=0&opt=adam&lr=0.003&' +
  'l2=0&batch=10&epochs=30&select=balanced&tau=0.9&percent=20&k=10&soft=1&temperature=0.5&lweight=20&student=warm&gens=1&seed=3&backend=cpu&labeler=engine';

/**
 * A CNN over a 3,000-image pool, one epoch a generation and a few pseudo-labels: generation 1's
 * labelling pass takes a few 1,024-image steps (about 0.4 s each on a CPU), long enough to show.
 */
const LABELLING_LINK =
  'v=1&data=mnist&labels=20&classes=10&pool=3000&test=200&model=cnn&filters=8&hidden=32&opt=adam&lr=0.003&batch=32&epochs=1&' +
  'select=balanced&percent=1&gens=1&seed=3&backend=cpu&labeler=engine';

/** What the page showed, in order of first appearance (recorded in the page by a MutationObserver). */
const RECORDER = `(() => {
  const seen = [];
  const note = (what) => { if (!seen.includes(what)) seen.push(what); };
  const look = () => {
    const plot = document.querySelector('.chart__plot--accuracy .uplot');
    if (plot && Number(plot.dataset.testPoints) > 0) note('point');
    if (plot && plot.dataset.oracle) note('oracle line');
    for (const bar of document.querySelectorAll('[role="progressbar"]')) {
      const label = bar.getAttribute('aria-label') ?? '';
      if (!bar.hasAttribute('aria-valuenow')) continue;
      if (/^Generation 0: epoch \\d+ of \\d+/.test(label)) note('generation 0 bar');
      if (/^Training the oracle: epoch \\d+ of \\d+/.test(label)) note('oracle bar');
      if (/^Generation 1: epoch \\d+ of \\d+/.test(label)) note('generation 1 bar');
      const labelling = /^Labelling the pool: ([\\d,]+) of 3,000 images/.exec(label);
      if (labelling && bar.getAttribute('aria-valuemax') === '3000' && bar.getAttribute('aria-valuenow') === labelling[1].replace(',', '')) {
        note('labelling bar');
        if (Number(labelling[1].replace(',', '')) > 0) note('labelling bar past 0');
      }
    }
  };
  new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
  window.__seen = seen;
})()`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens `link`, waits for its images, runs it to the end and returns what the page showed, in order. */
async function phasesSeen(link: string): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw new Error(`uncaught error in the page: ${error.message}`);
  });
  await page.goto(inject('baseUrl') + `#${link}`);
  await page.getByRole('progressbar', { name: /MNIST images loaded/ }).waitFor({ timeout: 60_000 });
  await page.evaluate(RECORDER);
  await runToEnd(page);
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  // A finished run has no phase left to show.
  expect(await page.locator('.status [role="progressbar"]').count()).toBe(0);
  await context.close();
  return seen;
}

describe('no silent waits', () => {
  test("generation 1's labelling pass shows a bar, between the oracle's and its epochs', with its count of the pool as its value", async () => {
    const seen = await phasesSeen(LABELLING_LINK);
    expect(seen.indexOf('oracle bar')).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf('labelling bar')).toBeGreaterThan(seen.indexOf('oracle bar'));
    expect(seen.indexOf('labelling bar past 0')).toBeGreaterThan(seen.indexOf('oracle bar'));
    expect(seen.indexOf('generation 1 bar')).toBeGreaterThan(seen.indexOf('labelling bar'));
  });

  test("generation 0's point comes before the oracle's line, and each phase shows a progress bar with its value", async () => {
    const seen = await phasesSeen(LINK);
    expect(seen.indexOf('point')).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf('oracle line')).toBeGreaterThan(seen.indexOf('point'));
    expect(seen.indexOf('generation 0 bar')).toBeLessThan(seen.indexOf('oracle bar'));
    expect(seen.indexOf('oracle bar')).toBeLessThan(seen.indexOf('generation 1 bar'));
  });
});
