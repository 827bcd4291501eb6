import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { encodeLink } from '../../src/config/codec.ts';
import { smallConfig } from '../selftrain/fixtures.ts';
import { launchChromium } from './browser.ts';
import { readGenerations, runToEnd } from './page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Chromium rejects a pending mapAsync as soon as device.destroy() runs, before device.lost
 * resolves: the run must still stop with the resumable loss message, not stall.
 */
test('a GPU device destroyed mid-run in Chromium stops the run with Continue buttons; Continue on the CPU finishes every generation', async () => {
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const workerReady = page.waitForEvent('worker');
  await page.goto(`${inject('baseUrl')}#${encodeLink(smallConfig({ backend: 'webgpu', gens: 0, epochs: 2 }))}`);
  // A first run starts the worker; from then on it hands the devices it asks for to the test.
  await runToEnd(page);
  const worker = await workerReady;
  await worker.evaluate(() => {
    const scope = self as unknown as { lostDevices: GPUDevice[] };
    scope.lostDevices = [];
    const request = GPUAdapter.prototype.requestDevice;
    GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, descriptor?: GPUDeviceDescriptor) {
      const device = await request.call(this, descriptor);
      scope.lostDevices.push(device);
      return device;
    };
  });
  await page.evaluate((link) => (location.hash = link), encodeLink(smallConfig({ backend: 'webgpu', gens: 4, epochs: 120 })));
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('gens=4');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // Destroy the device partway through generation 2 (long generations, so a fast machine is still mid-run), while reads are in flight.
  await expect.poll(async () => (await readGenerations(page)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/epoch [1-9]/);
  const destroyed = await worker.evaluate(() => {
    const { lostDevices } = self as unknown as { lostDevices: GPUDevice[] };
    lostDevices.forEach((device) => device.destroy());
    return lostDevices.length;
  });
  expect(destroyed).toBe(1);
  await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/GPU device was lost/);
  expect(await page.getByRole('button', { name: 'Continue on a new GPU' }).isVisible()).toBe(true);
  const kept = (await readGenerations(page)).map((row) => row[0]);
  expect(kept.length).toBeGreaterThanOrEqual(2);
  await page.getByRole('button', { name: 'Continue on the CPU' }).click();
  await page.getByRole('status').filter({ hasText: /Done/ }).waitFor({ timeout: 30_000 });
  const rows = (await readGenerations(page)).map((row) => row[0]);
  expect(rows.slice(0, kept.length)).toEqual(kept);
  expect(rows).toEqual(['0', '1', '2', '3', '4']);
  await expect.poll(() => page.locator('.status__backend').textContent()).toMatch(/^CPU/);
  expect(pageErrors).toEqual([]);
  await page.close();
});
