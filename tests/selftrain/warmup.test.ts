import { beforeAll, describe, expect, test } from 'vitest';
import { decodeLink } from '../../src/config/codec.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import type { LoadedImages } from '../../src/data/images/format.ts';
import { loadImages } from '../../src/data/images/load.ts';
import { diskSource } from '../../src/data/images/node/diskSource.ts';
import { imageRequest } from '../../src/data/images/split.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { createWasmBackend } from '../../src/engine/backends/wasm.ts';
import type { Backend } from '../../src/engine/backend.ts';
import { makeDatasetSplit } from '../../src/data/datasetSplit.ts';
import { DivergedError } from '../../src/selftrain/errors.ts';
import type { ExperimentEvent, ExperimentResult, ResumePoint, RunOptions } from '../../src/selftrain/events.ts';
import { runExperiment } from '../../src/selftrain/runExperiment.ts';

/** Two moons, small: a 2-8-8-2 tanh MLP, 300 pool points, 20 epochs a generation. */
const MOONS = 'v=1&data=moons&labels=18&pool=300&test=500&hidden=8,8&epochs=20&gens=2&seed=3';
/** The MNIST CNN, small: 100 labels, a 300-image pool, 200 test images. */
const CNN = 'v=1&data=mnist&labels=100&pool=300&test=200&model=cnn&filters=4,8&hidden=16&dropout=0&inoise=0&shift=0&lr=0.003&epochs=3&gens=1&k=10&seed=7';

const config = (link: string): ExperimentConfig => {
  const decoded = decodeLink(link);
  expect(decoded.notes).toEqual([]);
  return decoded.config;
};

async function run(link: string, options: RunOptions = {}, backend: Backend = createCpuBackend()): Promise<{ result: ExperimentResult; events: ExperimentEvent[] }> {
  const events: ExperimentEvent[] = [];
  try {
    const result = await runExperiment(config(link), backend, { ...options, onEvent: (event) => events.push(event) });
    return { result, events };
  } finally {
    backend.dispose();
  }
}

const numbers = (result: ExperimentResult) => ({ ...result, generations: result.generations.map((g) => ({ ...g, seconds: 0 })) });

