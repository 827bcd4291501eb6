import { expect, test } from 'vitest';
import { latticeExtent } from '../../../app/warmup/latticeExtent.ts';
import { gridPoints } from '../../../src/selftrain/grid.ts';

test("the lattice's plane is the extent the engine laid it over", () => {
  const inputs = gridPoints(15, [-3, 3, -2, 4]);
  const extent = latticeExtent({ task: 'denoise', image: null, count: 225, dim: 2, inputs, outputs: inputs });
  [-3, 3, -2, 4].forEach((edge, i) => expect(extent[i]).toBeCloseTo(edge, 5));
});
