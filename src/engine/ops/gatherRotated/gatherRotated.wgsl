// gatherRotated: out[r, c, y, x] = src[index[indexOffset + r], c, sy, sx] for square image rows
// of channels×side×side, each turned by q quarter turns anticlockwise: (sy, sx) is (y, x) for
// q = 0, (x, S-1-y) for 1, (S-1-y, S-1-x) for 2 and (S-1-x, y) for 3; targets[r] = one-hot(q)
// over 4 classes. Row r's q is the low two bits of the hash of element model·rows + r of the
// stream (keyA, keyB), as rotation.ts draws it. A row index outside src (or an index position
// outside `index`) writes zeros and counts into errors[0], as gather does; its target is written.
//
// Bindings (group 0):
//   0 params   uniform              Params
//   1 index    storage, read        array<i32>
//   2 src      storage, read        array<f32>, or array<u32> of packed image bytes (pixelSource.ts)
//   3 out      storage, read_write  array<f32>
//   4 targets  storage, read_write  array<f32>  rows×4
//   5 errors   storage, read_write  array<atomic<u32>>

struct Params {
  models: u32,
  indexOffset: u32,
  rows: u32,
  channels: u32,
  side: u32,
  keyA: u32,
  keyB: u32,
  srcModel: u32,
  outModel: u32,
  targetsModel: u32,
  // Bytes in a byte source (its binding is padded to whole words).
  srcBytes: u32,
}

const ROTATIONS = 4u;

// A workgroup of WG invocations takes one output row (an image) at a time, its pixels side by side.
override WG: u32 = 64;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> index: array<i32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
@group(0) @binding(4) var<storage, read_write> targets: array<f32>;
@group(0) @binding(5) var<storage, read_write> errors: array<atomic<u32>>;

// The source pixel (sy, sx) that pixel (y, x) of an image turned by `turns` quarter turns shows.
fn turnedFrom(y: u32, x: u32, turns: u32, last: u32) -> vec2u {
  switch turns {
    case 1u: { return vec2u(x, last - y); }
    case 2u: { return vec2u(last - y, last - x); }
    case 3u: { return vec2u(last - x, y); }
    default: { return vec2u(y, x); }
  }
}

@compute @workgroup_size(WG)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let side = params.side;
  let plane = side * side;
  let dim = params.channels * plane;
  let last = side - 1u;
  for (var model = wid.z; model < params.models; model += groups.z) {
    let srcBase = model * params.srcModel;
    let outBase = model * params.outModel;
    let targetsBase = model * params.targetsModel;
    for (var r = wid.x; r < params.rows; r += groups.x) {
      let turns = streamHash(params.keyA, params.keyB, model * params.rows + r) & 3u;
      if ((r + 1u) * ROTATIONS <= room(arrayLength(&targets), targetsBase)) {
        for (var q = lid.x; q < ROTATIONS; q += WG) {
          targets[targetsBase + r * ROTATIONS + q] = select(0.0, 1.0, q == turns);
        }
      }
      if ((r + 1u) * dim > room(arrayLength(&out), outBase)) { continue; }
      let row = sourceRow(r, room(srcLength(), srcBase) / dim, lid.x + model);
      for (var e = lid.x; e < dim; e += WG) {
        let c = e / plane;
        let p = e - c * plane;
        let y = p / side;
        let pixel = turnedFrom(y, p - y * side, turns, last);
        var value = 0.0;
        if (row >= 0) {
          value = srcValue(srcBase + u32(row) * dim + c * plane + pixel.x * side + pixel.y);
        }
        out[outBase + r * dim + e] = value;
      }
    }
  }
}