describe('the denoising warm-up on two moons', () => {
  test('reports each epoch before generation 0, then its result and a reconstruction of the plane', async () => {
    const { result, events } = await run(`${MOONS}&pretrain=denoise&pepochs=6&pnoise=0.3`, { gridSize: 20 });
    const warmups = events.filter((event) => event.type === 'warmup');
    expect(warmups.map((event) => event.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    // The warm-up comes first: no generation epoch before its last epoch.
    const firstEpoch = events.findIndex((event) => event.type === 'epoch');
    expect(events.findIndex((event) => event.type === 'warmup-done')).toBeLessThan(firstEpoch);
    expect(warmups[5].loss).toBeLessThan(warmups[0].loss * 0.8);
    expect(result.warmup).toEqual({ task: 'denoise', loss: warmups.map((event) => event.loss) });
    const done = events.find((event) => event.type === 'warmup-done');
    if (done?.type !== 'warmup-done' || !done.samples) throw new Error('no warm-up samples');
    expect(done.samples).toMatchObject({ task: 'denoise', image: null, count: 225, dim: 2 });
    expect(done.samples.outputs).toHaveLength(450);
    expect(done.samples.outputs.every(Number.isFinite)).toBe(true);
  });

  test("generation 0's gain is its accuracy less that of the same link without the warm-up", async () => {
    const { result } = await run(`${MOONS}&pretrain=denoise&pepochs=6&pnoise=0.3`);
    const { result: without } = await run(`${MOONS}&pretrain=none`);
    const gained = result.generations[0].warmup;
    expect(gained?.withoutTestAccuracy).toBe(without.generations[0].testAccuracy);
    expect(gained?.gain).toBeCloseTo(result.generations[0].testAccuracy - without.generations[0].testAccuracy, 12);
    expect(result.generations.slice(1).every((g) => g.warmup === undefined)).toBe(true);
    expect(without.warmup).toBeUndefined();
    expect(without.generations[0].warmup).toBeUndefined();
  });

  test('the same link gives the same numbers twice on the CPU and on WebAssembly, and WebAssembly within a point of the CPU', async () => {
    const link = `${MOONS}&pretrain=denoise&pepochs=4`;
    const onCpu = numbers((await run(link)).result);
    expect(numbers((await run(link)).result)).toEqual(onCpu);
    const onWasm = numbers((await run(link, {}, createWasmBackend())).result);
    expect(numbers((await run(link, {}, createWasmBackend())).result)).toEqual(onWasm);
    onWasm.generations.forEach((g, i) => expect(Math.abs(g.testAccuracy - onCpu.generations[i].testAccuracy)).toBeLessThanOrEqual(0.01));
    onWasm.warmup?.loss.forEach((loss, i) => expect(loss).toBeCloseTo(onCpu.warmup?.loss[i] ?? NaN, 4));
  });

  test('a resumed run carries the warm-up it did not repeat', async () => {
    const link = `${MOONS}&pretrain=denoise&pepochs=3`;
    const points: ResumePoint[] = [];
    const { result: whole } = await run(link, { onResumePoint: (point) => points.push(point) });
    expect(points[0].warmup).toEqual(whole.warmup);
    const { result: resumed, events } = await run(link, { resume: points[0] });
    expect(events.some((event) => event.type === 'warmup')).toBe(false);
    expect(numbers(resumed)).toEqual(numbers(whole));
  });

  test('a warm-up that cannot learn (lr=100) stops with a sentence saying why, and generation 0 starts without it', async () => {
    const events: ExperimentEvent[] = [];
    const failure = await runExperiment(config(`${MOONS}&lr=100&pretrain=denoise&pepochs=5`), createCpuBackend(), { onEvent: (event) => events.push(event) }).catch((error: unknown) => error);
    const done = events.find((event) => event.type === 'warmup-done');
    if (done?.type !== 'warmup-done') throw new Error('no warm-up result');
    expect(done.result.stopped).toMatch(/^The warm-up stopped at epoch \d: the loss (rose to .* \(above 100\)|became non-finite), so the learning rate 100 is too high for it\. Generation 0 starts from its own initial weights\.$/);
    expect(done.samples).toBeNull();
    // Generation 0 at lr=100 diverges too: the run stops cleanly with the divergence message.
    expect(failure).toBeInstanceOf(DivergedError);
    expect((failure as Error).message).toMatch(/learning rate 100 is too high/);
  });

  test('rotate on 2-D data falls back to denoise with a note', () => {
    const decoded = decodeLink(`${MOONS}&pretrain=rotate`);
    expect(decoded.config.pretrain).toBe('denoise');
    expect(decoded.notes).toEqual(['pretrain=rotate turns images and needs model=cnn on an image dataset; using pretrain=denoise']);
  });
});

describe('the rotation warm-up on MNIST', () => {
  let images: LoadedImages;
  beforeAll(async () => {
    images = await loadImages(imageRequest(config(CNN)), diskSource());
  });

  test('learns to tell the turns apart and shows eight turned pool images with its guesses', { timeout: 60_000 }, async () => {
    const { result, events } = await run(`${CNN}&pretrain=rotate&pepochs=3`, { images }, createWasmBackend());
    const accuracy = result.warmup?.accuracy ?? [];
    expect(accuracy).toHaveLength(3);
    // Four turns: chance is 25%.
    expect(accuracy[2]).toBeGreaterThan(0.5);
    const done = events.find((event) => event.type === 'warmup-done');
    if (done?.type !== 'warmup-done' || !done.samples) throw new Error('no warm-up samples');
    const { samples } = done;
    expect(samples).toMatchObject({ task: 'rotate', count: 8, dim: 784, image: { channels: 1, height: 28, width: 28 } });
    expect(Array.from(samples.turns ?? [])).toEqual([0, 1, 2, 3, 0, 1, 2, 3]);
    // The first image is shown unturned, the third turned half way round: the pool's first and third images.
    const { pool } = makeDatasetSplit(config(CNN), images);
    expect(samples.inputs.subarray(0, 784)).toEqual(pool.x.subarray(0, 784));
    expect(samples.inputs[2 * 784]).toBe(pool.x[2 * 784 + 783]);
    expect(samples.inputs[2 * 784 + 783]).toBe(pool.x[2 * 784]);
    for (let i = 0; i < 8; i++) expect(samples.outputs.subarray(i * 4, i * 4 + 4).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(result.generations[0].warmup?.withoutTestAccuracy).toBeGreaterThan(0);
  });
});
