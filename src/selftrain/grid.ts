import type { DecisionGrid } from './events.ts';

export type Extent = DecisionGrid['extent'];

/**
 * The centres of size × size cells over `extent`, as row-major 2-D points starting at
 * (xMin, yMin): point r·size + c sits in column c (x) and row r (y). Cell centres, not
 * corners, so each probability describes its whole cell in the heatmap.
 */
export function gridPoints(size: number, extent: Extent): Float32Array {
  const [xMin, xMax, yMin, yMax] = extent;
  const points = new Float32Array(size * size * 2);
  const dx = (xMax - xMin) / size;
  const dy = (yMax - yMin) / size;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const at = (r * size + c) * 2;
      points[at] = xMin + (c + 0.5) * dx;
      points[at + 1] = yMin + (r + 0.5) * dy;
    }
  }
  return points;
}
