// conv2dTiles: conv2d.wgsl's two ops (forward with its bias and activation, and the input
// gradient) for a software adapter, with the kernel's taps unrolled for one kernel side K
// and tile width PIXELS: conv2dTiles.ts writes the lines marked $. SwiftShader runs four
// invocations side by side in SIMD lanes and pays for every load from a buffer or from
// workgroup memory lane by lane, at a cost far above arithmetic on registers: so each
// invocation keeps a tile of outputs in registers, CHANNELS (8) output channels × PIXELS
// (14, or 7 for narrow images) pixels of one image row, and per source channel loads the
// 8·K² weights once and the K × (PIXELS + K - 1) source pixels under the tile once, for
// 8·PIXELS·K² multiply-adds: at K = 3 and 14 pixels, 120 loads for 1,008 products, against
// more than one load per product when each invocation computes one pixel. No workgroup
// memory and no barriers (a workgroup that meets a barrier runs as coroutines on
// SwiftShader). Each output sums its taps in the order (source channel, ky, kx) of the
// gather: deterministic.
//
// Invocation g is the tile at column strip g % strips, row y, channel block and image r
// (the fastest first), so the four lanes of a SIMD group share the weights' addresses.
// The input gradient gathers the mirrored taps, as conv2d.wgsl: weight (source channel o,
// output channel i, tap (ky, kx)) is w[o, i, K-1-ky, K-1-kx], with the forward's offsets.
// The activation and whether there is a bias are constants of the pipeline (SwiftShader
// would run every case of activation()'s switch for every output). Workgroups along z walk
// the models (models.wgsl).
//
// Bindings (group 0): as conv2d.wgsl.
//   0 params  uniform              Params
//   1 src     storage, read        array<f32>  rows×srcChannels×height×width
//   2 w       storage, read        array<f32>  [outChannels, inChannels, K, K]
//   3 bias    storage, read        array<f32>  dstChannels, read only when HAS_BIAS
//   4 out     storage, read_write  array<f32>  rows×dstChannels×height×width

struct Params {
  models: u32,
  rows: u32,
  srcChannels: u32,
  dstChannels: u32,
  height: u32,
  width: u32,
  srcModel: u32,
  wModel: u32,
  biasModel: u32,
  outModel: u32,
}

override INPUT_GRADIENT: bool = false;
override HAS_BIAS: bool = false;
// ACTIVATION_CODE's activation of the forward (0, linear, for the input gradient).
override ACTIVATION: u32 = 0;
override WG: u32 = 64;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;

// Where the model being computed starts in src (models.wgsl).
var<private> srcBase: u32;

// src at `index` (within the model's slice), 0 where the tap lies outside the image.
fn source(inside: bool, index: i32) -> f32 {
  return select(0.0, src[srcBase + u32(select(0, index, inside))], inside);
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let width = i32(params.width);
  let height = i32(params.height);
  let strips = (params.width + PIXELS - 1u) / PIXELS;
  let blocks = (params.dstChannels + CHANNELS - 1u) / CHANNELS;
  let strip = gid.x % strips;
  let y = (gid.x / strips) % params.height;
  let block = (gid.x / strips / params.height) % blocks;
  let r = gid.x / strips / params.height / blocks;
  if (r >= params.rows) { return; }
  // The tile's window starts at column x0 (its first pixel's leftmost tap) and channel d0.
  let x0 = i32(strip * PIXELS) - PAD;
  let d0 = block * CHANNELS;
  let plane = params.height * params.width;
  // Weight (c, d0 + o, tap t) lies at wc + o·oStride ± t (wc per source channel c, the
  // mirrored taps counted down from the last).
  var oStride = params.srcChannels * K * K;
  if (INPUT_GRADIENT) { oStride = K * K; }
  // Which columns x0 + j of the window lie in the image, and which output channels exist.
$COLUMNS
$LIVE
  for (var model = gid.z; model < params.models; model += groups.z) {
    srcBase = model * params.srcModel;
    let wBase = model * params.wModel;
    let biasBase = model * params.biasModel;
    let outBase = model * params.outModel;
    // The host checks every size; a binding too short for it leaves the outputs unwritten.
    let fits = params.rows * params.srcChannels * plane <= room(arrayLength(&src), srcBase)
      && params.srcChannels * params.dstChannels * K * K <= room(arrayLength(&w), wBase)
      && params.rows * params.dstChannels * plane <= room(arrayLength(&out), outBase)
      && (!HAS_BIAS || params.dstChannels <= room(arrayLength(&bias), biasBase));
    if (!fits) { continue; }
$ZERO
    for (var c = 0u; c < params.srcChannels; c++) {
      let srcPlane = i32((r * params.srcChannels + c) * plane);
      var wc = wBase + d0 * oStride + c * K * K;
      if (INPUT_GRADIENT) { wc = wBase + (c * params.dstChannels + d0) * K * K + K * K - 1u; }
$WEIGHTS
$TAPS
    }
    let outAt = outBase + ((r * params.dstChannels + d0) * params.height + y) * params.width + u32(x0 + PAD);
$STORES
  }
}
