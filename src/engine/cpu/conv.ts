import type { Activation, ConvShape } from '../backend.ts';
import { checkConvShape, checkHolds } from '../convShape.ts';
import { activate } from './activation.ts';

/**
 * The taps of one kernel offset d = k - p along an axis of length n: output positions
 * [lo, hi) read input position + d inside the image ('same' zero padding drops the rest).
 */
function span(n: number, d: number): [number, number] {
  return [Math.max(0, -d), Math.min(n, n - d)];
}

/**
 * out = act(conv(x, w) + b), NCHW, stride 1, 'same' padding (see Backend.conv2d). Each output
 * plane starts as its bias and adds, per (input channel, tap), a weight times a shifted row
 * of the input over the span that stays inside the image: contiguous inner loops, no im2col.
 */
export function conv2d(x: Float32Array, w: Float32Array, b: Float32Array, out: Float32Array, rows: number, shape: ConvShape, activation: Activation): void {
  checkConvShape('conv2d', rows, shape);
  const { inChannels, outChannels, height, width, kernel } = shape;
  const plane = height * width;
  checkHolds('conv2d', 'x', x.length, rows * inChannels * plane);
  checkHolds('conv2d', 'w', w.length, outChannels * inChannels * kernel * kernel);
  checkHolds('conv2d', 'b', b.length, outChannels);
  checkHolds('conv2d', 'out', out.length, rows * outChannels * plane);
  const pad = (kernel - 1) / 2;
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < outChannels; o++) {
      const outPlane = (r * outChannels + o) * plane;
      out.fill(b[o], outPlane, outPlane + plane);
      for (let i = 0; i < inChannels; i++) {
        const inPlane = (r * inChannels + i) * plane;
        for (let ky = 0; ky < kernel; ky++) {
          const dy = ky - pad;
          const [y0, y1] = span(height, dy);
          for (let kx = 0; kx < kernel; kx++) {
            const dx = kx - pad;
            const [x0, x1] = span(width, dx);
            const weight = w[((o * inChannels + i) * kernel + ky) * kernel + kx];
            if (weight === 0) continue;
            for (let y = y0; y < y1; y++) {
              const outRow = outPlane + y * width;
              const inRow = inPlane + (y + dy) * width + dx;
              for (let px = x0; px < x1; px++) out[outRow + px] += weight * x[inRow + px];
            }
          }
        }
      }
      activate(out, outPlane, outPlane + plane, activation);
    }
  }
}

/** dx = conv2d's input gradient (see Backend.conv2dInputGrad): the forward loops with the roles of x and out swapped. */
export function conv2dInputGrad(dy: Float32Array, w: Float32Array, dx: Float32Array, rows: number, shape: ConvShape): void {
  checkConvShape('conv2dInputGrad', rows, shape);
  const { inChannels, outChannels, height, width, kernel } = shape;
  const plane = height * width;
  checkHolds('conv2dInputGrad', 'dy', dy.length, rows * outChannels * plane);
  checkHolds('conv2dInputGrad', 'w', w.length, outChannels * inChannels * kernel * kernel);
  checkHolds('conv2dInputGrad', 'dx', dx.length, rows * inChannels * plane);
  const pad = (kernel - 1) / 2;
  dx.fill(0, 0, rows * inChannels * plane);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < inChannels; i++) {
      const inPlane = (r * inChannels + i) * plane;
      for (let o = 0; o < outChannels; o++) {
        const outPlane = (r * outChannels + o) * plane;
        for (let ky = 0; ky < kernel; ky++) {
          const shiftY = ky - pad;
          const [y0, y1] = span(height, shiftY);
          for (let kx = 0; kx < kernel; kx++) {
            const shiftX = kx - pad;
            const [x0, x1] = span(width, shiftX);
            const weight = w[((o * inChannels + i) * kernel + ky) * kernel + kx];
            if (weight === 0) continue;
            for (let y = y0; y < y1; y++) {
              const dyRow = outPlane + y * width;
              const dxRow = inPlane + (y + shiftY) * width + shiftX;
              for (let px = x0; px < x1; px++) dx[dxRow + px] += weight * dy[dyRow + px];
            }
          }
        }
      }
    }
  }
}

/**
 * dw and db of conv2d (see Backend.conv2dWeightGrad). Each weight is one dot product of a
 * dy plane with a shifted x plane over all rows, summed in a float64 local and stored once.
 */
export function conv2dWeightGrad(x: Float32Array, dy: Float32Array, dw: Float32Array, db: Float32Array, rows: number, shape: ConvShape): void {
  checkConvShape('conv2dWeightGrad', rows, shape);
  const { inChannels, outChannels, height, width, kernel } = shape;
  const plane = height * width;
  checkHolds('conv2dWeightGrad', 'x', x.length, rows * inChannels * plane);
  checkHolds('conv2dWeightGrad', 'dy', dy.length, rows * outChannels * plane);
  checkHolds('conv2dWeightGrad', 'dw', dw.length, outChannels * inChannels * kernel * kernel);
  checkHolds('conv2dWeightGrad', 'db', db.length, outChannels);
  const pad = (kernel - 1) / 2;
  for (let o = 0; o < outChannels; o++) {
    let biasSum = 0;
    for (let r = 0; r < rows; r++) {
      const outPlane = (r * outChannels + o) * plane;
      for (let p = 0; p < plane; p++) biasSum += dy[outPlane + p];
    }
    db[o] = biasSum;
    for (let i = 0; i < inChannels; i++) {
      for (let ky = 0; ky < kernel; ky++) {
        const shiftY = ky - pad;
        const [y0, y1] = span(height, shiftY);
        for (let kx = 0; kx < kernel; kx++) {
          const shiftX = kx - pad;
          const [x0, x1] = span(width, shiftX);
          let sum = 0;
          for (let r = 0; r < rows; r++) {
            const outPlane = (r * outChannels + o) * plane;
            const inPlane = (r * inChannels + i) * plane;
            for (let y = y0; y < y1; y++) {
              const dyRow = outPlane + y * width;
              const xRow = inPlane + (y + shiftY) * width + shiftX;
              for (let px = x0; px < x1; px++) sum += dy[dyRow + px] * x[xRow + px];
            }
          }
          dw[((o * inChannels + i) * kernel + ky) * kernel + kx] = sum;
        }
      }
    }
  }
}
