import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { encodeLink } from '../../src/config/codec.ts';
import { smallConfig } from '../selftrain/fixtures.ts';
import { launchChromium } from './browser.ts';
import { cli, readGenerations, runToEnd, type CliGeneration } from './page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the backend a link asks for', () => {
  test('backend=webgpu trains in the worker on WebGPU, the status names the adapter, and the numbers are the CPU\'s within a point', async () => {
    const link = encodeLink(smallConfig({ backend: 'webgpu', gens: 2, epochs: 10 }));
    const expected = cli<{ generations: CliGeneration[] }>(link, '--json', '--backend', 'cpu');
    const page = await browser.newPage();
    page.on('pageerror', (error) => {
      throw new Error(`uncaught error in the page: ${error.message}`);
    });
    await page.goto(`${inject('baseUrl')}#${link}`);
    await runToEnd(page);
    await expect.poll(() => page.locator('.status__backend').textContent()).toMatch(/^WebGPU on .+ \((software|hardware)\): the link asks for it \(backend=webgpu\)/);
    const rows = await readGenerations(page);
    expect(rows.map((row) => row[0])).toEqual(expected.generations.map((g) => String(g.generation)));
    for (const [i, g] of expected.generations.entries()) {
      expect(Math.abs(Number.parseFloat(rows[i][1]) - g.testAccuracy * 100), `generation ${g.generation}`).toBeLessThanOrEqual(1);
    }
    await page.close();
  });

  test('backend=wasm trains in the worker on WebAssembly SIMD, says so, and shows the numbers the CLI gets on wasm', async () => {
    const link = encodeLink(smallConfig({ backend: 'wasm', gens: 2, epochs: 10 }));
    const expected = cli<{ generations: CliGeneration[] }>(link, '--json', '--backend', 'wasm');
    const page = await browser.newPage();
    page.on('pageerror', (error) => {
      throw new Error(`uncaught error in the page: ${error.message}`);
    });
    await page.goto(`${inject('baseUrl')}#${link}`);
    await runToEnd(page);
    await expect.poll(() => page.locator('.status__backend').textContent()).toMatch(/^WebAssembly SIMD: the link asks for it \(backend=wasm\)/);
    const rows = await readGenerations(page);
    expect(rows.map((row) => row[0])).toEqual(expected.generations.map((g) => String(g.generation)));
    // The page shows one decimal of a percentage: the same run rounds to the same text.
    for (const [i, g] of expected.generations.entries()) expect(Number.parseFloat(rows[i][1]), `generation ${g.generation}`).toBeCloseTo(g.testAccuracy * 100, 1);
    await page.close();
  });

  test('auto on a software adapter keeps a 2-8-2 model on JavaScript and says why', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('baseUrl')}#${encodeLink(smallConfig({ backend: 'auto', gens: 1, epochs: 4 }))}`);
    await runToEnd(page);
    await expect.poll(() => page.locator('.status__backend').textContent()).toMatch(/^CPU: a 2-8-2 MLP .* is below the GPU crossover .*; its 512 multiply-adds a step are below the WebAssembly crossover/);
    await page.close();
  });

  test('auto trains a 2-8-8-2 model on WebAssembly, says why, and shows the numbers the CLI gets for the same link', async () => {
    const link = encodeLink(smallConfig({ backend: 'auto', hidden: [8, 8], gens: 2, epochs: 10 }));
    const expected = cli<{ backend: string; generations: CliGeneration[] }>(link, '--json');
    expect(expected.backend).toBe('wasm');
    const page = await browser.newPage();
    await page.goto(`${inject('baseUrl')}#${link}`);
    await runToEnd(page);
    await expect.poll(() => page.locator('.status__backend').textContent()).toMatch(
      /^WebAssembly SIMD: a 2-8-8-2 MLP .* is below the GPU crossover .*; its 1,536 multiply-adds a step are above the WebAssembly crossover .*, where WebAssembly beats JavaScript\./,
    );
    const rows = await readGenerations(page);
    expect(rows.map((row) => row[0])).toEqual(expected.generations.map((g) => String(g.generation)));
    for (const [i, g] of expected.generations.entries()) expect(Number.parseFloat(rows[i][1]), `generation ${g.generation}`).toBeCloseTo(g.testAccuracy * 100, 1);
    await page.close();
  });
});
