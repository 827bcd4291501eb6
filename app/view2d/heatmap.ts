import type { DecisionGrid } from '../../src/selftrain/events.ts';
import { classColor, hexToRgb } from './palette.ts';

/** How strongly the most confident cells are tinted (0: white, 1: the pure class colour). */
const MAX_TINT = 0.45;
const MIN_TINT = 0.1;

/**
 * RGBA pixels (size × size, top row first) of the decision grid: each cell is the class
 * colours blended by probability, tinted more the more certain the model is there.
 * Certainty is (max p − 1/C) / (1 − 1/C): 0 where the classes are tied, 1 where one has it all.
 */
export function heatmapPixels(grid: DecisionGrid): Uint8ClampedArray<ArrayBuffer> {
  const { size, classes, probabilities } = grid;
  const colors = Array.from({ length: classes }, (_, c) => hexToRgb(classColor(c)));
  const pixels = new Uint8ClampedArray(size * size * 4);
  const chance = 1 / Math.max(1, classes);
  for (let row = 0; row < size; row++) {
    // The grid starts at yMin; the image starts at the top (yMax).
    const imageRow = size - 1 - row;
    for (let column = 0; column < size; column++) {
      const cell = (row * size + column) * classes;
      let r = 0;
      let g = 0;
      let b = 0;
      let highest = 0;
      for (let c = 0; c < classes; c++) {
        const p = probabilities[cell + c];
        r += p * colors[c][0];
        g += p * colors[c][1];
        b += p * colors[c][2];
        if (p > highest) highest = p;
      }
      const certainty = classes > 1 ? Math.min(1, Math.max(0, (highest - chance) / (1 - chance))) : 1;
      const tint = MIN_TINT + (MAX_TINT - MIN_TINT) * certainty;
      const at = (imageRow * size + column) * 4;
      pixels[at] = 255 + (r - 255) * tint;
      pixels[at + 1] = 255 + (g - 255) * tint;
      pixels[at + 2] = 255 + (b - 255) * tint;
      pixels[at + 3] = 255;
    }
  }
  return pixels;
}
