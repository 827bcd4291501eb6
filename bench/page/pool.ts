// The labelling pass's pool (issue 5), shared by the page's rows (labelling.ts) and the Node
// breakdown of a pass by op (bench/forwardOps.ts).
import { createRng } from '../../src/data/rng.ts';
import { DATA_SEED } from '../workloads.ts';

/** Examples in the pool the issue names. */
export const POOL_EXAMPLES = 10_000;

/** POOL_EXAMPLES seeded rows: points in [-1, 1), pixels in [0, 1), as the training workloads draw them. */
export function poolRows(dim: number): Float32Array {
  const rng = createRng(DATA_SEED);
  const low = dim === 2 ? -1 : 0;
  return Float32Array.from({ length: POOL_EXAMPLES * dim }, () => low + (1 - low) * rng.next());
}
