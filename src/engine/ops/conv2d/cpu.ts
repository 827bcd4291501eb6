import { cpuTensor, slice } from '../../cpu/tensor.ts';
import { opModels } from '../../core/tensor.ts';
import { checkConvShape, checkHolds, type Activation, type ConvShape } from '../../core/shapes.ts';
import type { Conv2dOp } from './conv2d.ts';
import { activate } from '../activationBackward/cpu.ts';

/**
 * One kernel tap (ky, kx) as the convolutions use it: its weight's offset inside a kernel,
 * the shift d = tap - pad it reads at, and the output positions [y0, y1) × [x0, x1) whose
 * shifted input stays inside the image ('same' zero padding drops the rest).
 */
interface Tap {
  at: number;
  shift: number;
  y0: number;
  y1: number;
  x0: number;
  x1: number;
}

function tapsOf({ kernel, height, width }: ConvShape): Tap[] {
  const pad = (kernel - 1) / 2;
  const taps: Tap[] = [];
  for (let ky = 0; ky < kernel; ky++) {
    for (let kx = 0; kx < kernel; kx++) {
      const [dy, dx] = [ky - pad, kx - pad];
      taps.push({ at: ky * kernel + kx, shift: dy * width + dx, y0: Math.max(0, -dy), y1: Math.min(height, height - dy), x0: Math.max(0, -dx), x1: Math.min(width, width - dx) });
    }
  }
  return taps;
}

/** dst[dstAt + y·width + px] += weight · src[srcAt + y·width + px] over the tap's positions. */
function addShifted(dst: Float32Array, dstAt: number, src: Float32Array, srcAt: number, weight: number, tap: Tap, width: number): void {
  for (let y = tap.y0; y < tap.y1; y++) {
    const [d, s] = [dstAt + y * width, srcAt + y * width];
    for (let px = tap.x0; px < tap.x1; px++) dst[d + px] += weight * src[s + px];
  }
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
  const taps = tapsOf(shape);
  const kernelSize = kernel * kernel;
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < outChannels; o++) {
      const outPlane = (r * outChannels + o) * plane;
      out.fill(b[o], outPlane, outPlane + plane);
      for (let i = 0; i < inChannels; i++) {
        const inPlane = (r * inChannels + i) * plane;
        const kernelAt = (o * inChannels + i) * kernelSize;
        for (const tap of taps) {
          const weight = w[kernelAt + tap.at];
          if (weight !== 0) addShifted(out, outPlane, x, inPlane + tap.shift, weight, tap, width);
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
  const taps = tapsOf(shape);
  const kernelSize = kernel * kernel;
  dx.fill(0, 0, rows * inChannels * plane);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < inChannels; i++) {
      const inPlane = (r * inChannels + i) * plane;
      for (let o = 0; o < outChannels; o++) {
        const outPlane = (r * outChannels + o) * plane;
        const kernelAt = (o * inChannels + i) * kernelSize;
        for (const tap of taps) {
          const weight = w[kernelAt + tap.at];
          if (weight !== 0) addShifted(dx, inPlane + tap.shift, dy, outPlane, weight, tap, width);
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
  const taps = tapsOf(shape);
  const kernelSize = kernel * kernel;
  for (let o = 0; o < outChannels; o++) {
    let biasSum = 0;
    for (let r = 0; r < rows; r++) {
      const outPlane = (r * outChannels + o) * plane;
      for (let p = 0; p < plane; p++) biasSum += dy[outPlane + p];
    }
    db[o] = biasSum;
    for (let i = 0; i < inChannels; i++) {
      for (const tap of taps) {
        let sum = 0;
        for (let r = 0; r < rows; r++) {
          const outPlane = (r * outChannels + o) * plane;
          const xAt = (r * inChannels + i) * plane + tap.shift;
          for (let y = tap.y0; y < tap.y1; y++) {
            const [d, s] = [outPlane + y * width, xAt + y * width];
            for (let px = tap.x0; px < tap.x1; px++) sum += dy[d + px] * x[s + px];
          }
        }
        dw[(o * inChannels + i) * kernelSize + tap.at] = sum;
      }
    }
  }
}

/** The ops on the CPU: each over every model's slices. */
export const cpuConv2d: Conv2dOp['conv2d'] = (x, w, b, out, rows, shape, activation) => {
  const [tx, tw, tb, to] = [cpuTensor(x), cpuTensor(w), cpuTensor(b), cpuTensor(out)];
  for (let k = 0, K = opModels('conv2d', [to], [tx, tw, tb]); k < K; k++) conv2d(slice(tx, k), slice(tw, k), slice(tb, k), slice(to, k), rows, shape, activation);
};

export const cpuConv2dInputGrad: Conv2dOp['conv2dInputGrad'] = (dy, w, dx, rows, shape) => {
  const [tdy, tw, tdx] = [cpuTensor(dy), cpuTensor(w), cpuTensor(dx)];
  for (let k = 0, K = opModels('conv2dInputGrad', [tdx], [tdy, tw]); k < K; k++) conv2dInputGrad(slice(tdy, k), slice(tw, k), slice(tdx, k), rows, shape);
};

export const cpuConv2dWeightGrad: Conv2dOp['conv2dWeightGrad'] = (x, dy, dw, db, rows, shape) => {
  const [tx, tdy, tdw, tdb] = [cpuTensor(x), cpuTensor(dy), cpuTensor(dw), cpuTensor(db)];
  for (let k = 0, K = opModels('conv2dWeightGrad', [tdw, tdb], [tx, tdy]); k < K; k++) conv2dWeightGrad(slice(tx, k), slice(tdy, k), slice(tdw, k), slice(tdb, k), rows, shape);
};
