import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { fuzzLinks } from './fuzzLinks.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('200 malformed and hostile links open a usable page with no uncaught error', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    errors.push(`a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const base = inject('baseUrl');
  const links = fuzzLinks(200, 7);
  for (const [i, link] of links.entries()) {
    // Most links arrive as a pasted hash on a live page; every tenth as a fresh load.
    if (i % 10 === 0) await page.goto('about:blank');
    await page.goto(base + link);
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor({ timeout: 10_000 });
    const hash = await page.evaluate(() => location.hash);
    expect(hash, `link ${i} is rewritten to a valid experiment: ${link.slice(0, 80)}`).toMatch(/^#v=1&data=[a-z]+&/);
    expect(errors, `after link ${i}: ${link.slice(0, 80)}`).toEqual([]);
  }
  // The page is still usable: a short run on the last link finishes.
  await page.goto(base + '#v=1&data=gauss&gens=1&epochs=2&pool=100&test=100&labels=4&backend=cpu');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /Done/ }).waitFor({ timeout: 60_000 });
  expect(errors).toEqual([]);
});
