import { createRng } from '../data/rng.ts';
import type { ParameterLayout } from './layout.ts';

/**
 * Seeded initial parameters in the padded flat layout, drawn on the host so one seed gives
 * the same weights on every backend. Uniform in ±limit: He, limit = √(6 / fanIn), keeps a
 * relu layer's output variance; Glorot, limit = √(6 / (fanIn + fanOut)), suits tanh, sigmoid
 * and the logits; biases start at zero.
 */
export function initialParameters(layout: ParameterLayout, seed: number): Float32Array {
  const rng = createRng(seed);
  const padded = new Float32Array(layout.paddedSize);
  for (const view of layout.layers.flat()) {
    if (view.init === 'zeros') continue;
    const limit = view.init === 'he' ? Math.sqrt(6 / view.fanIn) : Math.sqrt(6 / (view.fanIn + view.fanOut));
    for (let i = 0; i < view.size; i++) padded[view.offset + i] = (2 * rng.next() - 1) * limit;
  }
  return padded;
}
