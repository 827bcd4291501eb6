import { readFileSync } from 'node:fs';
import * as ortWeb from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeLink } from '../../src/config/codec.ts';
import { computeLayout } from '../../src/model/layout.ts';
import { modelLayers } from '../../src/model/network.ts';
import type { ModelSpec } from '../../src/model/types.ts';
import { exportOnnx } from '../../src/onnx/exportOnnx.ts';
import { generationOnnx } from '../../src/onnx/generationOnnx.ts';
import { openTeacher, teacherExpectation } from '../../src/onnx/importTeacher.ts';
import type { GenerationModel, GenerationResult } from '../../src/selftrain/events.ts';
import { testMetadata } from '../onnx/ortParity.ts';
import { runCollecting, smallConfig } from '../selftrain/fixtures.ts';
import { launchChromium } from './browser.ts';
import { runToEnd } from './page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

// Hard labels and backend=cpu: the page's worker then trains bit for bit like the engine here in Node.
const CONFIG = smallConfig({ gens: 2, soft: false, select: 'balanced', k: 20, backend: 'cpu' });

/** A page on CONFIG's link whose uncaught errors are collected. */
async function openPage(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${inject('baseUrl')}#${encodeLink(CONFIG)}`);
  return { page, errors, close: () => context.close() };
}

async function importTeacher(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.getByLabel('Import a model (.onnx)').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  await page.getByText(`${name} (`).waitFor();
}

async function metricsOf(page: Page): Promise<GenerationResult[]> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Metrics (JSON)' }).click()]);
  return (JSON.parse(readFileSync(await file.path(), 'utf8')) as { generations: GenerationResult[] }).generations;
}

describe('a visitor\'s .onnx model as generation 0\'s teacher', () => {
  test('a model this app exported teaches generation 0, and the whole experiment runs from it as in the engine', async () => {
    // The teacher: the last generation of a run of the same link, exported as the Downloads area does.
    const models: GenerationModel[] = [];
    await runCollecting(CONFIG, { onModel: (model) => models.push(model) });
    const bytes = generationOnnx(CONFIG, models[2]);
    const teacher = await openTeacher(ortWeb, { executionProviders: ['wasm'] }, { name: 'gen-2.onnx', bytes }, teacherExpectation(CONFIG));
    const engine = await runCollecting(CONFIG, { firstTeacher: teacher.label });
    await teacher.release();

    const { page, errors, close } = await openPage();
    await importTeacher(page, 'gen-2.onnx', bytes);
    await runToEnd(page);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Generation 0’s teacher: gen-2.onnx: [N, 2] → [N, 2]');
    const generations = await metricsOf(page);
    expect(generations.map((g) => g.generation)).toEqual([0, 1, 2]);
    expect(generations[0].pseudoLabels).toBe(40);
    expect(generations.map((g) => g.perClass)).toEqual(engine.result.generations.map((g) => g.perClass));
    expect(generations.map((g) => g.testAccuracy)).toEqual(engine.result.generations.map((g) => g.testAccuracy));
    expect(errors).toEqual([]);
    await close();
  });

  test('garbage bytes or a model of other shapes: a clear error, no uncaught exception, and the page still runs', async () => {
    const { page, errors, close } = await openPage();
    const link = page.url();
    const status = page.getByRole('status');

    await importTeacher(page, 'notes.onnx', new TextEncoder().encode('these are my notes, not a model'));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await status.filter({ hasText: 'Error: notes.onnx is not an ONNX model onnxruntime-web can read' }).waitFor({ timeout: 60_000 });
    await expect(status.textContent()).resolves.toContain('your settings are kept');

    const digits: ModelSpec = { kind: 'mlp', inputDim: 784, classes: 10, hidden: [4], activation: 'relu', dropout: 0 };
    const zeros = new Float32Array(computeLayout(784, modelLayers(digits)).count);
    await importTeacher(page, 'digits.onnx', exportOnnx(digits, zeros, { metadata: testMetadata(10), inputShape: [1, 28, 28] }));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await status.filter({ hasText: 'Error: digits.onnx cannot teach moons: it takes [N, 1, 28, 28], but moons gives [N, 2].' }).waitFor({ timeout: 60_000 });

    expect(page.url()).toBe(link);
    await page.getByRole('button', { name: 'Remove teacher' }).click();
    await runToEnd(page);
    expect((await metricsOf(page))[0].pseudoLabels).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });
});
