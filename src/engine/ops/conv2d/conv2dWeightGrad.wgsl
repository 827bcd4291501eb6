// conv2dWeightGrad: dw[o, i, ky, kx] = Σ_{r, y, x} dy[r, o, y, x]·x[r, i, y + ky - p, x + kx - p]
// (0 outside the image) and db[o] = Σ_{r, y, x} dy[r, o, y, x]: the implicit GEMM
// dW (outChannels × inChannels·kernel²) = dYᵀ · A, where A's row per pixel (the taps around
// it) is gathered from x on the fly and the long K axis (rows·height·width pixels) is split
// across a workgroup, not across workgroups, so no float atomics and no scratch buffer.
//
// Workgroup (i, o) computes the kernel² weights of output channel o and input channel i;
// workgroup (inChannels, o) computes db[o] (one "tap" that reads 1 for x). Its invocations
// form `lanes` lanes per tap: invocation t sums tap t / lanes over the pixels of every
// image at positions ≡ t mod lanes, in one register; then the tap's first invocation adds its lanes'
// partial sums in lane order: deterministic. Workgroups along z walk the models
// (models.wgsl). With dbInDw = 1, db is not bound apart but lies dbAt elements into dw's
// binding: stacked, a layer's two gradients (views of one buffer) would otherwise bind as
// overlapping writable ranges (webgpu/context.ts sharedWindow).
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
  // Invocations per tap of a weight workgroup: ⌊INVOCATIONS / kernel²⌋ (a bias workgroup uses all).
  lanes: u32,
  xModel: u32,
  dyModel: u32,
  dwModel: u32,
  dbModel: u32,
  dbInDw: u32,
  dbAt: u32,
}

override INVOCATIONS: u32 = 256;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read_write> dw: array<f32>;
@group(0) @binding(4) var<storage, read_write> db: array<f32>;

var<workgroup> partial: array<f32, INVOCATIONS>;

@compute @workgroup_size(INVOCATIONS)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32, @builtin(num_workgroups) groups: vec3u) {
  let i = wid.x;
  let o = wid.y;
  let isBias = i == params.inChannels;
  let k = params.kernel;
  let taps = select(k * k, 1u, isBias);
  let lanes = select(max(params.lanes, 1u), INVOCATIONS, isBias);
  let tap = lid / lanes;
  let pad = i32(k / 2u);
  let ky = i32(tap / max(k, 1u)) - pad;
  let kx = i32(tap % max(k, 1u)) - pad;
  let plane = params.height * params.width;
  let height = i32(params.height);
  let width = i32(params.width);
  for (var model = wid.z; model < params.models; model += groups.z) {
    // Where this model starts in each binding (models.wgsl).
    let xBase = model * params.xModel;
    let dyBase = model * params.dyModel;
    let dwBase = model * params.dwModel;
    let dbBase = model * params.dbModel;
    var sum = 0.0;
    if (tap < taps) {
      for (var r = 0u; r < params.rows; r++) {
        let dyPlane = (r * params.outChannels + o) * plane;
        let xPlane = (r * params.inChannels + i) * plane;
        for (var pixel = lid % lanes; pixel < plane; pixel += lanes) {
          let dyIndex = dyPlane + pixel;
          if (dyIndex >= room(arrayLength(&dy), dyBase)) { break; }
          if (isBias) {
            sum += dy[dyBase + dyIndex];
            continue;
          }
          let sy = i32(pixel / params.width) + ky;
          let sx = i32(pixel % params.width) + kx;
          if (sy < 0 || sx < 0 || sy >= height || sx >= width) { continue; }
          let xIndex = xPlane + u32(sy) * params.width + u32(sx);
          if (xIndex < room(arrayLength(&x), xBase)) { sum = fma(dy[dyBase + dyIndex], x[xBase + xIndex], sum); }
        }
      }
    }
    partial[lid] = sum;
    workgroupBarrier();
    if (tap < taps && lid % lanes == 0u) {
      var total = 0.0;
      for (var lane = 0u; lane < lanes; lane++) { total += partial[lid + lane]; }
      let index = (o * params.inChannels + i) * k * k + tap;
      if (isBias && params.dbInDw == 1u && params.dbAt + o < room(arrayLength(&dw), dwBase)) { dw[dwBase + params.dbAt + o] = total; }
      if (isBias && params.dbInDw == 0u && o < room(arrayLength(&db), dbBase)) { db[dbBase + o] = total; }
      if (!isBias && index < room(arrayLength(&dw), dwBase)) { dw[dwBase + index] = total; }
    }
    // The next model's partial sums overwrite these only after every total is read.
    workgroupBarrier();
  }
}
