// conv2dTiles: conv2d.wgsl's two ops (forward with its bias and activation, and the input
// gradient) for a software adapter, with the kernel's taps unrolled for one kernel side K:
// conv2dTiles.ts writes the lines marked $ for that K. SwiftShader runs four invocations
// side by side in SIMD lanes and pays for every load from a buffer or from workgroup memory
// lane by lane, while arithmetic on registers is cheap: so each invocation keeps a tile of
// outputs in registers, 4 output channels × 4 pixels of one image row, and per source channel
// loads the 4·K² weights once and the K × (4 + K - 1) source pixels under the tile once, for
// 16·K² multiply-adds (a quarter of a load per product at K = 3, against more than one when
// each invocation computes one pixel). No workgroup memory and no barriers (a workgroup that
// meets a barrier runs as coroutines on SwiftShader). Each output sums its taps in the order
// (source channel, ky, kx) of the gather: deterministic.
//
// Invocation g is the tile at column strip g % strips, row y, channel block and image r
// (the fastest first), so the four lanes of a SIMD group share the weights' addresses.
// The input gradient gathers the mirrored taps, as conv2d.wgsl: weight (source channel o,
// output channel i, tap (ky, kx)) is w[o, i, K-1-ky, K-1-kx], with the forward's offsets.
// Workgroups along z walk the models (models.wgsl).
//
// Bindings (group 0): as conv2d.wgsl.
//   0 params  uniform              Params
//   1 src     storage, read        array<f32>  rows×srcChannels×height×width
//   2 w       storage, read        array<f32>  [outChannels, inChannels, K, K]
//   3 bias    storage, read        array<f32>  dstChannels, read only when hasBias = 1
//   4 out     storage, read_write  array<f32>  rows×dstChannels×height×width

struct Params {
  models: u32,
  rows: u32,
  srcChannels: u32,
  dstChannels: u32,
  height: u32,
  width: u32,
  hasBias: u32,
  srcModel: u32,
  wModel: u32,
  biasModel: u32,
  outModel: u32,
}

override INPUT_GRADIENT: bool = false;
// The activation by ACTIVATION_CODE, a constant of the pipeline: SwiftShader would otherwise
// run every case of activation()'s switch for every output.
override ACTIVATION: u32 = 0;
override WG: u32 = 64;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;

// Where the model being computed starts in each binding (models.wgsl).
var<private> srcBase: u32;
var<private> wBase: u32;
var<private> biasBase: u32;
var<private> outBase: u32;

// The weight from source channel c to output channel d at tap (a, b) of the gather, 0 past the last channel.
fn weight(c: u32, d: u32, a: u32, b: u32) -> f32 {
  var index = ((d * params.srcChannels + c) * K + a) * K + b;
  if (INPUT_GRADIENT) { index = ((c * params.dstChannels + d) * K + (K - 1u - a)) * K + (K - 1u - b); }
  let live = d < params.dstChannels;
  return select(0.0, w[wBase + select(0u, index, live)], live);
}

// src at `index` (within the model's slice), 0 where the tap lies outside the image.
fn source(inside: bool, index: i32) -> f32 {
  return select(0.0, src[srcBase + u32(select(0, index, inside))], inside);
}

fn store(r: u32, d: u32, y: u32, x: u32, value: f32) {
  if (d >= params.dstChannels || x >= params.width) { return; }
  var result = value;
  if (params.hasBias == 1u) { result = activation(ACTIVATION, value + bias[biasBase + d]); }
  out[outBase + ((r * params.dstChannels + d) * params.height + y) * params.width + x] = result;
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let width = i32(params.width);
  let height = i32(params.height);
  let strips = (params.width + 3u) / 4u;
  let blocks = (params.dstChannels + 3u) / 4u;
  let strip = gid.x % strips;
  let y = (gid.x / strips) % params.height;
  let block = (gid.x / strips / params.height) % blocks;
  let r = gid.x / strips / params.height / blocks;
  if (r >= params.rows) { return; }
  let x0 = i32(strip * 4u) - PAD;
  let d0 = block * 4u;
  let plane = params.height * params.width;
  // Which columns x0 + j of the tile's window lie in the image.
$COLUMNS
  for (var model = gid.z; model < params.models; model += groups.z) {
    srcBase = model * params.srcModel;
    wBase = model * params.wModel;
    biasBase = model * params.biasModel;
    outBase = model * params.outModel;
    // The host checks every size; a binding too short for it leaves the outputs unwritten.
    let fits = params.rows * params.srcChannels * plane <= room(arrayLength(&src), srcBase)
      && params.srcChannels * params.dstChannels * K * K <= room(arrayLength(&w), wBase)
      && params.rows * params.dstChannels * plane <= room(arrayLength(&out), outBase)
      && (params.hasBias == 0u || params.dstChannels <= room(arrayLength(&bias), biasBase));
    if (!fits) { continue; }
$ZERO
    for (var c = 0u; c < params.srcChannels; c++) {
      let srcPlane = i32((r * params.srcChannels + c) * plane);
$WEIGHTS
$TAPS
    }
$STORES
  }
}
