import type { Activation } from '../backend.ts';
import { activateInPlace } from './activation.ts';

/** out (rows×outDim) = act(x·w + b): each output row starts as b, gathers x's row times w's rows, then activates. */
export function dense(
  x: Float32Array,
  w: Float32Array,
  b: Float32Array,
  out: Float32Array,
  rows: number,
  inDim: number,
  outDim: number,
  activation: Activation,
): void {
  for (let r = 0; r < rows; r++) {
    const outRow = r * outDim;
    const xRow = r * inDim;
    for (let j = 0; j < outDim; j++) out[outRow + j] = b[j];
    for (let p = 0; p < inDim; p++) {
      const scale = x[xRow + p];
      if (scale === 0) continue;
      const wRow = p * outDim;
      for (let j = 0; j < outDim; j++) out[outRow + j] += scale * w[wRow + j];
    }
  }
  activateInPlace(out, 0, rows * outDim, activation);
}
