import { readFileSync } from 'node:fs';
import { fromBinary } from '@bufbuild/protobuf';
import { ModelProtoSchema } from 'onnx-buf';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeLink } from '../../src/config/codec.ts';
import { makeSplit } from '../../src/data/split.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { createNetwork } from '../../src/model/network.ts';
import { uploadRows } from '../../src/model/rows.ts';
import type { GenerationModel } from '../../src/selftrain/events.ts';
import { maxAbsDifference, ortProbabilities } from '../onnx/ortParity.ts';
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

/** Clicks the Downloads button named `name` and returns the saved file's name and bytes. */
async function download(page: Page, name: string | RegExp): Promise<{ name: string; data: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), data: new Uint8Array(readFileSync(path)) };
}

describe('the Downloads area', () => {
  test('offers the last generation as ONNX that onnxruntime-node runs like the engine, every model as .tar, and the metrics', async () => {
    // backend=cpu: the page's worker then trains bit for bit like the engine here in Node.
    const config = smallConfig({ gens: 2, backend: 'cpu' });
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw new Error(`uncaught error in the page: ${error.message}`);
    });
    await page.goto(`${inject('baseUrl')}#${encodeLink(config)}`);
    const downloads = page.getByRole('region', { name: 'Downloads' });
    await expect(downloads.getByRole('button', { name: /model \(\.onnx\)/ }).isDisabled()).resolves.toBe(true);
    await runToEnd(page);

    const file = await download(page, 'Generation 2 model (.onnx)');
    expect(file.name).toBe('gen-2.onnx');
    const metadata = Object.fromEntries(fromBinary(ModelProtoSchema, file.data).metadataProps.map((p) => [p.key, p.value]));
    expect(metadata).toMatchObject({ link: `#${encodeLink(config)}`, generation: '2', dataset: 'moons' });

    const models: GenerationModel[] = [];
    const { result } = await runCollecting(config, { onModel: (model) => models.push(model) });
    const backend = createCpuBackend();
    const network = createNetwork(backend, models[2].spec, 0);
    network.setParameters(models[2].parameters);
    const { test: rows } = makeSplit(config);
    const engine = await network.predict(uploadRows(backend, rows.x, rows.n, rows.dim));
    const onnx = await ortProbabilities(file.data, rows.x, rows.n, [rows.dim]);
    expect(maxAbsDifference(engine, onnx.data)).toBeLessThanOrEqual(1e-4);

    const archive = await download(page, /Every generation.s model \(\.tar\)/);
    expect(archive.name).toBe('moons-models.tar');
    const names = [0, 1, 2].map((g) => `gen-${g}.onnx`);
    const text = new TextDecoder('latin1').decode(archive.data);
    expect(names.every((name) => text.includes(name))).toBe(true);

    const csv = await download(page, 'Metrics (CSV)');
    const lines = new TextDecoder().decode(csv.data).trim().split('\r\n');
    expect(lines.slice(1).map((line) => Number(line.split(',')[1]))).toEqual(result.generations.map((g) => g.testAccuracy));
    const json = JSON.parse(new TextDecoder().decode((await download(page, 'Metrics (JSON)')).data));
    expect(json.oracle.testAccuracy).toBe(result.oracle.testAccuracy);
    await context.close();
  });
});
