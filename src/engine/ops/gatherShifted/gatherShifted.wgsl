// gatherShifted: out[r, c, y, x] = src[index[indexOffset + r], c, y - dy, x - dx] for image
// rows of channels×height×width, 0 where (y - dy, x - dx) lies outside the image; row r's
// shift comes from the hash of element model·rows + r of the stream (keyA, keyB), as
// shift.ts draws it: dx = (h & 0xffff) % span - maxShift, dy = (h >> 16) % span
// - maxShift, span = 2·maxShift + 1. A row index outside src (or an index position outside
// `index`) writes zeros and counts into errors[0], as gather does.
//
// Bindings (group 0):
//   0 params  uniform              Params
//   1 index   storage, read        array<i32>
//   2 src     storage, read        array<f32>, or array<u32> of packed image bytes (pixelSource.ts)
//   3 out     storage, read_write  array<f32>
//   4 errors  storage, read_write  array<atomic<u32>>

struct Params {
  models: u32,
  indexOffset: u32,
  rows: u32,
  channels: u32,
  height: u32,
  width: u32,
  maxShift: u32,
  keyA: u32,
  keyB: u32,
  srcModel: u32,
  outModel: u32,
  // Bytes in a byte source (its binding is padded to whole words).
  srcBytes: u32,
}

// A workgroup of WG invocations takes one output row (an image) at a time, its pixels side by side.
override WG: u32 = 64;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> index: array<i32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
@group(0) @binding(4) var<storage, read_write> errors: array<atomic<u32>>;

@compute @workgroup_size(WG)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let plane = params.height * params.width;
  let dim = params.channels * plane;
  let span = 2u * params.maxShift + 1u;
  let shiftMax = i32(params.maxShift);
  for (var model = wid.z; model < params.models; model += groups.z) {
    let srcBase = model * params.srcModel;
    let outBase = model * params.outModel;
    for (var r = wid.x; r < params.rows; r += groups.x) {
      if ((r + 1u) * dim > room(arrayLength(&out), outBase)) { continue; }
      let row = sourceRow(r, room(srcLength(), srcBase) / dim, lid.x + model);
      let hash = streamHash(params.keyA, params.keyB, model * params.rows + r);
      let dx = i32((hash & 0xffffu) % span) - shiftMax;
      let dy = i32((hash >> 16u) % span) - shiftMax;
      for (var e = lid.x; e < dim; e += WG) {
        let c = e / plane;
        let p = e - c * plane;
        let sy = i32(p / params.width) - dy;
        let sx = i32(p % params.width) - dx;
        var value = 0.0;
        if (row >= 0 && sy >= 0 && sy < i32(params.height) && sx >= 0 && sx < i32(params.width)) {
          value = srcValue(srcBase + u32(row) * dim + c * plane + u32(sy) * params.width + u32(sx));
        }
        out[outBase + r * dim + e] = value;
      }
    }
  }
}
