// The conv2d kernels in WebAssembly SIMD (NCHW, stride 1, 'same' zero padding), the CPU
// reference's loops (cpu.ts) with their innermost row in f32x4: per (channel, tap), a weight
// times a shifted input row over the span that stays inside the image. Each output adds its
// terms in the reference's order; the weight gradient's dot products sum exact products in
// f64 (two lanes, then lane 0 + lane 1, then the row's tail in order), as the reference sums
// in a float64 local. No relaxed SIMD, so every machine gives the same bits. The forward and
// input-gradient kernels write the images [start, end) only, the weight gradient the output
// channels [start, end) only (each weight's sum over every image, in the same order whichever
// call makes it), so threads may share a call by those ranges without changing a bit.

/** dst[px] += weight·src[px] for px in [x0, x1) of one row (byte pointers to px = 0). */
@inline
function addRow(dst: usize, src: usize, weight: f32, x0: i32, x1: i32): void {
  const wv = f32x4.splat(weight);
  let px = x0;
  for (; px + 4 <= x1; px += 4) {
    const at = (<usize>px) << 2;
    v128.store(dst + at, f32x4.add(v128.load(dst + at), f32x4.mul(wv, v128.load(src + at))));
  }
  for (; px < x1; px++) {
    const at = (<usize>px) << 2;
    store<f32>(dst + at, load<f32>(dst + at) + weight * load<f32>(src + at));
  }
}

/**
 * dst plane += weight · (src plane shifted by the tap (dy, dx)), over the output positions whose
 * shifted input is inside the image. `src` points at the unshifted plane.
 */
function addShifted(dst: usize, src: usize, weight: f32, dy: i32, dx: i32, height: i32, width: i32): void {
  const y0 = max(0, -dy);
  const y1 = min(height, height - dy);
  const x0 = max(0, -dx);
  const x1 = min(width, width - dx);
  const rowBytes = (<usize>width) << 2;
  const shift = (<isize>(dy * width + dx)) << 2;
  for (let y = y0; y < y1; y++) {
    const row = (<usize>y) * rowBytes;
    addRow(dst + row, <usize>(<isize>(src + row) + shift), weight, x0, x1);
  }
}

/** out = conv(x, w) + b for the images [start, end), before the activation (the wrapper applies the reference's). */
export function conv2dLinear(x: usize, w: usize, b: usize, out: usize, rows: i32, inChannels: i32, outChannels: i32, height: i32, width: i32, kernel: i32, start: i32, end: i32): void {
  const plane = height * width;
  const planeBytes = (<usize>plane) << 2;
  const kernelSize = kernel * kernel;
  const pad = (kernel - 1) >> 1;
  for (let r = start; r < end; r++) {
    for (let o = 0; o < outChannels; o++) {
      const outPlane = out + (<usize>(r * outChannels + o)) * planeBytes;
      const bias = f32x4.splat(load<f32>(b + ((<usize>o) << 2)));
      let p = 0;
      for (; p + 4 <= plane; p += 4) v128.store(outPlane + ((<usize>p) << 2), bias);
      for (; p < plane; p++) store<f32>(outPlane + ((<usize>p) << 2), load<f32>(b + ((<usize>o) << 2)));
      for (let i = 0; i < inChannels; i++) {
        const inPlane = x + (<usize>(r * inChannels + i)) * planeBytes;
        const kernelAt = w + ((<usize>((o * inChannels + i) * kernelSize)) << 2);
        for (let ky = 0; ky < kernel; ky++) {
          for (let kx = 0; kx < kernel; kx++) {
            const weight = load<f32>(kernelAt + ((<usize>(ky * kernel + kx)) << 2));
            if (weight != 0) addShifted(outPlane, inPlane, weight, ky - pad, kx - pad, height, width);
          }
        }
      }
    }
  }
}

