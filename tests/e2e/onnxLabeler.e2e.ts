import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeLink } from '../../src/config/codec.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import type { GenerationResult } from '../../src/selftrain/events.ts';
import { smallConfig } from '../selftrain/fixtures.ts';
import { launchChromium } from './browser.ts';
import { runToEnd } from './page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface PageRun {
  /** Pseudo-labels admitted per class, per generation (from the page's Metrics (JSON) download). */
  perClass: number[][];
  /** The status line's word on who labels. */
  labeler: string;
  labelerName: string | null;
  /** Paths of the files the page fetched while it ran. */
  fetched: string[];
}

/**
 * Opens `config`'s link, runs it to the end and reads its pseudo-label counts; the page must
 * fetch nothing off-site. With `blockWasm` the site's .wasm files answer 404.
 */
async function runPage(config: ExperimentConfig, blockWasm = false): Promise<PageRun> {
  // No service worker: it would fetch the WebAssembly itself, past the page's route.
  const context = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
  const page: Page = await context.newPage();
  if (blockWasm) await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not here' }));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const base = new URL(inject('baseUrl'));
  const fetched: string[] = [];
  const offSite: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === base.origin) fetched.push(url.pathname);
    else if (url.protocol.startsWith('http')) offSite.push(request.url());
  });
  await page.goto(`${inject('baseUrl')}#${encodeLink(config)}`);
  await runToEnd(page);
  const status = page.getByRole('status').locator('[data-labeler]');
  const labeler = (await status.textContent()) ?? '';
  const labelerName = await status.getAttribute('data-labeler');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Metrics (JSON)' }).click()]);
  const metrics = JSON.parse(readFileSync(await file.path(), 'utf8')) as { generations: GenerationResult[] };
  await context.close();
  expect(errors).toEqual([]);
  expect(offSite).toEqual([]);
  return { perClass: metrics.generations.map((g) => g.perClass), labeler, labelerName, fetched };
}

describe('labeler=onnx in the page', () => {
  test('onnxruntime-web labels each teacher (WebGPU), admitting the counts the engine admits, from the site’s own files', async () => {
    // Hard labels and backend=cpu: the students then train on the same data, generation after generation.
    const config = smallConfig({ gens: 3, soft: false, select: 'threshold', tau: 0.7, backend: 'cpu' });
    const engine = await runPage({ ...config, labeler: 'engine' });
    const onnx = await runPage({ ...config, labeler: 'onnx' });

    expect(engine.labelerName).toBe('engine');
    expect(engine.labeler).toBe('Pseudo-labels: the engine labels the pool');
    expect(engine.fetched.some((path) => /ort|\.wasm$/.test(path))).toBe(false);

    expect(onnx.labelerName).toBe('onnx');
    expect(onnx.labeler).toMatch(/^Pseudo-labels: onnxruntime-web 1\.\d+\.\d+ on WebGPU/);
    expect(onnx.fetched.some((path) => path.endsWith('.wasm'))).toBe(true);

    expect(engine.perClass).toHaveLength(config.gens + 1);
    expect(engine.perClass.slice(1).every((counts) => counts.some((n) => n > 0))).toBe(true);
    expect(onnx.perClass).toEqual(engine.perClass);

    // onnxruntime-web's .wasm missing: the engine labels, the status line says so and why.
    const fallback = await runPage({ ...config, labeler: 'onnx' }, true);
    expect(fallback.labelerName).toBe('engine');
    expect(fallback.labeler).toMatch(/^Pseudo-labels: the engine, because onnxruntime-web could not load here \(.+\)$/);
    expect(fallback.perClass).toEqual(engine.perClass);
  });
});
