import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IMAGE_BYTES } from '../../../src/data/images/format.ts';
import { loadImages } from '../../../src/data/images/load.ts';
import { diskSource } from '../../../src/data/images/node/diskSource.ts';
import { filterImages, unfilterImages } from '../../../src/data/images/paeth.ts';

describe('the Paeth filter', () => {
  it('restores every byte, and leaves the bytes after the images alone', () => {
    const count = 3;
    const bytes = Uint8Array.from({ length: count * IMAGE_BYTES + count }, (_, i) => (i * 2654435761) >>> 24);
    const filtered = filterImages(bytes, count);
    expect(Array.from(filtered.subarray(count * IMAGE_BYTES))).toEqual(Array.from(bytes.subarray(count * IMAGE_BYTES)));
    expect(Buffer.from(filtered).equals(Buffer.from(bytes))).toBe(false);
    expect(Buffer.from(unfilterImages(filtered, count)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('stores a smooth gradient as its constant steps', () => {
    // Pixel (x, y) = 3x + 5y: the predictor's estimate a + b - c is exact, so only the first row and column differ.
    const image = Uint8Array.from({ length: IMAGE_BYTES }, (_, p) => 3 * (p % 28) + 5 * Math.floor(p / 28));
    const filtered = filterImages(image, 1);
    expect(filtered[0]).toBe(0);
    expect(Array.from(filtered.subarray(1, 28))).toEqual(new Array(27).fill(3));
    for (let y = 1; y < 28; y++) expect(filtered[y * 28]).toBe(5);
  });

  it('shrinks the compressed Fashion-MNIST images by at least 5%, and restores them byte for byte', async () => {
    const { train } = await loadImages({ data: 'fashion', train: 2500, test: 10 }, diskSource());
    const plain = gzipSync(train.images, { level: 6 }).length;
    const filtered = filterImages(train.images, train.n);
    expect(gzipSync(filtered, { level: 6 }).length).toBeLessThan(0.95 * plain);
    expect(Buffer.from(unfilterImages(filtered, train.n)).equals(Buffer.from(train.images))).toBe(true);
  });
});
