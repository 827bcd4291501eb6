// A tiny seeded image task for CNN tests: one-channel images holding a horizontal bar (class 0),
// a vertical bar (class 1) or a cross (class 2) at a random place, over Gaussian pixel noise.
// Placement varies, so a model has to learn the strokes, not the pixels.
import { createRng } from '../../src/data/rng.ts';

/** n images of side × side pixels in NCHW (one channel), their labels and one-hot targets. */
export interface ImageSet {
  n: number;
  side: number;
  x: Float32Array;
  labels: Int32Array;
  targets: Float32Array;
  weights: Float32Array;
}

export const IMAGE_CLASSES = 3;

export function barsAndCrosses(n: number, side: number, seed: number): ImageSet {
  const rng = createRng(seed);
  const x = new Float32Array(n * side * side);
  const labels = new Int32Array(n);
  const targets = new Float32Array(n * IMAGE_CLASSES);
  const length = Math.ceil(side / 2);
  for (let r = 0; r < n; r++) {
    const image = x.subarray(r * side * side, (r + 1) * side * side);
    for (let i = 0; i < image.length; i++) image[i] = 0.2 * rng.normal();
    const label = rng.int(IMAGE_CLASSES);
    // The stroke's centre stays far enough from the edges for a whole bar of `length` pixels.
    const [cy, cx] = [rng.int(side - length + 1) + (length >> 1), rng.int(side - length + 1) + (length >> 1)];
    for (let t = 0; t < length; t++) {
      const along = t - (length >> 1);
      if (label !== 1) image[cy * side + cx + along] += 1;
      if (label !== 0) image[(cy + along) * side + cx] += 1;
    }
    labels[r] = label;
    targets[r * IMAGE_CLASSES + label] = 1;
  }
  return { n, side, x, labels, targets, weights: new Float32Array(n).fill(1) };
}
