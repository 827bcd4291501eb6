import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { readGenerations, runToEnd } from './page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const LINK = 'v=1&data=moons&labels=8&pool=200&test=200&hidden=8&epochs=8&gens=2&seed=7&backend=cpu&labeler=engine&lr=0.03';

test('a pinned run stays across a reload as a ghost line and a table column labelled by what differs', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(inject('baseUrl') + `#${LINK}`);
  const pin = page.getByRole('button', { name: 'Pin this run' });
  expect(await pin.isDisabled()).toBe(true);
  await runToEnd(page);
  const first = (await readGenerations(page)).map((row) => row[1]);
  await pin.click();
  await expect.poll(() => page.getByTestId('pinned-run').textContent()).toBe('Pinned run 1: same settings Unpin');

  await page.reload();
  const plot = page.locator('.chart__plot--accuracy .uplot');
  await expect.poll(() => plot.getAttribute('data-pins')).toBe('1');
  await page.goto(inject('baseUrl') + `#${LINK.replace('lr=0.03', 'lr=0.003')}`);
  await expect.poll(() => page.getByTestId('pinned-run').textContent()).toBe('Pinned run 1: lr=0.03 Unpin');
  await runToEnd(page);
  const table = page.locator('table', { has: page.locator('caption', { hasText: 'Generations' }) });
  expect(await table.locator('thead th').last().textContent()).toBe('Pinned run 1 (lr=0.03)');
  const pinned = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.querySelector('td:last-child')?.textContent));
  expect(pinned).toEqual(first);

  await page.getByRole('button', { name: 'Unpin run 1 (lr=0.03)' }).click();
  expect(await page.getByTestId('pinned-run').count()).toBe(0);
  await expect.poll(() => plot.getAttribute('data-pins')).toBe('0');
  expect(errors).toEqual([]);
  await context.close();
});
