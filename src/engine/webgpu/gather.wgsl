// gather: out_s[r, c] = src_s[index[indexOffset + r], c] for r < rows, c < dim_s, for up to
// three (src, out, dim) slots sharing one index range, so a batch's features, targets and
// weights arrive in one dispatch. A slot with dim 0 is unused. A row index outside src_s
// (or an index position outside `index`) writes zeros and counts into errors[0], which
// the host reports at its next read.
//
// Bindings (group 0):
//   0 params  uniform              Params
//   1 index   storage, read        array<i32>
//   2 src0    storage, read        array<f32>
//   3 src1    storage, read        array<f32>
//   4 src2    storage, read        array<f32>
//   5 out0    storage, read_write  array<f32>
//   6 out1    storage, read_write  array<f32>
//   7 out2    storage, read_write  array<f32>
//   8 errors  storage, read_write  array<atomic<u32>>

struct Params {
  indexOffset: u32,
  rows: u32,
  dim0: u32,
  dim1: u32,
  dim2: u32,
}

override WG: u32 = 64;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> index: array<i32>;
@group(0) @binding(2) var<storage, read> src0: array<f32>;
@group(0) @binding(3) var<storage, read> src1: array<f32>;
@group(0) @binding(4) var<storage, read> src2: array<f32>;
@group(0) @binding(5) var<storage, read_write> out0: array<f32>;
@group(0) @binding(6) var<storage, read_write> out1: array<f32>;
@group(0) @binding(7) var<storage, read_write> out2: array<f32>;
@group(0) @binding(8) var<storage, read_write> errors: array<atomic<u32>>;

// The source row of output row r, or -1 (counted once per row, at column 0) when out of range.
fn sourceRow(r: u32, c: u32, srcRows: u32) -> i32 {
  let position = params.indexOffset + r;
  if (position < arrayLength(&index)) {
    let row = index[position];
    if (row >= 0 && u32(row) < srcRows) {
      return row;
    }
  }
  if (c == 0u) {
    atomicAdd(&errors[0], 1u);
  }
  return -1;
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let size0 = min(params.rows * params.dim0, arrayLength(&out0));
  let size1 = min(params.rows * params.dim1, arrayLength(&out1));
  let size2 = min(params.rows * params.dim2, arrayLength(&out2));
  for (var e = gid.x; e < size0 + size1 + size2; e += groups.x * WG) {
    var value = 0.0;
    if (e < size0) {
      let c = e % params.dim0;
      let row = sourceRow(e / params.dim0, c, arrayLength(&src0) / params.dim0);
      if (row >= 0) { value = src0[u32(row) * params.dim0 + c]; }
      out0[e] = value;
    } else if (e < size0 + size1) {
      let o = e - size0;
      let c = o % params.dim1;
      let row = sourceRow(o / params.dim1, c, arrayLength(&src1) / params.dim1);
      if (row >= 0) { value = src1[u32(row) * params.dim1 + c]; }
      out1[o] = value;
    } else {
      let o = e - size0 - size1;
      let c = o % params.dim2;
      let row = sourceRow(o / params.dim2, c, arrayLength(&src2) / params.dim2);
      if (row >= 0) { value = src2[u32(row) * params.dim2 + c]; }
      out2[o] = value;
    }
  }
}
