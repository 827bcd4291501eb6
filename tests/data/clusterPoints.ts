import type { CustomPoint } from '../../src/data/customPoints.ts';
import { createRng } from '../../src/data/rng.ts';

/** A class's own data for the tests: 60 points in three overlapping clusters, 20 each, and 6 unlabelled between them. */
export function clusterPoints(): CustomPoint[] {
  const rng = createRng(5);
  const centres = [[-3, -2], [3, -2], [0, 3]];
  const points: CustomPoint[] = [];
  for (let i = 0; i < 60; i++) {
    const [cx, cy] = centres[i % 3];
    points.push({ x: cx + rng.normal() * 1.5, y: cy + rng.normal() * 1.5, label: i % 3 });
  }
  for (let i = 0; i < 6; i++) points.push({ x: rng.normal(), y: rng.normal() });
  return points;
}
