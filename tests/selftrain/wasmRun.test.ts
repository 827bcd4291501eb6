import { beforeAll, expect, test } from 'vitest';
import { decodeLink } from '../../src/config/codec.ts';
import { PRESETS } from '../../src/config/presets.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import type { LoadedImages } from '../../src/data/images/format.ts';
import { loadImages } from '../../src/data/images/load.ts';
import { diskSource } from '../../src/data/images/node/diskSource.ts';
import { imageRequest } from '../../src/data/images/split.ts';
import { createWasmBackend, WASM_THREADS_NOTE } from '../../src/engine/backends/wasm.ts';
import { createBackend } from '../../src/host/backendChoice.ts';
import type { ExperimentResult } from '../../src/selftrain/events.ts';
import { runExperiment } from '../../src/selftrain/runExperiment.ts';

/** The two-moons gain preset cut as in webgpuRun.test.ts: 2 generations of 25 epochs over a 300-point pool. */
const MOONS = PRESETS.find((preset) => preset.name === 'Two moons from 18 labels')!;
const moons = (): ExperimentConfig => ({ ...decodeLink(MOONS.link).config, pool: 300, epochs: 25, gens: 2 });

/** A CNN on MNIST as in cnnRun.test.ts: 20 labels, a 100-image pool, images shifted by up to a pixel. */
const CNN_LINK =
  'v=1&data=mnist&labels=20&pool=100&test=100&model=cnn&filters=4,8&hidden=16&dropout=0&inoise=0&shift=1&' +
  'lr=0.003&batch=10&epochs=8&gens=1&select=balanced&k=5&seed=5&backend=cpu';

let cnn: ExperimentConfig;
let images: LoadedImages;
beforeAll(async () => {
  cnn = decodeLink(CNN_LINK).config;
  images = await loadImages(imageRequest(cnn), diskSource());
});

async function runOn(choice: 'cpu' | 'wasm', config: ExperimentConfig, withImages = false): Promise<ExperimentResult> {
  const chosen = await createBackend(choice, { gpu: null });
  try {
    return await runExperiment({ ...config, backend: choice }, chosen.backend, withImages ? { images } : {});
  } finally {
    chosen.dispose();
  }
}

/** The numbers a run reports: accuracies, pseudo-labels and confidences (not the wall-clock seconds). */
const numbers = (result: ExperimentResult) => ({
  baseline: result.baseline,
  oracle: result.oracle,
  generations: result.generations.map((generation) => ({ ...generation, seconds: 0 })),
});

function expectWithinAPoint(actual: ExperimentResult, expected: ExperimentResult): void {
  expect(actual.generations.length).toBe(expected.generations.length);
  const points = (fraction: number) => fraction * 100;
  for (const [g, cpu] of expected.generations.entries()) {
    expect(Math.abs(points(actual.generations[g].testAccuracy) - points(cpu.testAccuracy)), `generation ${g}`).toBeLessThanOrEqual(1);
  }
  expect(Math.abs(points(actual.baseline.testAccuracy) - points(expected.baseline.testAccuracy))).toBeLessThanOrEqual(1);
  expect(Math.abs(points(actual.oracle.testAccuracy) - points(expected.oracle.testAccuracy))).toBeLessThanOrEqual(1);
}

test('a whole preset run on the WebAssembly backend matches the CPU backend, generation by generation, within 1 point', { timeout: 120_000 }, async () => {
  const cpu = await runOn('cpu', moons());
  const wasm = await runOn('wasm', moons());
  expect(wasm.backend).toBe('wasm');
  expect(wasm.adapter).toBe('CPU (WebAssembly SIMD)');
  expect(wasm.generations.length).toBeGreaterThanOrEqual(2);
  expectWithinAPoint(wasm, cpu);
});

test('the same link twice on the WebAssembly backend gives identical numbers (MLP and CNN)', { timeout: 180_000 }, async () => {
  expect(numbers(await runOn('wasm', moons()))).toEqual(numbers(await runOn('wasm', moons())));
  expect(numbers(await runOn('wasm', cnn, true))).toEqual(numbers(await runOn('wasm', cnn, true)));
});

test('a CNN on MNIST trains on the WebAssembly backend as on the CPU, within 1 point', { timeout: 120_000 }, async () => {
  expectWithinAPoint(await runOn('wasm', cnn, true), await runOn('cpu', cnn, true));
});

test('a run whose kernels split over the threads gives the numbers of one thread, bit for bit (a 2-128-128-2 MLP and the CNN)', { timeout: 180_000 }, async () => {
  expect(WASM_THREADS_NOTE).toMatch(/^Kernels on (\d threads|one thread: this machine shows one core)/);
  const onWasm = async (threads: boolean, config: ExperimentConfig, withImages = false) => {
    const backend = createWasmBackend(undefined, { threads });
    try {
      return numbers(await runExperiment({ ...config, backend: 'wasm' }, backend, withImages ? { images } : {}));
    } finally {
      backend.dispose();
    }
  };
  // Batch 16 × 128 × 128: 262,144 multiply-adds a matmul, cut into two parts.
  const wide = { ...moons(), hidden: [128, 128], epochs: 4 };
  expect(await onWasm(true, wide)).toEqual(await onWasm(false, wide));
  expect(await onWasm(true, cnn, true)).toEqual(await onWasm(false, cnn, true));
});
