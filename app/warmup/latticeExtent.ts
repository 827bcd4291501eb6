import type { WarmupSamples } from '../../src/selftrain/events.ts';
import type { Extent } from '../view2d/drawScene.ts';

/**
 * The plane a square lattice of cell centres covers (src/selftrain/grid.ts gridPoints): from half
 * a cell before its first point to half a cell after its last, on each axis.
 */
export function latticeExtent(samples: WarmupSamples): Extent {
  const side = Math.round(Math.sqrt(samples.count));
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < samples.count; i++) {
    const [x, y] = [samples.inputs[2 * i], samples.inputs[2 * i + 1]];
    [xMin, xMax, yMin, yMax] = [Math.min(xMin, x), Math.max(xMax, x), Math.min(yMin, y), Math.max(yMax, y)];
  }
  const dx = side > 1 ? (xMax - xMin) / (side - 1) / 2 : 1;
  const dy = side > 1 ? (yMax - yMin) / (side - 1) / 2 : 1;
  return [xMin - dx, xMax + dx, yMin - dy, yMax + dy];
}
