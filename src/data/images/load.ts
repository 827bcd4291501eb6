/**
 * Loads the chunks an image experiment needs through an injected byte source (fetch in the
 * page, the file system in Node), decompresses them, and checks every chunk's SHA-256
 * against the manifest before any of it is used.
 */
import {
  FORMAT_VERSION,
  IMAGE_BYTES,
  IMAGE_CLASSES,
  MANIFEST_FILE,
  type ChunkEntry,
  type ImageManifest,
  type ImageSubset,
  type LoadedImages,
} from './format.ts';
import { unfilterImages } from './paeth.ts';
import { sha256Hex } from './sha256.ts';

/**
 * Reads one stored file by its name relative to the manifest. `onBytes` is told the bytes
 * received so far as they arrive (or once, at the end).
 */
export type ByteSource = (file: string, onBytes?: (received: number) => void) => Promise<Uint8Array>;

/** Bytes received of the bytes needed, over every chunk of one load. */
export type LoadProgress = (received: number, total: number) => void;

/** Data that is missing, unreadable, or not what the manifest says. */
export class ImageDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageDataError';
  }
}

/** What to load: the first `train` training images and the first `test` test images of `data`. */
export interface ImageRequest {
  /** The image set's `data=` name (../datasets.ts lists them). */
  data: string;
  train: number;
  test: number;
}

/** Loads and checks the chunks that hold the requested images. `onProgress` is never called after the load has failed. */
export async function loadImages(request: ImageRequest, source: ByteSource, onProgress?: LoadProgress): Promise<LoadedImages> {
  const manifest = parseManifest(await source(MANIFEST_FILE));
  const entry = manifest.datasets[request.data];
  if (!entry) throw new ImageDataError(`the image manifest has no dataset "${request.data}"`);
  const trainChunks = chunksFor(entry.train, request.train, `${request.data} training`);
  const testChunks = chunksFor(entry.test, request.test, `${request.data} test`);
  const all = [...trainChunks, ...testChunks];
  const total = all.reduce((sum, chunk) => sum + chunk.size, 0);
  const received = new Array<number>(all.length).fill(0);
  // Once a chunk fails, the others' downloads still run on: they must not report progress after
  // the failure, or a caller that shows the latest report would overwrite the error with it.
  let failed = false;
  const report = () => {
    if (!failed) onProgress?.(received.reduce((sum, bytes) => sum + bytes, 0), total);
  };
  report();
  const payloads = await Promise.all(
    all.map(async (chunk, i) => {
      try {
        const stored = await source(chunk.file, (bytes) => {
          received[i] = Math.min(bytes, chunk.size);
          report();
        });
        received[i] = chunk.size;
        report();
        return checkChunk(chunk, await gunzip(stored, chunk.file));
      } catch (error) {
        failed = true;
        throw error;
      }
    }),
  );
  return {
    data: request.data,
    train: joinChunks(payloads.slice(0, trainChunks.length), request.train),
    test: joinChunks(payloads.slice(trainChunks.length), request.test),
  };
}

function parseManifest(bytes: Uint8Array): ImageManifest {
  let manifest: ImageManifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(bytes)) as ImageManifest;
  } catch {
    throw new ImageDataError('the image manifest is not valid JSON');
  }
  if (manifest?.version !== FORMAT_VERSION || typeof manifest.datasets !== 'object') {
    throw new ImageDataError(`the image manifest is not format version ${FORMAT_VERSION}; rebuild the site's data`);
  }
  return manifest;
}

/** The leading chunks that hold at least `count` images. */
export function chunksFor(chunks: readonly ChunkEntry[], count: number, what: string): ChunkEntry[] {
  const chosen: ChunkEntry[] = [];
  let held = 0;
  for (const chunk of chunks) {
    if (held >= count) break;
    chosen.push(chunk);
    held += chunk.count;
  }
  if (held < count) throw new ImageDataError(`${what} set holds ${held} images, fewer than the ${count} asked for`);
  return chosen;
}

/** Gzip-decompresses with the platform's DecompressionStream; bytes already decompressed (by a server) pass as they are. */
async function gunzip(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new ImageDataError(`${file} could not be decompressed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

interface Payload {
  images: Uint8Array;
  labels: Uint8Array;
}

/** The chunk's images and labels, unfiltered, once its length and checksum are right. */
function checkChunk(chunk: ChunkEntry, bytes: Uint8Array): Payload {
  const expected = chunk.count * (IMAGE_BYTES + 1);
  if (bytes.length !== expected) {
    throw new ImageDataError(`${chunk.file} holds ${bytes.length} bytes, not the ${expected} its manifest promises; the download may be cut short`);
  }
  if (chunk.filter === 'paeth') unfilterImages(bytes, chunk.count);
  const digest = sha256Hex(bytes);
  if (digest !== chunk.sha256) {
    throw new ImageDataError(`${chunk.file} failed its checksum (SHA-256 ${digest.slice(0, 12)}…, expected ${chunk.sha256.slice(0, 12)}…); the data is damaged or stale, reload or rebuild the site`);
  }
  const labels = bytes.subarray(chunk.count * IMAGE_BYTES);
  if (labels.some((label) => label >= IMAGE_CLASSES)) throw new ImageDataError(`${chunk.file} holds a label outside 0-${IMAGE_CLASSES - 1}`);
  return { images: bytes.subarray(0, chunk.count * IMAGE_BYTES), labels };
}

/** The first `n` images of the chunks, in order. */
function joinChunks(payloads: readonly Payload[], n: number): ImageSubset {
  const images = new Uint8Array(n * IMAGE_BYTES);
  const labels = new Uint8Array(n);
  let at = 0;
  for (const payload of payloads) {
    const take = Math.min(payload.labels.length, n - at);
    images.set(payload.images.subarray(0, take * IMAGE_BYTES), at * IMAGE_BYTES);
    labels.set(payload.labels.subarray(0, take), at);
    at += take;
  }
  return { images, labels, n };
}
