// The dense kernel in WebAssembly SIMD: out = x·w + b, before the activation (the wrapper
// applies it with the CPU reference's own function, so activations match it bit for bit).
import { rowTimes } from '../matmul/matmul.as';

/**
 * out (rows×outDim) = x (rows×inDim) · w (inDim×outDim) + b over the rows [start, end) (`rows`
 * only sizes the call): each output starts as its bias and adds in order of p.
 */
export function denseLinear(x: usize, w: usize, b: usize, out: usize, rows: i32, inDim: i32, outDim: i32, start: i32, end: i32): void {
  for (let r = start; r < end; r++) {
    rowTimes(out + ((<usize>(r * outDim)) << 2), b, x + ((<usize>(r * inDim)) << 2), 4, w, inDim, outDim);
  }
}
