import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { runToEnd } from './page.ts';
import { encodePoints } from '../../src/data/customPoints.ts';
import { clusterPoints } from '../data/clusterPoints.ts';

/** axe-core's browser build, injected into the page under test (nothing loads from the network). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page at `hash` (after a run when `run`), as "id: help (targets)". */
async function seriousViolations(hash: string, run: boolean): Promise<string[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${inject('baseUrl')}#${hash}`);
  await page.getByRole('button', { name: 'Run', exact: true }).first().waitFor();
  if (run) await runToEnd(page);
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  }) as Violation[];
  await page.close();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

test.each([
  ['the default page after a run', 'v=1&data=moons&gens=1&epochs=5&seed=3&backend=cpu', true],
  ['a lesson', 'backend=cpu&lesson=own-labels&step=1', false],
  ['presenter mode after a run', 'v=1&data=moons&gens=1&epochs=5&seed=3&backend=cpu&present=1', true],
  ['the drawing mode of data=custom, with points without a class', `v=1&data=custom&points=${encodePoints(clusterPoints())}&gens=1&epochs=5&seed=3&backend=cpu`, true],
  ['the warm-up panel over the plane, after a run with a denoising warm-up', 'v=1&data=moons&gens=1&epochs=5&pretrain=denoise&pepochs=3&seed=3&backend=cpu', true],
  ['the warm-up panel of turned images, after a run with a rotation warm-up', 'v=1&data=mnist&labels=20&pool=100&test=100&model=cnn&pretrain=rotate&pepochs=1&epochs=1&gens=1&seed=3&backend=cpu', true],
  ['the image view with its drawing pad', 'v=1&data=mnist&labels=20&pool=100&test=100&model=mlp&hidden=16&epochs=2&gens=1&seed=3&backend=cpu', true],
])('no serious or critical axe-core violation: %s', async (_, hash, run) => {
  expect(await seriousViolations(hash, run)).toEqual([]);
});
