// maxPool and maxPoolBackward in WebAssembly: the reference's loops (cpu.ts), the same
// comparisons in the same order (the first maximum of (0,0), (0,1), (1,0), (1,1)), so they
// agree with it bit for bit. Comparisons, not arithmetic: no SIMD gain worth a different pick.

/** Byte pointer of the first maximum of the 2×2 window whose top-left element is at `top`. */
@inline
function windowArgmax(top: usize, rowBytes: usize): usize {
  let best = top;
  if (load<f32>(top + 4) > load<f32>(best)) best = top + 4;
  if (load<f32>(top + rowBytes) > load<f32>(best)) best = top + rowBytes;
  if (load<f32>(top + rowBytes + 4) > load<f32>(best)) best = top + rowBytes + 4;
  return best;
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
      for (let px = 0; px < outWidth; px++) {
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
