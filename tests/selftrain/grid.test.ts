import { expect, test } from 'vitest';
import { gridPoints } from '../../src/selftrain/grid.ts';

test('cell centres, row-major from (xMin, yMin), x along a row', () => {
  const points = gridPoints(2, [-1, 1, 0, 4]);
  expect(Array.from(points)).toEqual([-0.5, 1, 0.5, 1, -0.5, 3, 0.5, 3]);
});
