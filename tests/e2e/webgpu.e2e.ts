import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { launchChromium } from './browser.ts';
import type { ParityReport } from '../engine/webgpu/browser/parityPage.ts';

/**
 * The WebGPU parity suite of tests/engine/webgpu, run in headless Chromium on its adapter
 * (SwiftShader without a GPU). A Vite dev server over the repository serves the suite's
 * page straight from the test sources, so nothing test-only enters the app's build.
 */
let server: ViteDevServer;
let browser: Browser;
beforeAll(async () => {
  server = await createServer({
    configFile: false,
    root: process.cwd(),
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await server.listen();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('WebGPU kernels in headless Chromium', () => {
  test('every op and the whole network match the CPU reference, inside WebGPU error scopes', async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.resolvedUrls?.local[0]}tests/engine/webgpu/browser/parity.html`);
    await page.waitForFunction(() => typeof window.runParity === 'function');
    const report: ParityReport = await page.evaluate(() => window.runParity());
    console.log(`browser parity on ${report.adapter}: ${report.results.length} cases`);
    expect(report.results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.message}`)).toEqual([]);
    expect(report.results.length).toBeGreaterThan(200);
    expect(report.liveBuffersAfterDispose).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
