// conv2d: the convolution of `rows` NCHW images as an implicit GEMM, no im2col buffer:
// out (M = rows·height·width pixels × N channels) = A (M × K) · W (K × N), where row q of A,
// the K = srcChannels·kernel² taps of pixel q, is gathered from src on the fly (zero outside
// the image: 'same' padding, stride 1). One entry point serves two ops:
//   forward         (INPUT_GRADIENT false) src = x, out[r, o, y, x] = act(b[o] + Σ w[o, c, ky, kx]·
//                   x[r, c, y + ky - p, x + kx - p]);
//   input gradient  (INPUT_GRADIENT true) src = dy, out = dx[r, i, y, x] = Σ_{o, ky, kx}
//                   w[o, i, ky, kx]·dy[r, o, y - ky + p, x - kx + p]: the gather mirrored (tap
//                   offsets subtracted) and w's channel axes swapped (source channel o first).
//
// Workgroups along z walk the models (models.wgsl). A workgroup is 64 invocations, one
// pixel each, and a block of 8 output channels (wid.y), held in two vec4 accumulators. Per
// source channel it stages that channel's kernel² × 8 weights in workgroup memory, read
// back as broadcasts. Each pixel sums its taps in the
// order (channel, ky, kx): deterministic.
//
// Bindings (group 0):
//   0 params  uniform              Params
//   1 src     storage, read        array<f32>  rows×srcChannels×height×width
//   2 w       storage, read        array<f32>  [outChannels, inChannels, kernel, kernel]
//   3 bias    storage, read        array<f32>  dstChannels, read only when hasBias = 1
//   4 out     storage, read_write  array<f32>  rows×dstChannels×height×width

struct Params {
  models: u32,
  rows: u32,
  srcChannels: u32,
  dstChannels: u32,
  height: u32,
  width: u32,
  kernel: u32,
  hasBias: u32,
  activation: u32,
  srcModel: u32,
  wModel: u32,
  biasModel: u32,
  outModel: u32,
}

override INPUT_GRADIENT: bool = false;

const PIXELS = 64u;
const BLOCK = 8u;
// MAX_CONV_KERNEL (src/engine/core/shapes.ts); tileW holds its square of taps for BLOCK channels.
const MAX_KERNEL = 5u;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;

// tileW[tap * BLOCK + j]: the weight of source channel c, tap, and output channel dst0 + j.
var<workgroup> tileW: array<f32, 200>;

// Where the model being computed starts in each binding (models.wgsl).
var<private> srcBase: u32;
var<private> wBase: u32;
var<private> biasBase: u32;
var<private> outBase: u32;

fn activate(z: f32) -> f32 {
  return activation(params.activation, z);
}

// The weight linking source channel c to output channel d at tap (ky, kx) of the gather; 0 past the end.
fn weight(c: u32, d: u32, ky: u32, kx: u32, k: u32) -> f32 {
  var index = ((d * params.srcChannels + c) * k + ky) * k + kx;
  if (INPUT_GRADIENT) { index = ((c * params.dstChannels + d) * k + ky) * k + kx; }
  if (d >= params.dstChannels || index >= room(arrayLength(&w), wBase)) { return 0.0; }
  return w[wBase + index];
}

// src[r, c, y, x], 0 outside the image or the buffer.
fn source(plane: u32, y: i32, x: i32) -> f32 {
  if (y < 0 || x < 0 || y >= i32(params.height) || x >= i32(params.width)) { return 0.0; }
  let index = (plane * params.height + u32(y)) * params.width + u32(x);
  if (index >= room(arrayLength(&src), srcBase)) { return 0.0; }
  return src[srcBase + index];
}

fn store(r: u32, d: u32, pixel: u32, value: f32) {
  if (d >= params.dstChannels) { return; }
  let index = (r * params.dstChannels + d) * params.height * params.width + pixel;
  if (index >= room(arrayLength(&out), outBase)) { return; }
  var result = value;
  if (params.hasBias == 1u && d < room(arrayLength(&bias), biasBase)) { result = activate(value + bias[biasBase + d]); }
  out[outBase + index] = result;
}

@compute @workgroup_size(PIXELS)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32, @builtin(num_workgroups) groups: vec3u) {
  // The host checks kernel <= MAX_CONV_KERNEL; the clamp keeps tileW's indices in range regardless.
  let k = min(params.kernel, MAX_KERNEL);
  let taps = k * k;
  let plane = params.height * params.width;
  let q = wid.x * PIXELS + lid;
  let live = q < params.rows * plane;
  let r = q / max(plane, 1u);
  let pixel = q % max(plane, 1u);
  let y = i32(pixel / max(params.width, 1u));
  let x = i32(pixel % max(params.width, 1u));
  let pad = i32(k / 2u);
  let dst0 = wid.y * BLOCK;
  for (var model = wid.z; model < params.models; model += groups.z) {
    srcBase = model * params.srcModel;
    wBase = model * params.wModel;
    biasBase = model * params.biasModel;
    outBase = model * params.outModel;
    var acc0 = vec4f(0.0);
    var acc1 = vec4f(0.0);
    for (var c = 0u; c < params.srcChannels; c++) {
      for (var e = lid; e < taps * BLOCK; e += PIXELS) {
        let tap = e / BLOCK;
        tileW[e] = weight(c, dst0 + e % BLOCK, tap / k, tap % k, k);
      }
      workgroupBarrier();
      if (live) {
        let srcPlane = r * params.srcChannels + c;
        var base = 0u;
        for (var ky = 0; ky < i32(k); ky++) {
          for (var kx = 0; kx < i32(k); kx++) {
            var value: f32;
            if (INPUT_GRADIENT) {
              value = source(srcPlane, y - ky + pad, x - kx + pad);
            } else {
              value = source(srcPlane, y + ky - pad, x + kx - pad);
            }
            acc0 = fma(vec4f(value), vec4f(tileW[base], tileW[base + 1u], tileW[base + 2u], tileW[base + 3u]), acc0);
            acc1 = fma(vec4f(value), vec4f(tileW[base + 4u], tileW[base + 5u], tileW[base + 6u], tileW[base + 7u]), acc1);
            base += BLOCK;
          }
        }
      }
      workgroupBarrier();
    }
    if (live) {
      for (var j = 0u; j < 4u; j++) {
        store(r, dst0 + j, pixel, acc0[j]);
        store(r, dst0 + 4u + j, pixel, acc1[j]);
      }
    }
  }
}
