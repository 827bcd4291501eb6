// maxPool and maxPoolBackward in WebAssembly: the reference's comparisons (cpu.ts) in the same
// order (the first maximum of (0,0), (0,1), (1,0), (1,1)), so they agree with it bit for bit.
// The forward takes four windows at a time in SIMD: f32x4.pmax(best, next) is `best < next ?
// next : best`, the reference's `if (next > best) best = next` lane by lane (so -0 against 0
// and NaN keep what the reference keeps). The backward routes each dy to its window's argmax,
// one window at a time.

/** Byte pointer of the first maximum of the 2×2 window whose top-left element is at `top`. */
@inline
function windowArgmax(top: usize, rowBytes: usize): usize {
  let best = top;
  if (load<f32>(top + 4) > load<f32>(best)) best = top + 4;
  if (load<f32>(top + rowBytes) > load<f32>(best)) best = top + rowBytes;
  if (load<f32>(top + rowBytes + 4) > load<f32>(best)) best = top + rowBytes + 4;
  return best;
}

/** The maxima of the four 2×2 windows whose top-left elements are at `top`, `top` + 8, + 16 and + 24. */
@inline
function fourWindowsMax(top: usize, rowBytes: usize): v128 {
  const upperLeft = v128.load(top);
  const upperRight = v128.load(top, 16);
  const lowerLeft = v128.load(top + rowBytes);
  const lowerRight = v128.load(top + rowBytes, 16);
  let best = v128.shuffle<f32>(upperLeft, upperRight, 0, 2, 4, 6);
  best = f32x4.pmax(best, v128.shuffle<f32>(upperLeft, upperRight, 1, 3, 5, 7));
  best = f32x4.pmax(best, v128.shuffle<f32>(lowerLeft, lowerRight, 0, 2, 4, 6));
  return f32x4.pmax(best, v128.shuffle<f32>(lowerLeft, lowerRight, 1, 3, 5, 7));
}

export function maxPool(x: usize, out: usize, planes: i32, height: i32, width: i32): void {
  const outHeight = height >> 1;
  const outWidth = width >> 1;
  const rowBytes = (<usize>width) << 2;
  let o = out;
  for (let plane = 0; plane < planes; plane++) {
    const base = x + ((<usize>(plane * height * width)) << 2);
    for (let py = 0; py < outHeight; py++) {
      let top = base + (<usize>(2 * py)) * rowBytes;
      let px = 0;
      for (; px + 4 <= outWidth; px += 4) {
        v128.store(o, fourWindowsMax(top, rowBytes));
        o += 16;
        top += 32;
      }
      for (; px < outWidth; px++) {
        store<f32>(o, load<f32>(windowArgmax(top, rowBytes)));
        o += 4;
        top += 8;
      }
    }
  }
}

export function maxPoolBackward(x: usize, dy: usize, dx: usize, planes: i32, height: i32, width: i32): void {
  const outHeight = height >> 1;
  const outWidth = width >> 1;
  const rowBytes = (<usize>width) << 2;
  memory.fill(dx, 0, (<usize>(planes * height * width)) << 2);
  let d = dy;
  for (let plane = 0; plane < planes; plane++) {
    const offset = (<usize>(plane * height * width)) << 2;
    for (let py = 0; py < outHeight; py++) {
      let top = x + offset + (<usize>(2 * py)) * rowBytes;
      for (let px = 0; px < outWidth; px++) {
        store<f32>(dx + (windowArgmax(top, rowBytes) - x), load<f32>(d));
        d += 4;
        top += 8;
      }
    }
  }
}
