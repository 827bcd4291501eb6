import type { Activation } from '../backend.ts';

/**
 * out (rows×outDim) = act(x·w + b): each output row starts as b, adds x's row times w's rows
 * (skipping zero inputs), then is activated while it is still in cache.
 */
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
    const outEnd = outRow + outDim;
    const xRow = r * inDim;
    for (let j = 0; j < outDim; j++) out[outRow + j] = b[j];
    for (let p = 0; p < inDim; p++) {
      const scale = x[xRow + p];
      if (scale === 0) continue;
      const wRow = p * outDim;
      for (let j = 0; j < outDim; j++) out[outRow + j] += scale * w[wRow + j];
    }
    if (activation === 'relu') {
      for (let i = outRow; i < outEnd; i++) if (out[i] < 0) out[i] = 0;
    } else if (activation === 'tanh') {
      for (let i = outRow; i < outEnd; i++) out[i] = Math.tanh(out[i]);
    } else if (activation === 'sigmoid') {
      for (let i = outRow; i < outEnd; i++) out[i] = 1 / (1 + Math.exp(-out[i]));
    }
  }
}
