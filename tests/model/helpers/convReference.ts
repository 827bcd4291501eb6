// Convolution and pooling in float64, straight from their definitions (one sum per output,
// bounds tested per tap): the yardstick for the engine's conv and pool loops.
import type { ConvShape, ImageShape } from '../../../src/engine/backend.ts';

/** Pre-activation conv: b[o] + Σ_{i,ky,kx} w[o,i,ky,kx]·x[r,i,y+ky-p,x+kx-p], NCHW, zero 'same' padding. */
export function referenceConv(x: ArrayLike<number>, w: ArrayLike<number>, b: ArrayLike<number>, rows: number, shape: ConvShape): Float64Array<ArrayBuffer> {
  const { inChannels, outChannels, height, width, kernel } = shape;
  const pad = (kernel - 1) / 2;
  const out = new Float64Array(rows * outChannels * height * width);
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < outChannels; o++) {
      for (let y = 0; y < height; y++) {
        for (let px = 0; px < width; px++) {
          let z = b[o];
          for (let i = 0; i < inChannels; i++) {
            for (let ky = 0; ky < kernel; ky++) {
              for (let kx = 0; kx < kernel; kx++) {
                const [sy, sx] = [y + ky - pad, px + kx - pad];
                if (sy < 0 || sy >= height || sx < 0 || sx >= width) continue;
                z += w[((o * inChannels + i) * kernel + ky) * kernel + kx] * x[((r * inChannels + i) * height + sy) * width + sx];
              }
            }
          }
          out[((r * outChannels + o) * height + y) * width + px] = z;
        }
      }
    }
  }
  return out;
}

/** 2×2 max-pooling, stride 2, floor size. */
export function referenceMaxPool(x: ArrayLike<number>, rows: number, shape: ImageShape): Float64Array<ArrayBuffer> {
  const { channels, height, width } = shape;
  const [outHeight, outWidth] = [Math.floor(height / 2), Math.floor(width / 2)];
  const out = new Float64Array(rows * channels * outHeight * outWidth);
  for (let plane = 0; plane < rows * channels; plane++) {
    for (let y = 0; y < outHeight; y++) {
      for (let px = 0; px < outWidth; px++) {
        const at = (dy: number, dx: number) => x[(plane * height + 2 * y + dy) * width + 2 * px + dx];
        out[(plane * outHeight + y) * outWidth + px] = Math.max(at(0, 0), at(0, 1), at(1, 0), at(1, 1));
      }
    }
  }
  return out;
}
