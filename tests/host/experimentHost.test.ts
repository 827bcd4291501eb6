import { describe, expect, test } from 'vitest';
import type { ByteSource } from '../../src/data/images/load.ts';
import { diskSource } from '../../src/data/images/node/diskSource.ts';
import { createExperimentHost } from '../../src/host/experimentHost.ts';
import { createImageLoader } from '../../src/host/imageLoader.ts';
import { RunAbortedError } from '../../src/selftrain/errors.ts';
import { runCollecting, smallConfig, withoutTimes } from '../selftrain/fixtures.ts';

/** A disk source that counts the files it reads, failing the first `failures` reads. */
function countingSource(failures = 0) {
  const disk = diskSource();
  const reads: string[] = [];
  const source: ByteSource = async (file, onBytes) => {
    reads.push(file);
    if (reads.length <= failures) throw new Error(`${file} is unreachable`);
    return disk(file, onBytes);
  };
  return { source, reads };
}

const IMAGES = smallConfig({ data: 'mnist', classes: 10, labels: 20, pool: 300, test: 200, model: 'mlp', hidden: [16], epochs: 2, gens: 1 });

describe('image loading', () => {
  test('2-D data loads nothing; the same images twice are read once; other images load anew', async () => {
    const { source, reads } = countingSource();
    const load = createImageLoader(() => source);
    expect(load(smallConfig(), '')).toBeUndefined();
    const first = await load(IMAGES, '');
    const readsOnce = reads.length;
    expect(readsOnce).toBeGreaterThan(1);
    expect(await load({ ...IMAGES, seed: IMAGES.seed + 1 }, '')).toBe(first);
    expect(reads.length).toBe(readsOnce);
    await load({ ...IMAGES, data: 'fashion' }, '');
    expect(reads.length).toBeGreaterThan(readsOnce);
  });

  test('a failed load is forgotten, so the next run tries again', async () => {
    const { source } = countingSource(1);
    const load = createImageLoader(() => source);
    await expect(load(IMAGES, '')).rejects.toThrow(/unreachable/);
    expect((await load(IMAGES, ''))?.train.n).toBeGreaterThan(0);
  });
});

describe('the experiment host', () => {
  const host = createExperimentHost({ imageSource: () => diskSource() });

  test('runs a link as runExperiment does on the CPU, and says who labels and on which backend', async () => {
    const config = smallConfig();
    const said: string[] = [];
    const result = await host.run({ config, onLabeler: (status) => said.push(status.text), onBackend: (chosen) => said.push(chosen.note) });
    expect(withoutTimes(result)).toEqual(withoutTimes((await runCollecting(config)).result));
    expect(said).toEqual(['Pseudo-labels: the engine labels the pool', 'CPU: the link asks for it (backend=cpu).']);
  });

  test('backend=auto chooses by the link\'s model: 2-8-2 at batch 16 on JavaScript, 2-8-8-2 on WebAssembly, with the numbers backend=wasm gives', async () => {
    const chosen: string[] = [];
    const tiny = await host.run({ config: smallConfig({ gens: 1, backend: 'auto' }), onBackend: (backend) => chosen.push(backend.backend.info.kind) });
    expect(tiny.backend).toBe('cpu');
    const config = smallConfig({ gens: 1, hidden: [8, 8], backend: 'auto' });
    const auto = await host.run({ config, onBackend: (backend) => chosen.push(backend.backend.info.kind) });
    expect(auto.backend).toBe('wasm');
    expect(chosen).toEqual(['cpu', 'wasm']);
    const wasm = await host.run({ config: { ...config, backend: 'wasm' } });
    const numbers = ({ baseline, oracle, generations }: typeof auto) => withoutTimes({ ...auto, baseline, oracle, generations });
    expect(numbers(auto)).toEqual(numbers(wasm));
  });

  test('labeler=onnx without onnxruntime labels with the engine and says why', async () => {
    const statuses: { fallback: boolean }[] = [];
    await host.run({ config: smallConfig({ gens: 1, labeler: 'onnx' }), onLabeler: (status) => statuses.push(status) });
    expect(statuses).toEqual([expect.objectContaining({ name: 'engine', fallback: true })]);
  });

  test('an image run loads its images first and reports their bytes', async () => {
    let received = 0;
    const result = await host.run({ config: IMAGES, onImages: (bytes) => (received = bytes) });
    expect(result.testSize).toBe(200);
    expect(received).toBeGreaterThan(0);
  });

  test('a cancelled run stops before it trains or chooses a backend', async () => {
    const abort = new AbortController();
    abort.abort();
    let chosen = false;
    await expect(host.run({ config: smallConfig(), signal: abort.signal, onBackend: () => (chosen = true) })).rejects.toBeInstanceOf(RunAbortedError);
    expect(chosen).toBe(false);
  });
});
