import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ACTIVATIONS } from '../../src/config/schema.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { createNetwork } from '../../src/model/network.ts';
import { uploadRows } from '../../src/model/rows.ts';
import type { ModelSpec } from '../../src/model/types.ts';
import { exportOnnx } from '../../src/onnx/exportOnnx.ts';
import { seeded } from '../engine/helpers.ts';
import { maxAbsDifference, testMetadata } from '../onnx/ortParity.ts';
import { launchChromium } from './browser.ts';

/** onnxruntime-web's files, served to the test page from node_modules under this path (no CDN). */
const ORT_PATH = '/__ort/';
// The package's Node entry lives in its dist/ folder, beside the browser bundles and .wasm files.
const ORT_DIST = dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  // No service worker: it would fetch onnxruntime's files itself, past the page's route.
  page = await browser.newPage({ serviceWorkers: 'block' });
  await page.route(`**${ORT_PATH}*`, (route) => {
    const file = new URL(route.request().url()).pathname.slice(ORT_PATH.length);
    const type = file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
    return route.fulfill({ body: readFileSync(join(ORT_DIST, file)), contentType: type });
  });
  await page.goto(inject('baseUrl'));
  // A module script, not an import() inside evaluate: vitest rewrites import() in test code.
  await page.addScriptTag({ type: 'module', content: `import * as ort from '${ORT_PATH}ort.webgpu.bundle.min.mjs'; ort.env.wasm.wasmPaths = '${ORT_PATH}'; window.ort = ort;` });
  await page.waitForFunction(() => 'ort' in window);
});
afterAll(async () => {
  await browser?.close();
});

/** onnxruntime-web's `probabilities` in the page, on its WebGPU execution provider alone (no WASM fallback). */
async function webgpuProbabilities(bytes: Uint8Array, rows: Float32Array, dims: number[]): Promise<Float32Array> {
  const data = await page.evaluate(
    async ({ model, input, dims }) => {
      const decode = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
      const { ort } = window as unknown as { ort: typeof import('onnxruntime-web') };
      const session = await ort.InferenceSession.create(decode(model), { executionProviders: ['webgpu'] });
      const feeds = { input: new ort.Tensor('float32', new Float32Array(decode(input).buffer), dims) };
      const output = (await session.run(feeds)).probabilities;
      const values = Array.from((await output.getData()) as Float32Array);
      await session.release();
      // The provider made a GPUDevice: the graph ran on WebGPU.
      return { values, device: String(await ort.env.webgpu.device) };
    },
    { model: Buffer.from(bytes).toString('base64'), input: Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength).toString('base64'), dims },
  );
  expect(data.device).toBe('[object GPUDevice]');
  return Float32Array.from(data.values);
}

/** The engine's (CPU backend) and onnxruntime-web WebGPU's probabilities for seeded parameters and rows. */
async function parity(spec: ModelSpec, n: number, scale: number, inputShape: number[]): Promise<number> {
  const backend = createCpuBackend();
  const network = createNetwork(backend, spec, 4);
  network.setParameters(seeded(network.parameterCount, 5).map((v) => v * 0.7));
  const rows = seeded(n * spec.inputDim, 6).map((v) => v * scale);
  const engine = await network.predict(uploadRows(backend, rows, n, spec.inputDim));
  const bytes = exportOnnx(spec, await network.getParameters(), { metadata: testMetadata(spec.classes), inputShape });
  return maxAbsDifference(engine, await webgpuProbabilities(bytes, rows, [n, ...inputShape]));
}

describe('exported models in headless Chromium, onnxruntime-web on its WebGPU execution provider', () => {
  for (const activation of ACTIVATIONS) {
    test(`2-16-16-3 ${activation} agrees with the engine to 1e-4`, async () => {
      const spec: ModelSpec = { kind: 'mlp', inputDim: 2, classes: 3, hidden: [16, 16], activation, dropout: 0.1 };
      expect(await parity(spec, 500, 4, [2])).toBeLessThanOrEqual(1e-4);
    });
  }

  test('784-64-10 relu on [N, 1, 28, 28] images agrees with the engine to 1e-4', async () => {
    const spec: ModelSpec = { kind: 'mlp', inputDim: 784, classes: 10, hidden: [64], activation: 'relu', dropout: 0 };
    expect(await parity(spec, 64, 0.1, [1, 28, 28])).toBeLessThanOrEqual(1e-4);
  });
});
