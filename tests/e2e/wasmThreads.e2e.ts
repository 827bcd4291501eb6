import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeLink } from '../../src/config/codec.ts';
import { CROSS_ORIGIN_ISOLATION } from '../../scripts/crossOriginIsolation.ts';
import { smallConfig } from '../selftrain/fixtures.ts';
import { launchChromium } from './browser.ts';
import { cli, percent, readGenerations, runToEnd, type CliGeneration } from './page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A 2-128-128-2 MLP at batch 16: its 262,144 multiply-adds a matmul are split over the kernel threads. */
const LINK = encodeLink(smallConfig({ backend: 'wasm', hidden: [128, 128], gens: 2, epochs: 3 }));

/** A page on the preview; `isolated` false strips the two headers from every response, as a plain static host would. */
async function openPage(isolated: boolean): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => {
    throw new Error(`uncaught error in the page: ${error.message}`);
  });
  if (!isolated) {
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => !(name.toLowerCase() in lowerCased(CROSS_ORIGIN_ISOLATION))));
      await route.fulfill({ response, headers });
    });
  }
  await page.goto(`${inject('baseUrl')}#${LINK}`);
  return page;
}

const lowerCased = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

/** Runs the link and returns the Generations table and the status's backend line. */
async function run(page: Page): Promise<{ rows: string[][]; backend: string | null }> {
  await runToEnd(page);
  const rows = await readGenerations(page);
  const backend = await page.locator('.status__backend').textContent();
  await page.close();
  return { rows, backend };
}

describe('backend=wasm on threads where the page is cross-origin isolated, on one thread elsewhere, the same numbers on both', () => {
  test('the isolated preview, a page without the headers and the CLI give the same generations', async () => {
    const expected = cli<{ generations: CliGeneration[] }>(LINK, '--json');

    const isolatedPage = await openPage(true);
    const [crossOriginIsolated, cores] = await isolatedPage.evaluate(() => [globalThis.crossOriginIsolated, navigator.hardwareConcurrency] as const);
    expect(crossOriginIsolated).toBe(true);
    const isolated = await run(isolatedPage);
    if (cores > 1) expect(isolated.backend).toMatch(new RegExp(`^WebAssembly SIMD: the link asks for it \\(backend=wasm\\).* Kernels on ${Math.min(cores, 8)} threads \\(cross-origin isolated, ${cores} cores\\)\\.$`));

    const plainPage = await openPage(false);
    expect(await plainPage.evaluate(() => globalThis.crossOriginIsolated)).toBe(false);
    const plain = await run(plainPage);
    expect(plain.backend).toMatch(/^WebAssembly SIMD: the link asks for it \(backend=wasm\).* Kernels on one thread: the page is not cross-origin isolated\.$/);

    const cliRows = expected.generations.map((g) => [String(g.generation), percent(g.testAccuracy), percent(g.pseudoLabelAccuracy), percent(g.coverage)]);
    expect(isolated.rows).toEqual(cliRows);
    expect(plain.rows).toEqual(cliRows);
  });

  test('the same link twice on the isolated page gives the same numbers', async () => {
    const first = await run(await openPage(true));
    const second = await run(await openPage(true));
    expect(first.rows.length).toBe(3);
    expect(second.rows).toEqual(first.rows);
  });
});
