import { expect, test } from 'vitest';
import { heatmapPixels } from '../../../app/view2d/heatmap.ts';
import { classColor, hexToRgb } from '../../../app/view2d/palette.ts';

test('certain cells lean to their class colour, tied cells stay pale, and rows are flipped so y grows upward', () => {
  // 2 × 2 grid, 2 classes; the grid's first row is the bottom (yMin).
  const probabilities = new Float32Array([1, 0, 0.5, 0.5, 0, 1, 0.5, 0.5]);
  const pixels = heatmapPixels({ size: 2, extent: [0, 1, 0, 1], classes: 2, probabilities });
  const pixel = (row: number, column: number) => Array.from(pixels.slice((row * 2 + column) * 4, (row * 2 + column) * 4 + 4));
  const [r0] = hexToRgb(classColor(0));
  // Grid row 0 (bottom) is image row 1.
  const certain = pixel(1, 0);
  expect(certain[0]).toBeLessThan(255);
  expect(Math.abs(certain[0] - (255 + (r0 - 255) * 0.45))).toBeLessThan(1);
  const tied = pixel(1, 1);
  expect(Math.min(...tied.slice(0, 3))).toBeGreaterThan(200);
  expect(certain[3]).toBe(255);
});
