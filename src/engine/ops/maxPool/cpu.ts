import { cpuTensor, slice } from '../../cpu/tensor.ts';
import { opModels } from '../../core/tensor.ts';
import { checkHolds, checkImageShape, type ImageShape } from '../../core/shapes.ts';
import type { MaxPoolOp } from './maxPool.ts';

/**
 * The flat index of the maximum of the 2×2 window at pooled (py, px) in the plane starting at
 * `base`: the first maximum in the order (0,0), (0,1), (1,0), (1,1), as the WGSL kernels pick.
 */
export function windowArgmax(x: Float32Array, base: number, width: number, py: number, px: number): number {
  const top = base + 2 * py * width + 2 * px;
  let best = top;
  if (x[top + 1] > x[best]) best = top + 1;
  if (x[top + width] > x[best]) best = top + width;
  if (x[top + width + 1] > x[best]) best = top + width + 1;
  return best;
}

/** out = 2×2 max-pooling, stride 2 (see Backend.maxPool). */
export function maxPool(x: Float32Array, out: Float32Array, rows: number, shape: ImageShape): void {
  checkImageShape('maxPool', rows, shape);
  const { channels, height, width } = shape;
  const [outHeight, outWidth] = [Math.floor(height / 2), Math.floor(width / 2)];
  const planes = rows * channels;
  checkHolds('maxPool', 'x', x.length, planes * height * width);
  checkHolds('maxPool', 'out', out.length, planes * outHeight * outWidth);
  for (let plane = 0; plane < planes; plane++) {
    const base = plane * height * width;
    const outBase = plane * outHeight * outWidth;
    for (let py = 0; py < outHeight; py++) {
      for (let px = 0; px < outWidth; px++) out[outBase + py * outWidth + px] = x[windowArgmax(x, base, width, py, px)];
    }
  }
}

/**
 * dx = maxPool's input gradient (see Backend.maxPoolBackward): zeros, then each dy routed to
 * its window's argmax, recomputed from x. Recomputing costs three comparisons per window and
 * spares an index tensor per pooling layer, and it picks exactly the forward's element.
 */
export function maxPoolBackward(x: Float32Array, dy: Float32Array, dx: Float32Array, rows: number, shape: ImageShape): void {
  checkImageShape('maxPoolBackward', rows, shape);
  const { channels, height, width } = shape;
  const [outHeight, outWidth] = [Math.floor(height / 2), Math.floor(width / 2)];
  const planes = rows * channels;
  checkHolds('maxPoolBackward', 'x', x.length, planes * height * width);
  checkHolds('maxPoolBackward', 'dy', dy.length, planes * outHeight * outWidth);
  checkHolds('maxPoolBackward', 'dx', dx.length, planes * height * width);
  dx.fill(0, 0, planes * height * width);
  for (let plane = 0; plane < planes; plane++) {
    const base = plane * height * width;
    const outBase = plane * outHeight * outWidth;
    for (let py = 0; py < outHeight; py++) {
      for (let px = 0; px < outWidth; px++) dx[windowArgmax(x, base, width, py, px)] = dy[outBase + py * outWidth + px];
    }
  }
}

/** The ops on the CPU: each over every model's slices. */
export const cpuMaxPool: MaxPoolOp['maxPool'] = (x, out, rows, shape) => {
  const [tx, to] = [cpuTensor(x), cpuTensor(out)];
  for (let k = 0, K = opModels('maxPool', [to], [tx]); k < K; k++) maxPool(slice(tx, k), slice(to, k), rows, shape);
};

export const cpuMaxPoolBackward: MaxPoolOp['maxPoolBackward'] = (x, dy, dx, rows, shape) => {
  const [tx, tdy, tdx] = [cpuTensor(x), cpuTensor(dy), cpuTensor(dx)];
  for (let k = 0, K = opModels('maxPoolBackward', [tdx], [tx, tdy]); k < K; k++) maxPoolBackward(slice(tx, k), slice(tdy, k), slice(tdx, k), rows, shape);
};
