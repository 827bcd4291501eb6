import type { Tensor } from '../../core/tensor.ts';
import type { Activation, ConvShape } from '../../core/shapes.ts';

/**
 * What the conv2d, conv2dInputGrad and conv2dWeightGrad ops compute, on every backend.
 * cpu.ts, webgpu.ts and webgpuWeightGrad.ts beside this file implement them; src/engine/ops/registry.ts lists them with their parity cases.
 */
export interface Conv2dOp {
  /**
   * 2-D convolution (cross-correlation, as ONNX Conv) of `rows` images in NCHW layout, x
   * rows×inChannels×height×width, w [outChannels, inChannels, kernel, kernel] (ONNX's layout),
   * b outChannels, stride 1, zero 'same' padding p = (kernel - 1) / 2, so out is
   * rows×outChannels×height×width: out[r, o, y, x] = act(b[o] + Σ_{i, ky, kx} w[o, i, ky, kx]·
   * x[r, i, y + ky - p, x + kx - p]), taps outside the image reading 0.
   */
  conv2d(x: Tensor, w: Tensor, b: Tensor, out: Tensor, rows: number, shape: ConvShape, activation: Activation): void;
  /**
   * The gradient of conv2d's pre-activation with respect to its input: writes
   * dx[r, i, y, x] = Σ_{o, ky, kx} w[o, i, ky, kx]·dy[r, o, y - ky + p, x - kx + p] (taps outside
   * the image dropped), dy rows×outChannels×height×width, dx rows×inChannels×height×width.
   */
  conv2dInputGrad(dy: Tensor, w: Tensor, dx: Tensor, rows: number, shape: ConvShape): void;
  /**
   * conv2d's parameter gradients from dy (its pre-activation gradient) and its input x: writes
   * dw[o, i, ky, kx] = Σ_{r, y, x} dy[r, o, y, x]·x[r, i, y + ky - p, x + kx - p] (0 outside the
   * image) and db[o] = Σ_{r, y, x} dy[r, o, y, x].
   */
  conv2dWeightGrad(x: Tensor, dy: Tensor, dw: Tensor, db: Tensor, rows: number, shape: ConvShape): void;
}
