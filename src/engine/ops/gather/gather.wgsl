// gather: out_s[r, c] = src_s[index[indexOffset + r], c] for r < rows, c < dim_s, for up to
// three (src, out, dim) slots sharing one index range, so a batch's features, targets and
// weights arrive in one dispatch. A slot with dim 0 is unused. Slot 0's source is declared by
// a prepended header (pixelSource.ts) with src0Value and src0Length: floats, or image bytes four to a
// word, each read as PIXELS[v] (v / 255 in f32) so pixels stay bytes on the GPU. A row index outside src_s
// (or an index position outside `index`) writes zeros and counts into errors[0], which
// the host reports at its next read.
//
// Bindings (group 0):
//   0 params  uniform              Params
//   1 index   storage, read        array<i32>
//   2 src0    storage, read        array<f32>, or array<u32> of packed bytes (header)
//   3 src1    storage, read        array<f32>
//   4 src2    storage, read        array<f32>
//   5 out0    storage, read_write  array<f32>
//   6 out1    storage, read_write  array<f32>
//   7 out2    storage, read_write  array<f32>
//   8 errors  storage, read_write  array<atomic<u32>>

struct Params {
  models: u32,
  indexOffset: u32,
  rows: u32,
  dim0: u32,
  dim1: u32,
  dim2: u32,
  src0Model: u32,
  src1Model: u32,
  src2Model: u32,
  out0Model: u32,
  out1Model: u32,
  out2Model: u32,
  // Bytes in a byte source (its binding is padded to whole words).
  src0Bytes: u32,
}

// A workgroup is COLS × ROWS invocations: ROWS output rows at a time, COLS of a row's
// columns side by side (64 × 1 for wide rows; 1 × 64 for narrow ones).
override COLS: u32 = 64;
override ROWS: u32 = 1;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> index: array<i32>;
@group(0) @binding(3) var<storage, read> src1: array<f32>;
@group(0) @binding(4) var<storage, read> src2: array<f32>;
@group(0) @binding(5) var<storage, read_write> out0: array<f32>;
@group(0) @binding(6) var<storage, read_write> out1: array<f32>;
@group(0) @binding(7) var<storage, read_write> out2: array<f32>;
@group(0) @binding(8) var<storage, read_write> errors: array<atomic<u32>>;

// Each row of invocations takes an output row (striding past the 65,535-workgroup limit):
// the index is read once per row and slot, and the row's columns are copied by
// neighbouring invocations from neighbouring addresses.
@compute @workgroup_size(COLS, ROWS)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  for (var model = wid.z; model < params.models; model += groups.z) {
    let src0Base = model * params.src0Model;
    let src1Base = model * params.src1Model;
    let src2Base = model * params.src2Model;
    let out0Base = model * params.out0Model;
    let out1Base = model * params.out1Model;
    let out2Base = model * params.out2Model;
    for (var r = wid.y * ROWS + lid.y; r < params.rows; r += groups.y * ROWS) {
      if (params.dim0 > 0u && (r + 1u) * params.dim0 <= room(arrayLength(&out0), out0Base)) {
        let row = sourceRow(r, room(src0Length(), src0Base) / params.dim0, lid.x + model);
        for (var c = lid.x; c < params.dim0; c += COLS) {
          var value = 0.0;
          if (row >= 0) { value = src0Value(src0Base + u32(row) * params.dim0 + c); }
          out0[out0Base + r * params.dim0 + c] = value;
        }
      }
      if (params.dim1 > 0u && (r + 1u) * params.dim1 <= room(arrayLength(&out1), out1Base)) {
        let row = sourceRow(r, room(arrayLength(&src1), src1Base) / params.dim1, lid.x + model);
        for (var c = lid.x; c < params.dim1; c += COLS) {
          var value = 0.0;
          if (row >= 0) { value = src1[src1Base + u32(row) * params.dim1 + c]; }
          out1[out1Base + r * params.dim1 + c] = value;
        }
      }
      if (params.dim2 > 0u && (r + 1u) * params.dim2 <= room(arrayLength(&out2), out2Base)) {
        let row = sourceRow(r, room(arrayLength(&src2), src2Base) / params.dim2, lid.x + model);
        for (var c = lid.x; c < params.dim2; c += COLS) {
          var value = 0.0;
          if (row >= 0) { value = src2[src2Base + u32(row) * params.dim2 + c]; }
          out2[out2Base + r * params.dim2 + c] = value;
        }
      }
    }
  }
}