/** dx = conv2d's input gradient for the images [start, end): the forward loops with the roles of x and out swapped. */
export function conv2dInputGrad(dy: usize, w: usize, dx: usize, rows: i32, inChannels: i32, outChannels: i32, height: i32, width: i32, kernel: i32, start: i32, end: i32): void {
  const plane = height * width;
  const planeBytes = (<usize>plane) << 2;
  const kernelSize = kernel * kernel;
  const pad = (kernel - 1) >> 1;
  memory.fill(dx + (<usize>(start * inChannels)) * planeBytes, 0, (<usize>((end - start) * inChannels)) * planeBytes);
  for (let r = start; r < end; r++) {
    for (let i = 0; i < inChannels; i++) {
      const inPlane = dx + (<usize>(r * inChannels + i)) * planeBytes;
      for (let o = 0; o < outChannels; o++) {
        const outPlane = dy + (<usize>(r * outChannels + o)) * planeBytes;
        const kernelAt = w + ((<usize>((o * inChannels + i) * kernelSize)) << 2);
        for (let ky = 0; ky < kernel; ky++) {
          for (let kx = 0; kx < kernel; kx++) {
            const weight = load<f32>(kernelAt + ((<usize>(ky * kernel + kx)) << 2));
            // The reference adds dy[y, x]·w into dx[y + d, x + d']: the forward shift, reversed.
            if (weight != 0) addShifted(inPlane, outPlane, weight, pad - ky, pad - kx, height, width);
          }
        }
      }
    }
  }
}

/** Σ over px in [x0, x1) of a[px]·b[px], exact products summed in f64: two lanes, then the tail in order. */
@inline
function dotRow(a: usize, b: usize, x0: i32, x1: i32): f64 {
  let lanes = f64x2.splat(0);
  let px = x0;
  for (; px + 2 <= x1; px += 2) {
    const at = (<usize>px) << 2;
    const av = f64x2.promote_low_f32x4(v128.load64_zero(a + at));
    const bv = f64x2.promote_low_f32x4(v128.load64_zero(b + at));
    lanes = f64x2.add(lanes, f64x2.mul(av, bv));
  }
  let sum = f64x2.extract_lane(lanes, 0) + f64x2.extract_lane(lanes, 1);
  for (; px < x1; px++) sum += <f64>load<f32>(a + ((<usize>px) << 2)) * <f64>load<f32>(b + ((<usize>px) << 2));
  return sum;
}

/**
 * dw[o, i, ky, kx] = Σ_{r, y, x} dy[r, o, y, x]·x[r, i, y + ky - p, x + kx - p] and
 * db[o] = Σ dy[r, o, ·], for the output channels o in [start, end).
 */
export function conv2dWeightGrad(x: usize, dy: usize, dw: usize, db: usize, rows: i32, inChannels: i32, outChannels: i32, height: i32, width: i32, kernel: i32, start: i32, end: i32): void {
  const plane = height * width;
  const planeBytes = (<usize>plane) << 2;
  const rowBytes = (<usize>width) << 2;
  const kernelSize = kernel * kernel;
  const pad = (kernel - 1) >> 1;
  for (let o = start; o < end; o++) {
    let biasSum: f64 = 0;
    for (let r = 0; r < rows; r++) {
      const outPlane = dy + (<usize>(r * outChannels + o)) * planeBytes;
      for (let p = 0; p < plane; p++) biasSum += <f64>load<f32>(outPlane + ((<usize>p) << 2));
    }
    store<f32>(db + ((<usize>o) << 2), <f32>biasSum);
    for (let i = 0; i < inChannels; i++) {
      for (let ky = 0; ky < kernel; ky++) {
        for (let kx = 0; kx < kernel; kx++) {
          const sy = ky - pad;
          const sx = kx - pad;
          const y0 = max(0, -sy);
          const y1 = min(height, height - sy);
          const x0 = max(0, -sx);
          const x1 = min(width, width - sx);
          const shift = (<isize>(sy * width + sx)) << 2;
          let sum: f64 = 0;
          for (let r = 0; r < rows; r++) {
            const outPlane = dy + (<usize>(r * outChannels + o)) * planeBytes;
            const inPlane = <usize>(<isize>(x + (<usize>(r * inChannels + i)) * planeBytes) + shift);
            for (let y = y0; y < y1; y++) {
              const row = (<usize>y) * rowBytes;
              sum += dotRow(outPlane + row, inPlane + row, x0, x1);
            }
          }
          store<f32>(dw + ((<usize>((o * inChannels + i) * kernelSize + ky * kernel + kx)) << 2), <f32>sum);
        }
      }
    }
  }
}
