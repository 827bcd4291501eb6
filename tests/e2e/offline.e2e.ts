import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { PRESETS } from '../../src/config/presets.ts';
import { DATASETS } from '../../src/data/datasets.ts';
import { decodeLink } from '../../src/config/codec.ts';
import { launchChromium } from './browser.ts';
import { readGenerations, runToEnd } from './page.ts';

/**
 * Offline after one visit (issue 17): the built site (the e2e global setup built dist/) is
 * served by its own preview server for one online visit, which installs the service worker and
 * its precache; then the server is shut, so nothing answers on the network at all, and the page
 * reloads and runs every preset from the cache: the app, the WebAssembly kernels, the images.
 */
let browser: Browser;
let server: PreviewServer | null = null;
beforeAll(async () => {
  browser = await launchChromium();
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
});
/** Closes the server and every connection the browser keeps alive to it (close alone waits for them). */
async function shut(running: PreviewServer): Promise<void> {
  const closing = running.close();
  (running.httpServer as import('node:http').Server).closeAllConnections();
  await closing;
}

afterAll(async () => {
  if (server) await shut(server);
  await browser?.close();
});

/** Picks a preset in the menu and runs it: 2-D presets to the end, image presets to generation 0's row (then Reset: their later generations take minutes). */
async function runPreset(page: Page, index: number): Promise<string> {
  await page.getByLabel('Preset').selectOption(String(index));
  const preset = PRESETS[index];
  if (DATASETS[decodeLink(preset.link).config.data].kind === 'points') {
    await runToEnd(page);
    return (await page.locator('.status__backend').textContent()) ?? '';
  } else {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(async () => (await readGenerations(page)).length, { timeout: 120_000 }).toBeGreaterThan(0);
    const backend = (await page.locator('.status__backend').textContent()) ?? '';
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    return backend;
  }
}

test('after one online visit, the page reloads with the network gone and runs every preset', async () => {
  const base = server!.resolvedUrls!.local[0];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(base);
  // The worker is active once its install (the precache) has finished.
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
  expect(await page.evaluate(async () => (await caches.keys()).some((name) => name.includes('precache')))).toBe(true);

  // The browser goes offline, and the server is shut as well: nothing could answer even past the emulation.
  await context.setOffline(true);
  await shut(server!);
  server = null;
  // Nothing answers any more: an address the precache does not hold fails.
  expect(await page.evaluate(async () => fetch(`./not-cached-${Date.now()}.txt`).then(() => 'answered', () => 'failed'))).toBe('failed');

  await page.reload();
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  for (const index of PRESETS.keys()) {
    // Every preset's models are above the WebAssembly crossover: they ran on its kernels, loaded from the cache.
    expect(await runPreset(page, index), PRESETS[index].name).toMatch(/^WebAssembly SIMD/);
  }
  expect(errors).toEqual([]);
  await context.close();
});

test('an update to the site takes over with a note, and the next load runs it', async () => {
  // A copy of the built site, so that this test can publish a "new version" of it without touching dist/.
  const site = mkdtempSync(join(tmpdir(), 'autodidact-site-'));
  cpSync('dist', site, { recursive: true });
  const own = await preview({ build: { outDir: site }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(own.resolvedUrls!.local[0]);
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
    // Loaded under the installed worker, as a returning visitor's page is.
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await page.getByTestId('update-note').count()).toBe(0);

    // The site changes: a new service worker, found when the page checks for one.
    appendFileSync(join(site, 'sw.js'), '\n// a new version\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect.poll(() => page.getByTestId('update-note').textContent(), { timeout: 30_000 }).toBe(
      'Autodidact has been updated. This page keeps running the version it loaded; the new one opens the next time you load the page.',
    );
    // The page still works on the version it loaded, and the next load has no note.
    await runToEnd(page);
    await page.reload();
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
    expect(await page.getByTestId('update-note').count()).toBe(0);
    await context.close();
  } finally {
    await shut(own);
    rmSync(site, { recursive: true, force: true });
  }
});
