// matmul: out (m×n) = op(a)·op(b), out += op(a)·op(b) when accumulate, or the dense layer's
// out = act(op(a)·op(b) + bias) when hasBias. op() reads a transposed operand where it lies
// (TRANSPOSE_A: a stored k×m; TRANSPOSE_B: b stored n×k), so no transposed copy is made.
//
// Tiling: a workgroup of 8×8 invocations computes a 32×32 block of out. For each slice of
// DEPTH = 32 along k it stages op(a)[32×32] and op(b)[32×32] in workgroup memory (8 KiB),
// each invocation loading 16 + 16 elements with neighbours reading neighbouring addresses
// whichever way the operand is stored. Each invocation then accumulates a 4×4 block of out
// (rows ty + 8r, columns tx + 8c) in registers: 8 workgroup loads per 16 fused multiply-adds.
// Sums run along k in order, as the CPU reference's do.
//
// Bindings (group 0):
//   0 params  uniform              Params
//   1 a       storage, read        array<f32>  m×k (k×m when TRANSPOSE_A)
//   2 b       storage, read        array<f32>  k×n (n×k when TRANSPOSE_B)
//   3 bias    storage, read        array<f32>  n, read only when hasBias = 1
//   4 out     storage, read_write  array<f32>  m×n

struct Params {
  m: u32,
  k: u32,
  n: u32,
  accumulate: u32,
  hasBias: u32,
  activation: u32,
}

override TRANSPOSE_A: bool = false;
override TRANSPOSE_B: bool = false;

const THREADS = 8u;
const PER = 4u;
const TILE = 32u;
const DEPTH = 32u;
const LOADS = 16u;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;

// tileA[i * DEPTH + p] = op(a)[row0 + i, p0 + p]; tileB[p * TILE + j] = op(b)[p0 + p, col0 + j].
var<workgroup> tileA: array<f32, 1024>;
var<workgroup> tileB: array<f32, 1024>;

// op(a)[i, p], zero outside the matrix (the host checked a holds m·k elements).
fn loadA(i: u32, p: u32) -> f32 {
  if (i >= params.m || p >= params.k) { return 0.0; }
  if (TRANSPOSE_A) { return a[p * params.m + i]; }
  return a[i * params.k + p];
}

// op(b)[p, j], zero outside the matrix.
fn loadB(p: u32, j: u32) -> f32 {
  if (p >= params.k || j >= params.n) { return 0.0; }
  if (TRANSPOSE_B) { return b[j * params.k + p]; }
  return b[p * params.n + j];
}

fn activate(z: f32) -> f32 {
  switch params.activation {
    case 1u: { return max(z, 0.0); }
    // tanh is ±1 in f32 beyond |z| ≈ 9; clamping avoids exp overflow in tanh's expansion.
    case 2u: { return tanh(clamp(z, -10.0, 10.0)); }
    case 3u: { return 1.0 / (1.0 + exp(-z)); }
    default: { return z; }
  }
}

// Stages the DEPTH-slice starting at p0: element e of the invocation's share walks the
// stored operand's contiguous axis, so adjacent invocations load adjacent addresses.
fn stage(row0: u32, col0: u32, p0: u32, flat: u32) {
  for (var s = 0u; s < LOADS; s++) {
    let e = s * THREADS * THREADS + flat;
    if (TRANSPOSE_A) {
      tileA[(e % TILE) * DEPTH + e / TILE] = loadA(row0 + e % TILE, p0 + e / TILE);
    } else {
      tileA[(e / DEPTH) * DEPTH + e % DEPTH] = loadA(row0 + e / DEPTH, p0 + e % DEPTH);
    }
    if (TRANSPOSE_B) {
      tileB[(e % DEPTH) * TILE + e / DEPTH] = loadB(p0 + e % DEPTH, col0 + e / DEPTH);
    } else {
      tileB[(e / TILE) * TILE + e % TILE] = loadB(p0 + e / TILE, col0 + e % TILE);
    }
  }
}

@compute @workgroup_size(THREADS, THREADS)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(local_invocation_index) flat: u32) {
  let row0 = wid.y * TILE;
  let col0 = wid.x * TILE;
  var acc: array<array<f32, PER>, PER>;
  for (var p0 = 0u; p0 < params.k; p0 += DEPTH) {
    stage(row0, col0, p0, flat);
    workgroupBarrier();
    let depth = min(DEPTH, params.k - p0);
    for (var p = 0u; p < depth; p++) {
      var column: array<f32, PER>;
      for (var r = 0u; r < PER; r++) {
        column[r] = tileA[(lid.y + r * THREADS) * DEPTH + p];
      }
      for (var c = 0u; c < PER; c++) {
        let value = tileB[p * TILE + lid.x + c * THREADS];
        for (var r = 0u; r < PER; r++) {
          acc[r][c] = fma(column[r], value, acc[r][c]);
        }
      }
    }
    workgroupBarrier();
  }
  for (var r = 0u; r < PER; r++) {
    let i = row0 + lid.y + r * THREADS;
    for (var c = 0u; c < PER; c++) {
      let j = col0 + lid.x + c * THREADS;
      if (i < params.m && j < params.n) {
        var value = acc[r][c];
        if (params.accumulate == 1u) {
          value += out[i * params.n + j];
        } else if (params.hasBias == 1u) {
          value = activate(value + bias[j]);
        }
        out[i * params.n + j] = value;
      }
    }
  }
}
