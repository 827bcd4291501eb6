/**
 * How the digit-image sets are stored: the converter (./node/convert.ts) writes each set as
 * gzip-compressed chunks of raw uint8 pixels, and a manifest that names every chunk with its
 * size and the SHA-256 of its uncompressed bytes. A chunk holds `count` images of 28×28
 * bytes, row-major, then `count` label bytes. Training chunks are small enough that a
 * 10,000-image pool needs few of them; test chunks let a run fetch just the first `test`.
 */

/** Side of every image in pixels, and the bytes of one image. */
export const IMAGE_SIDE = 28;
export const IMAGE_BYTES = IMAGE_SIDE * IMAGE_SIDE;
/** Every image set has ten classes. */
export const IMAGE_CLASSES = 10;
/** Official set sizes, checked by the converter. */
export const TRAIN_IMAGES = 60_000;
export const TEST_IMAGES = 10_000;
/** Images per chunk file. */
export const TRAIN_CHUNK = 2_500;
export const TEST_CHUNK = 1_000;

/** Bumped when the layout changes, so a stale cache is rebuilt rather than misread. */
export const FORMAT_VERSION = 2;
/** The manifest's file name, next to the chunks; versioned, so caches of two versions can share a folder. */
export const MANIFEST_FILE = `manifest-v${FORMAT_VERSION}.json`;

/** How a chunk's images are stored before gzip: as they are, or Paeth-filtered (./paeth.ts). */
export type ChunkFilter = 'none' | 'paeth';

/** One stored chunk. */
export interface ChunkEntry {
  /** File name, relative to the manifest. */
  file: string;
  /** Images in the chunk. */
  count: number;
  /** Bytes of the compressed file, for the progress bar. */
  size: number;
  /** SHA-256 of the uncompressed, unfiltered chunk (images then labels), lowercase hex. */
  sha256: string;
  /** How its images were filtered before compression; undone before the checksum. */
  filter: ChunkFilter;
}

/**
 * The manifest of every image set, by its `data=` name. The format names no set itself: the
 * dataset table (../datasets.ts) lists them, and depends on this folder, not the reverse.
 */
export interface ImageManifest {
  version: number;
  datasets: Record<string, { train: ChunkEntry[]; test: ChunkEntry[] }>;
}

/** A run of images and their labels. */
export interface ImageSubset {
  /** n × IMAGE_BYTES pixels, 0-255. */
  images: Uint8Array;
  /** n labels in [0, IMAGE_CLASSES). */
  labels: Uint8Array;
  n: number;
}

/** What one image experiment has loaded: the first images of the official training and test sets. */
export interface LoadedImages {
  /** The image set's `data=` name. */
  data: string;
  train: ImageSubset;
  test: ImageSubset;
}

/** Chunk file name of part `part` (train or test), number `index`, stored with `filter`. */
export function chunkFile(data: string, part: 'train' | 'test', index: number, filter: ChunkFilter): string {
  return `${data}-${part}-${String(index).padStart(2, '0')}${filter === 'none' ? '' : `.${filter}`}.bin.gz`;
}

/** The training images an experiment needs: labels + pool, rounded up to whole chunks. */
export function trainImagesFor(labels: number, pool: number): number {
  return Math.min(TRAIN_IMAGES, Math.ceil((labels + pool) / TRAIN_CHUNK) * TRAIN_CHUNK);
}
