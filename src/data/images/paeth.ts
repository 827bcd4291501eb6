/**
 * PNG's Paeth filter over whole 28×28 images, to make textured images (Fashion-MNIST) compress
 * better under gzip: each pixel is stored as its difference (mod 256) from the neighbour left,
 * above or above-left that best predicts it. Lossless: `unfilterImages` restores every byte.
 * It makes MNIST's mostly blank digits compress worse, so only Fashion-MNIST is stored filtered.
 */
import { IMAGE_BYTES, IMAGE_SIDE } from './format.ts';

/** Returns the Paeth-filtered copy of `count` images (row-major bytes); bytes after them are copied as they are. */
export function filterImages(bytes: Uint8Array, count: number): Uint8Array {
  // A copy (Buffer's slice would be a view).
  const out = new Uint8Array(bytes);
  for (let start = 0; start < count * IMAGE_BYTES; start += IMAGE_BYTES) {
    for (let p = 0; p < IMAGE_BYTES; p++) out[start + p] = bytes[start + p] - predict(bytes, start, p);
  }
  return out;
}

/** Undoes filterImages in place: pixel by pixel in reading order, so each prediction reads pixels already restored. */
export function unfilterImages(bytes: Uint8Array, count: number): Uint8Array {
  for (let start = 0; start < count * IMAGE_BYTES; start += IMAGE_BYTES) {
    for (let p = 0; p < IMAGE_BYTES; p++) bytes[start + p] += predict(bytes, start, p);
  }
  return bytes;
}

/** The Paeth predictor of pixel `p` of the image at `start`, from its left (a), upper (b) and upper-left (c) neighbours; 0 off the image. */
function predict(bytes: Uint8Array, start: number, p: number): number {
  const x = p % IMAGE_SIDE;
  const a = x > 0 ? bytes[start + p - 1] : 0;
  const b = p >= IMAGE_SIDE ? bytes[start + p - IMAGE_SIDE] : 0;
  const c = x > 0 && p >= IMAGE_SIDE ? bytes[start + p - IMAGE_SIDE - 1] : 0;
  const estimate = a + b - c;
  const [da, db, dc] = [Math.abs(estimate - a), Math.abs(estimate - b), Math.abs(estimate - c)];
  return da <= db && da <= dc ? a : db <= dc ? b : c;
}
