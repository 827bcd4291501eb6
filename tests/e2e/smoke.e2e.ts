import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('the built page renders its title', async () => {
  const page = await browser.newPage();
  await page.goto(inject('baseUrl'));
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Autodidact');
});
