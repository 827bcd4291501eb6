import type { Tensor } from '../../core/tensor.ts';
import type { ImageShape } from '../../core/shapes.ts';

/**
 * What the maxPool and maxPoolBackward ops compute, on every backend. cpu.ts and webgpu.ts beside this file
 * implement them; src/engine/ops/registry.ts lists them with their parity cases.
 */
export interface MaxPoolOp {
  /**
   * 2×2 max-pooling, stride 2, of `rows` NCHW images: out is rows×channels×⌊height/2⌋×⌊width/2⌋
   * (an odd last row or column is dropped, as ONNX MaxPool without ceil_mode), out[r, c, y, x] =
   * the maximum of x[r, c, 2y + dy, 2x + dx] over dy, dx in {0, 1}.
   */
  maxPool(x: Tensor, out: Tensor, rows: number, shape: ImageShape): void;
  /**
   * maxPool's input gradient: writes every element of dx (rows×channels×height×width), routing
   * dy[r, c, y, x] to the window's argmax, the first maximum in the order (0,0), (0,1), (1,0),
   * (1,1), recomputed from the forward input x, and 0 elsewhere (dropped rows and columns too).
   */
  maxPoolBackward(x: Tensor, dy: Tensor, dx: Tensor, rows: number, shape: ImageShape): void;
}
