import { create, globals } from 'webgpu';
import { beforeAll, expect, test } from 'vitest';
import { decodeLink } from '../../src/config/codec.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import type { LoadedImages } from '../../src/data/images/format.ts';
import { loadImages } from '../../src/data/images/load.ts';
import { diskSource } from '../../src/data/images/node/diskSource.ts';
import { imageRequest } from '../../src/data/images/split.ts';
import { createBackend } from '../../src/host/backendChoice.ts';
import type { ExperimentResult } from '../../src/selftrain/events.ts';
import { runExperiment } from '../../src/selftrain/runExperiment.ts';
import { nodeGpu } from '../engine/webgpu/nodeGpu.ts';

Object.assign(globalThis, globals);

/** A CNN on MNIST from a link, shifting its training images by up to a pixel, cut small enough for the CPU backend in seconds: 20 labels, a 100-image pool. */
const LINK =
  'v=1&data=mnist&labels=20&pool=100&test=100&model=cnn&filters=4,8&hidden=16&dropout=0&inoise=0&shift=1&' +
  'lr=0.003&batch=10&epochs=8&gens=1&select=balanced&k=5&seed=5&backend=cpu';

let config: ExperimentConfig;
let images: LoadedImages;
beforeAll(async () => {
  const decoded = decodeLink(LINK);
  expect(decoded.notes).toEqual([]);
  config = decoded.config;
  images = await loadImages(imageRequest(config), diskSource());
});

async function runOn(choice: 'cpu' | 'webgpu', change: Partial<ExperimentConfig> = {}): Promise<ExperimentResult> {
  const chosen = await createBackend(choice, { gpu: choice === 'webgpu' ? (create([]) as GPU) : null });
  try {
    return await runExperiment({ ...config, ...change, backend: choice }, chosen.backend, { images });
  } finally {
    chosen.dispose();
  }
}

test('model=cnn from a link trains a CNN on MNIST on the CPU backend, far above chance', { timeout: 120_000 }, async () => {
  const result = await runOn('cpu');
  expect(result.config.model).toBe('cnn');
  expect(result.generations).toHaveLength(2);
  // Ten classes: chance is 10%; two labels per class already lift a CNN well past it.
  expect(result.baseline.testAccuracy).toBeGreaterThan(0.3);
  expect(result.oracle.testAccuracy).toBeGreaterThan(result.baseline.testAccuracy);
  // Balanced selection: at most k=5 per predicted class.
  expect(result.generations[1].pseudoLabels).toBeGreaterThan(0);
  expect(result.generations[1].pseudoLabels).toBeLessThanOrEqual(50);
  // The shift reaches training: without it the same seed trains another model.
  const unshifted = await runOn('cpu', { shift: 0 });
  expect(unshifted.generations[1].meanConfidence).not.toBe(result.generations[1].meanConfidence);
  // So does mixup: blended batches train another model.
  const mixed = await runOn('cpu', { mixup: true });
  expect(mixed.generations[1].meanConfidence).not.toBe(result.generations[1].meanConfidence);
});

test('the same CNN run on WebGPU (Dawn in Node) matches the CPU backend within 3 points', { timeout: 300_000 }, async () => {
  (await nodeGpu()).device.destroy();
  const cpu = await runOn('cpu');
  const gpu = await runOn('webgpu');
  expect(gpu.backend).toBe('webgpu');
  const points = (fraction: number) => fraction * 100;
  for (const [g, expected] of cpu.generations.entries()) {
    expect(Math.abs(points(gpu.generations[g].testAccuracy) - points(expected.testAccuracy)), `generation ${g}`).toBeLessThanOrEqual(3);
  }
});
