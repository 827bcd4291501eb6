// conv2dWeightGrad: dw[o, i, ky, kx] = Σ_{r, y, x} dy[r, o, y, x]·x[r, i, y + ky - p, x + kx - p]
// (0 outside the image) and db[o] = Σ_{r, y, x} dy[r, o, y, x]: the implicit GEMM
// dW (outChannels × inChannels·kernel²) = dYᵀ · A, where A's row per pixel (the taps around
// it) is gathered from x on the fly and the long K axis (rows·height·width pixels) is split
// across a workgroup, not across workgroups, so no float atomics and no scratch buffer.
//
// Workgroup (i, o) computes the kernel² weights of output channel o and input channel i;
// workgroup (inChannels, o) computes db[o]. Its 64 invocations walk the pixels at stride 64,
// each reading dy once and its taps of x, summing kernel² partial sums; a tree reduction in
// workgroup memory, in a fixed order, adds the 64 partials: deterministic.
//
// Bindings (group 0):
//   0 params  uniform              Params
//   1 x       storage, read        array<f32>  rows×inChannels×height×width
//   2 dy      storage, read        array<f32>  rows×outChannels×height×width
//   3 dw      storage, read_write  array<f32>  [outChannels, inChannels, kernel, kernel]
//   4 db      storage, read_write  array<f32>  outChannels

struct Params {
  rows: u32,
  inChannels: u32,
  outChannels: u32,
  height: u32,
  width: u32,
  kernel: u32,
}

const INVOCATIONS = 64u;
// MAX_CONV_KERNEL² (src/engine/backend.ts).
const MAX_TAPS = 25u;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read_write> dw: array<f32>;
@group(0) @binding(4) var<storage, read_write> db: array<f32>;

// partial[tap * INVOCATIONS + invocation].
var<workgroup> partial: array<f32, 1600>;

// x[r, i, y, x], 0 outside the image or the buffer.
fn input(plane: u32, y: i32, px: i32) -> f32 {
  if (y < 0 || px < 0 || y >= i32(params.height) || px >= i32(params.width)) { return 0.0; }
  let index = (plane * params.height + u32(y)) * params.width + u32(px);
  if (index >= arrayLength(&x)) { return 0.0; }
  return x[index];
}

@compute @workgroup_size(INVOCATIONS)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = wid.x;
  let o = wid.y;
  let isBias = i == params.inChannels;
  let k = params.kernel;
  let taps = select(min(k * k, MAX_TAPS), 1u, isBias);
  let pad = i32(k / 2u);
  let plane = params.height * params.width;
  var acc: array<f32, 25>;
  for (var tap = 0u; tap < MAX_TAPS; tap++) { acc[tap] = 0.0; }
  for (var q = lid; q < params.rows * plane; q += INVOCATIONS) {
    let r = q / plane;
    let pixel = q % plane;
    let dyIndex = (r * params.outChannels + o) * plane + pixel;
    if (dyIndex >= arrayLength(&dy)) { break; }
    let g = dy[dyIndex];
    if (isBias) {
      acc[0] += g;
      continue;
    }
    let y = i32(pixel / params.width);
    let px = i32(pixel % params.width);
    let inPlane = r * params.inChannels + i;
    for (var tap = 0u; tap < taps; tap++) {
      acc[tap] = fma(g, input(inPlane, y + i32(tap / k) - pad, px + i32(tap % k) - pad), acc[tap]);
    }
  }
  for (var tap = 0u; tap < taps; tap++) { partial[tap * INVOCATIONS + lid] = acc[tap]; }
  workgroupBarrier();
  for (var stride = INVOCATIONS / 2u; stride > 0u; stride /= 2u) {
    if (lid < stride) {
      for (var tap = 0u; tap < taps; tap++) { partial[tap * INVOCATIONS + lid] += partial[tap * INVOCATIONS + lid + stride]; }
    }
    workgroupBarrier();
  }
  if (lid >= taps) { return; }
  let sum = partial[lid * INVOCATIONS];
  if (isBias) {
    if (o < arrayLength(&db)) { db[o] = sum; }
    return;
  }
  let index = (o * params.inChannels + i) * k * k + lid;
  if (index < arrayLength(&dw)) { dw[index] = sum; }
}
