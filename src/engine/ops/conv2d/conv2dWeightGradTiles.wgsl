// conv2dWeightGradTiles: conv2dWeightGrad.wgsl's dw and db for a software adapter, with the
// kernel's taps unrolled for one kernel side K: conv2dTiles.ts writes the lines marked $ for
// that K (see conv2dTiles.wgsl on what SwiftShader pays for). Workgroup g computes the
// gradients of CHANNELS (4) output channels o0 = 4·(g % blocks) … o0 + 3 and input channel
// i = g / blocks: 4·K² weights and (used by the workgroups of i = 0) 4 biases, held in registers. Its WG
// invocations split the images: invocation s takes images s, s + WG, s + 2·WG, …, and walks
// each image's rows pixel by pixel with the K × K window of x under the pixel in registers,
// sliding it one column per pixel (K loads) beside the 4 dy values (4 loads), for 4·K²
// multiply-adds. Then every invocation leaves its partial sums in workgroup memory and, after
// the one barrier, each gradient is the sum of its WG partial sums in invocation order: the
// order (image, y, x) within an invocation, then invocations ascending: deterministic.
// Workgroups along z walk the models (models.wgsl); dbInDw and dbAt as in conv2dWeightGrad.wgsl.
//
// Bindings (group 0): as conv2dWeightGrad.wgsl.
//   0 params  uniform              Params
//   1 x       storage, read        array<f32>  rows×inChannels×height×width
//   2 dy      storage, read        array<f32>  rows×outChannels×height×width
//   3 dw      storage, read_write  array<f32>  [outChannels, inChannels, K, K]
//   4 db      storage, read_write  array<f32>  outChannels (unused when dbInDw = 1)

struct Params {
  models: u32,
  rows: u32,
  inChannels: u32,
  outChannels: u32,
  height: u32,
  width: u32,
  xModel: u32,
  dyModel: u32,
  dwModel: u32,
  dbModel: u32,
  dbInDw: u32,
  dbAt: u32,
}

override WG: u32 = 16;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read_write> dw: array<f32>;
@group(0) @binding(4) var<storage, read_write> db: array<f32>;

// partial[s * SUMS + e]: invocation s's partial sum of gradient e (weights (o, ky, kx) in order, then the 4 biases).
var<workgroup> partial: array<f32, WG * SUMS>;

var<private> xBase: u32;
var<private> dyBase: u32;

// x at `index` (within the model's slice), 0 where the tap lies outside the image.
fn source(inside: bool, index: i32) -> f32 {
  return select(0.0, x[xBase + u32(select(0, index, inside))], inside);
}

// dy at `at` + o·height·width: image r's output channel o at a pixel, 0 past the last channel.
fn upstream(o: u32, at: u32) -> f32 {
  let live = o < params.outChannels;
  return select(0.0, dy[dyBase + select(0u, at + o * params.height * params.width, live)], live);
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32, @builtin(num_workgroups) groups: vec3u) {
  let blocks = (params.outChannels + CHANNELS - 1u) / CHANNELS;
  let o0 = (wid.x % blocks) * CHANNELS;
  let i = wid.x / blocks;
  let width = i32(params.width);
  let height = i32(params.height);
  let plane = params.height * params.width;
  for (var model = wid.z; model < params.models; model += groups.z) {
    // Where this model starts in each binding (models.wgsl).
    xBase = model * params.xModel;
    dyBase = model * params.dyModel;
    let dwBase = model * params.dwModel;
    let dbBase = model * params.dbModel;
    // The host checks every size; a binding too short for it leaves the gradients unwritten.
    let fits = params.rows * params.inChannels * plane <= room(arrayLength(&x), xBase)
      && params.rows * params.outChannels * plane <= room(arrayLength(&dy), dyBase);
$ZERO
    for (var r = lid; r < params.rows && fits; r += WG) {
      let xPlane = i32((r * params.inChannels + i) * plane);
      let dyPlane = r * params.outChannels * plane;
      for (var y = 0; y < height; y++) {
$ROWS
        for (var px = 0; px < width; px++) {
          let at = dyPlane + u32(y * width + px);
$SLIDE
$PRODUCTS
        }
      }
    }
$PARTIALS
    workgroupBarrier();
    for (var e = lid; e < SUMS; e += WG) {
      var total = 0.0;
      for (var s = 0u; s < WG; s++) { total += partial[s * SUMS + e]; }
      let o = o0 + select(e / (K * K), e - CHANNELS * K * K, e >= CHANNELS * K * K);
      if (!fits || o >= params.outChannels) { continue; }
      let index = (o * params.inChannels + i) * K * K + e % (K * K);
      if (e < CHANNELS * K * K && index < room(arrayLength(&dw), dwBase)) { dw[dwBase + index] = total; }
      if (e >= CHANNELS * K * K && i == 0u && params.dbInDw == 1u && params.dbAt + o < room(arrayLength(&dw), dwBase)) { dw[dwBase + params.dbAt + o] = total; }
      if (e >= CHANNELS * K * K && i == 0u && params.dbInDw == 0u && o < room(arrayLength(&db), dbBase)) { db[dbBase + o] = total; }
    }
    // The next model's partial sums overwrite these only after every total is read.
    workgroupBarrier();
  }
}
