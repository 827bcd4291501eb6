// conv2dWeightGrad for a software adapter: the same dw and db as conv2dWeightGrad.wgsl, one
// invocation per gradient, summing its rows·height·width products serially in one register,
// in the order (row, y, x): deterministic, no workgroup memory and no barriers (SwiftShader
// runs a workgroup that meets a barrier as coroutines, one per SIMD group, switched at each
// barrier: slower than the whole serial sum).
//
// Invocation g is output channel o = g % outChannels of tap rest = g / outChannels, where
// rest = i·kernel² + ky·kernel + kx for a weight, inChannels·kernel² for db[o]: the four
// lanes of a SIMD group share the tap, so they walk the same window of x (one load each,
// broadcast) and loop alike. The window is clipped to the image before the loops, so the
// inner loop reads dy and x with no test per product. Workgroups along z walk the models
// (models.wgsl); dbInDw and dbAt as in conv2dWeightGrad.wgsl.
//
// Bindings (group 0):
//   0 params  uniform              Params
//   1 x       storage, read        array<f32>  rows×inChannels×height×width
//   2 dy      storage, read        array<f32>  rows×outChannels×height×width
//   3 dw      storage, read_write  array<f32>  [outChannels, inChannels, kernel, kernel]
//   4 db      storage, read_write  array<f32>  outChannels (unused when dbInDw = 1)

struct Params {
  models: u32,
  rows: u32,
  inChannels: u32,
  outChannels: u32,
  height: u32,
  width: u32,
  kernel: u32,
  xModel: u32,
  dyModel: u32,
  dwModel: u32,
  dbModel: u32,
  dbInDw: u32,
  dbAt: u32,
}

override WG: u32 = 64;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read_write> dw: array<f32>;
@group(0) @binding(4) var<storage, read_write> db: array<f32>;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let outChannels = max(params.outChannels, 1u);
  let k = max(params.kernel, 1u);
  let taps = k * k;
  let o = gid.x % outChannels;
  let rest = gid.x / outChannels;
  let isBias = rest == params.inChannels * taps;
  if (rest > params.inChannels * taps) { return; }
  let i = rest / taps;
  let tap = rest % taps;
  let pad = k / 2u;
  let ky = tap / k;
  let kx = tap % k;
  let height = params.height;
  let width = params.width;
  let plane = height * width;
  // Output pixels (y, x) whose tap (ky, kx) lies in the image: y + ky - pad in [0, height).
  var y0 = 0u;
  var y1 = height;
  var x0 = 0u;
  var x1 = width;
  if (!isBias) {
    y0 = min(pad - min(ky, pad), height);
    y1 = max(min(height, height + pad - ky), y0);
    x0 = min(pad - min(kx, pad), width);
    x1 = max(min(width, width + pad - kx), x0);
  }
  // x's index for output pixel (y, x) of plane 0 is this shift plus y·width + x (wrapping where negative, as u32 arithmetic does).
  let shift = (ky - pad) * width + (kx - pad);
  for (var model = gid.z; model < params.models; model += groups.z) {
    // Where this model starts in each binding (models.wgsl).
    let xBase = model * params.xModel;
    let dyBase = model * params.dyModel;
    let dwBase = model * params.dwModel;
    let dbBase = model * params.dbModel;
    var sum = 0.0;
    let fits = params.rows * params.outChannels * plane <= room(arrayLength(&dy), dyBase) && (isBias || params.rows * params.inChannels * plane <= room(arrayLength(&x), xBase));
    if (fits) {
      for (var r = 0u; r < params.rows; r++) {
        let dyPlane = dyBase + (r * params.outChannels + o) * plane;
        let xPlane = xBase + (r * params.inChannels + i) * plane + shift;
        for (var y = y0; y < y1; y++) {
          let dyRow = dyPlane + y * width;
          if (isBias) {
            for (var px = x0; px < x1; px++) { sum += dy[dyRow + px]; }
            continue;
          }
          let xRow = xPlane + y * width;
          for (var px = x0; px < x1; px++) { sum = fma(dy[dyRow + px], x[xRow + px], sum); }
        }
      }
    }
    let index = (o * params.inChannels + i) * taps + tap;
    if (isBias && params.dbInDw == 1u && params.dbAt + o < room(arrayLength(&dw), dwBase)) { dw[dwBase + params.dbAt + o] = sum; }
    if (isBias && params.dbInDw == 0u && o < room(arrayLength(&db), dbBase)) { db[dbBase + o] = sum; }
    if (!isBias && index < room(arrayLength(&dw), dwBase)) { dw[dwBase + index] = sum; }
  }
}
