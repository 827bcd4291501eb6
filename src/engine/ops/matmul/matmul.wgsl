// matmul: out (m×n) = op(a)·op(b), out += op(a)·op(b) when ACCUMULATE, or the dense layer's
// out = act(op(a)·op(b) + bias) when HAS_BIAS. op() reads a transposed operand where it lies
// (TRANSPOSE_A: a stored k×m; TRANSPOSE_B: b stored n×k), so no transposed copy is made.
// With SUM_ROW = 1, op(a) gains a row m of ones whose product row, Σ_p op(b)[p, :], goes to
// colSums: a layer's bias gradient Σ_rows dz computed with its weight gradient zᵀ·dz, summed
// in row order like sumRows (fma(1, b, acc) rounds once, as acc + b does). With SUM_ROW = 2
// that row goes colSumsAt elements into out's binding instead: stacked, a layer's two
// gradients (views of one buffer) would otherwise bind as overlapping writable ranges
// (webgpu/context.ts sharedWindow).
//
// A workgroup computes a 32×32 block of out. For each DEPTH = 32 slice of k it stages op(a)
// and op(b) in workgroup memory (2 × 4 KiB): op(a) in its stored orientation, op(b) as
// [p][j], so neighbouring invocations load neighbouring addresses of every operand. In the
// inner loop an invocation reads one op(a) element per row it owns (the same for its
// neighbours: a broadcast) and neighbouring op(b) elements, and accumulates in vec4
// registers written out without arrays, so that simple shader compilers (a software
// adapter's) keep them in registers. Sums run along k in order, as the CPU reference's do.
// Entry points, picked by the host per shape and adapter:
//   main    8×8 invocations, each a 4×4 block (rows ty + 8r, columns tx + 8c): 8 workgroup
//           loads per 16 multiply-adds; the layout for GPUs.
//   stream  4×4 invocations, each an 8×8 block (rows ty + 4r, columns tx + 4c) of the same
//           32×32 tile, read straight from the operands: no staging, no barrier, 16 loads per
//           64 multiply-adds. For software adapters, which pay per load from workgroup memory
//           as from a buffer and run a workgroup that meets a barrier as coroutines (on
//           SwiftShader 1.7-1.9× faster than staging the tile as main does, in 4×4 invocations).
//   direct  invocations reading global memory, no staging and no barrier: for small k,
//           where a tile would not be reused.
//
// Bindings (group 0):
//   0 params  uniform              Params
//   1 a       storage, read        array<f32>  m×k (k×m when TRANSPOSE_A)
//   2 b       storage, read        array<f32>  k×n (n×k when TRANSPOSE_B)
//   3 bias    storage, read        array<f32>  n, read only when HAS_BIAS
//   4 out     storage, read_write  array<f32>  m×n
//   5 colSums storage, read_write  array<f32>  n, written only when SUM_ROW = 1

struct Params {
  models: u32,
  m: u32,
  k: u32,
  n: u32,
  colSumsAt: u32,
  aModel: u32,
  bModel: u32,
  biasModel: u32,
  outModel: u32,
  colSumsModel: u32,
}

override TRANSPOSE_A: bool = false;
override TRANSPOSE_B: bool = false;
override DIRECT_THREADS: u32 = 8;
// The epilogue, constants of the pipeline: a software adapter would otherwise run every
// branch of store() (and every case of activation()'s switch) for every output. ACCUMULATE:
// out += the product; HAS_BIAS: the dense layer's bias and ACTIVATION_CODE's ACTIVATION;
// SUM_ROW: 0 none, 1 the ones row's sums to colSums, 2 colSumsAt elements into out.
override ACCUMULATE: bool = false;
override HAS_BIAS: bool = false;
override ACTIVATION: u32 = 0;
override SUM_ROW: u32 = 0;

const THREADS = 8u;
const TILE = 32u;
const DEPTH = 32u;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;
@group(0) @binding(5) var<storage, read_write> colSums: array<f32>;

// tileA[aSlot(i, p)] = op(a)[row0 + i, p0 + p]; tileB[p * TILE + j] = op(b)[p0 + p, col0 + j].
var<workgroup> tileA: array<f32, 1024>;
var<workgroup> tileB: array<f32, 1024>;

// Where this workgroup's model's slice of each binding starts (set first by every entry point).
var<private> aBase: u32;
var<private> bBase: u32;
var<private> biasBase: u32;
var<private> outBase: u32;
var<private> colSumsBase: u32;

fn selectModel(model: u32) {
  aBase = model * params.aModel;
  bBase = model * params.bModel;
  biasBase = model * params.biasModel;
  outBase = model * params.outModel;
  colSumsBase = model * params.colSumsModel;
}

// op(a)'s tile in its stored orientation: [p][i] when a is stored transposed, else [i][p].
fn aSlot(i: u32, p: u32) -> u32 {
  if (TRANSPOSE_A) { return p * TILE + i; }
  return i * DEPTH + p;
}

// op(a)[i, p], zero outside the matrix or the buffer; row m is the ones row when SUM_ROW is 1 or 2.
fn loadA(i: u32, p: u32) -> f32 {
  if (i >= params.m || p >= params.k) { return select(0.0, 1.0, i == params.m && p < params.k && SUM_ROW != 0u); }
  var index = i * params.k + p;
  if (TRANSPOSE_A) { index = p * params.m + i; }
  if (index >= room(arrayLength(&a), aBase)) { return 0.0; }
  return a[aBase + index];
}

// op(b)[p, j], zero outside the matrix or the buffer.
fn loadB(p: u32, j: u32) -> f32 {
  if (p >= params.k || j >= params.n) { return 0.0; }
  var index = p * params.n + j;
  if (TRANSPOSE_B) { index = j * params.k + p; }
  if (index >= room(arrayLength(&b), bBase)) { return 0.0; }
  return b[bBase + index];
}

fn activate(z: f32) -> f32 {
  return activation(ACTIVATION, z);
}

// Stages the slice starting at p0, shared by `invocations`; element e of each one's share
// walks the stored operand's contiguous axis.
fn stage(row0: u32, col0: u32, p0: u32, flat: u32, invocations: u32) {
  for (var e = flat; e < TILE * DEPTH; e += invocations) {
    var i = e / DEPTH;
    var p = e % DEPTH;
    if (TRANSPOSE_A) {
      i = e % TILE;
      p = e / TILE;
    }
    tileA[aSlot(i, p)] = loadA(row0 + i, p0 + p);
    var j = e % TILE;
    var q = e / TILE;
    if (TRANSPOSE_B) {
      j = e / DEPTH;
      q = e % DEPTH;
    }
    tileB[q * TILE + j] = loadB(p0 + q, col0 + j);
  }
}

// Writes out[i, j + stride·c] for c < 4 from acc (row m: colSums), with the bias and
// activation, or the accumulation.
fn store(i: u32, j: u32, stride: u32, acc: vec4f) {
  for (var c = 0u; c < 4u; c++) {
    let column = j + stride * c;
    if (column < params.n) {
      let o = i * params.n + column;
      if (i < params.m && o < room(arrayLength(&out), outBase)) {
        var value = acc[c];
        if (ACCUMULATE) {
          value += out[outBase + o];
        } else if (HAS_BIAS && column < room(arrayLength(&bias), biasBase)) {
          value = activate(value + bias[biasBase + column]);
        }
        out[outBase + o] = value;
      } else if (i == params.m && SUM_ROW == 1u && column < room(arrayLength(&colSums), colSumsBase)) {
        colSums[colSumsBase + column] = acc[c];
      } else if (i == params.m && SUM_ROW == 2u && params.colSumsAt + column < room(arrayLength(&out), outBase)) {
        out[outBase + params.colSumsAt + column] = acc[c];
      }
    }
  }
}

@compute @workgroup_size(THREADS, THREADS)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(local_invocation_index) flat: u32, @builtin(num_workgroups) groups: vec3u) {
  for (var model = wid.z; model < params.models; model += groups.z) {
    selectModel(model);
    let row0 = wid.y * TILE;
    let col0 = wid.x * TILE;
    var acc0 = vec4f(0.0);
    var acc1 = vec4f(0.0);
    var acc2 = vec4f(0.0);
    var acc3 = vec4f(0.0);
    for (var p0 = 0u; p0 < params.k; p0 += DEPTH) {
      stage(row0, col0, p0, flat, THREADS * THREADS);
      workgroupBarrier();
      let depth = min(DEPTH, params.k - p0);
      for (var p = 0u; p < depth; p++) {
        let row = vec4f(tileB[p * TILE + lid.x], tileB[p * TILE + lid.x + 8u], tileB[p * TILE + lid.x + 16u], tileB[p * TILE + lid.x + 24u]);
        acc0 = fma(vec4f(tileA[aSlot(lid.y, p)]), row, acc0);
        acc1 = fma(vec4f(tileA[aSlot(lid.y + 8u, p)]), row, acc1);
        acc2 = fma(vec4f(tileA[aSlot(lid.y + 16u, p)]), row, acc2);
        acc3 = fma(vec4f(tileA[aSlot(lid.y + 24u, p)]), row, acc3);
      }
      workgroupBarrier();
    }
    let i = row0 + lid.y;
    let j = col0 + lid.x;
    store(i, j, 8u, acc0);
    store(i + 8u, j, 8u, acc1);
    store(i + 16u, j, 8u, acc2);
    store(i + 24u, j, 8u, acc3);
  }
}

// DIRECT_THREADS² invocations, each 4×4 outputs at stride DIRECT_THREADS: a block of
// 4·DIRECT_THREADS square (8: 32, the GPU layout; 4: 16, fewer idle invocations for the
// software adapter on the playground's 16-wide layers).
@compute @workgroup_size(DIRECT_THREADS, DIRECT_THREADS)
fn direct(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  for (var model = wid.z; model < params.models; model += groups.z) {
    selectModel(model);
    let stride = DIRECT_THREADS;
    let i = wid.y * 4u * stride + lid.y;
    let j = wid.x * 4u * stride + lid.x;
    var acc0 = vec4f(0.0);
    var acc1 = vec4f(0.0);
    var acc2 = vec4f(0.0);
    var acc3 = vec4f(0.0);
    let inside = i + 3u * stride < params.m && j + 3u * stride < params.n
      && params.m * params.k <= room(arrayLength(&a), aBase) && params.k * params.n <= room(arrayLength(&b), bBase);
    if (inside) {
      // The whole 4×4 block and both operands lie inside: walk them by index steps with no
      // per-element checks (the same products in the same order, so the same sums).
      let aStep = select(1u, params.m, TRANSPOSE_A);
      let aRow = select(stride * params.k, stride, TRANSPOSE_A);
      let aStart = aBase + select(i * params.k, i, TRANSPOSE_A);
      let bStep = select(params.n, 1u, TRANSPOSE_B);
      let bColumn = select(stride, stride * params.k, TRANSPOSE_B);
      let bStart = bBase + select(j, j * params.k, TRANSPOSE_B);
      for (var p = 0u; p < params.k; p++) {
        let ap = aStart + p * aStep;
        let bp = bStart + p * bStep;
        let row = vec4f(b[bp], b[bp + bColumn], b[bp + 2u * bColumn], b[bp + 3u * bColumn]);
        acc0 = fma(vec4f(a[ap]), row, acc0);
        acc1 = fma(vec4f(a[ap + aRow]), row, acc1);
        acc2 = fma(vec4f(a[ap + 2u * aRow]), row, acc2);
        acc3 = fma(vec4f(a[ap + 3u * aRow]), row, acc3);
      }
    } else {
      for (var p = 0u; p < params.k; p++) {
        let row = vec4f(loadB(p, j), loadB(p, j + stride), loadB(p, j + 2u * stride), loadB(p, j + 3u * stride));
        acc0 = fma(vec4f(loadA(i, p)), row, acc0);
        acc1 = fma(vec4f(loadA(i + stride, p)), row, acc1);
        acc2 = fma(vec4f(loadA(i + 2u * stride, p)), row, acc2);
        acc3 = fma(vec4f(loadA(i + 3u * stride, p)), row, acc3);
      }
    }
    store(i, j, stride, acc0);
    store(i + stride, j, stride, acc1);
    store(i + 2u * stride, j, stride, acc2);
    store(i + 3u * stride, j, stride, acc3);
  }
}

// op(a)'s row i (clamped to the last row, whose reads the ones row replaces) starts here; step p·aStep.
fn rowStart(i: u32) -> u32 {
  let row = min(i, params.m - 1u);
  return aBase + select(row * params.k, row, TRANSPOSE_A);
}

// op(b)'s column j (clamped to the last column, whose outputs are not stored) starts here; step p·bStep.
fn columnStart(j: u32) -> u32 {
  let column = min(j, params.n - 1u);
  return bBase + select(column, column * params.k, TRANSPOSE_B);
}

// stream (see the top): rows and columns past the matrix read its last row or column and are
// not stored; the ones row (SUM_ROW) reads 1 in place of op(a).
@compute @workgroup_size(4, 4)
fn stream(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = wid.y * TILE + lid.y;
  let j = wid.x * TILE + lid.x;
  let aStep = select(1u, params.m, TRANSPOSE_A);
  let bStep = select(params.n, 1u, TRANSPOSE_B);
  let sumRow = SUM_ROW != 0u;
  let one0 = sumRow && i == params.m;
  let one1 = sumRow && i + 4u == params.m;
  let one2 = sumRow && i + 8u == params.m;
  let one3 = sumRow && i + 12u == params.m;
  let one4 = sumRow && i + 16u == params.m;
  let one5 = sumRow && i + 20u == params.m;
  let one6 = sumRow && i + 24u == params.m;
  let one7 = sumRow && i + 28u == params.m;
  for (var model = wid.z; model < params.models; model += groups.z) {
    selectModel(model);
    let a0 = rowStart(i);
    let a1 = rowStart(i + 4u);
    let a2 = rowStart(i + 8u);
    let a3 = rowStart(i + 12u);
    let a4 = rowStart(i + 16u);
    let a5 = rowStart(i + 20u);
    let a6 = rowStart(i + 24u);
    let a7 = rowStart(i + 28u);
    let b0 = columnStart(j);
    let b1 = columnStart(j + 4u);
    let b2 = columnStart(j + 8u);
    let b3 = columnStart(j + 12u);
    let b4 = columnStart(j + 16u);
    let b5 = columnStart(j + 20u);
    let b6 = columnStart(j + 24u);
    let b7 = columnStart(j + 28u);
    var acc0 = vec4f(0.0);
    var acc1 = vec4f(0.0);
    var acc2 = vec4f(0.0);
    var acc3 = vec4f(0.0);
    var acc4 = vec4f(0.0);
    var acc5 = vec4f(0.0);
    var acc6 = vec4f(0.0);
    var acc7 = vec4f(0.0);
    var wide0 = vec4f(0.0);
    var wide1 = vec4f(0.0);
    var wide2 = vec4f(0.0);
    var wide3 = vec4f(0.0);
    var wide4 = vec4f(0.0);
    var wide5 = vec4f(0.0);
    var wide6 = vec4f(0.0);
    var wide7 = vec4f(0.0);
    // The host checks every size; operands too short for them leave the sums zero.
    let fits = params.m > 0u && params.n > 0u && params.m * params.k <= room(arrayLength(&a), aBase) && params.k * params.n <= room(arrayLength(&b), bBase);
    for (var p = 0u; p < params.k && fits; p++) {
      let ap = p * aStep;
      let bp = p * bStep;
      let near = vec4f(b[b0 + bp], b[b1 + bp], b[b2 + bp], b[b3 + bp]);
      let far = vec4f(b[b4 + bp], b[b5 + bp], b[b6 + bp], b[b7 + bp]);
      var v = vec4f(select(a[a0 + ap], 1.0, one0));
      acc0 = fma(v, near, acc0);
      wide0 = fma(v, far, wide0);
      v = vec4f(select(a[a1 + ap], 1.0, one1));
      acc1 = fma(v, near, acc1);
      wide1 = fma(v, far, wide1);
      v = vec4f(select(a[a2 + ap], 1.0, one2));
      acc2 = fma(v, near, acc2);
      wide2 = fma(v, far, wide2);
      v = vec4f(select(a[a3 + ap], 1.0, one3));
      acc3 = fma(v, near, acc3);
      wide3 = fma(v, far, wide3);
      v = vec4f(select(a[a4 + ap], 1.0, one4));
      acc4 = fma(v, near, acc4);
      wide4 = fma(v, far, wide4);
      v = vec4f(select(a[a5 + ap], 1.0, one5));
      acc5 = fma(v, near, acc5);
      wide5 = fma(v, far, wide5);
      v = vec4f(select(a[a6 + ap], 1.0, one6));
      acc6 = fma(v, near, acc6);
      wide6 = fma(v, far, wide6);
      v = vec4f(select(a[a7 + ap], 1.0, one7));
      acc7 = fma(v, near, acc7);
      wide7 = fma(v, far, wide7);
    }
    store(i, j, 4u, acc0);
    store(i, j + 16u, 4u, wide0);
    store(i + 4u, j, 4u, acc1);
    store(i + 4u, j + 16u, 4u, wide1);
    store(i + 8u, j, 4u, acc2);
    store(i + 8u, j + 16u, 4u, wide2);
    store(i + 12u, j, 4u, acc3);
    store(i + 12u, j + 16u, 4u, wide3);
    store(i + 16u, j, 4u, acc4);
    store(i + 16u, j + 16u, 4u, wide4);
    store(i + 20u, j, 4u, acc5);
    store(i + 20u, j + 16u, 4u, wide5);
    store(i + 24u, j, 4u, acc6);
    store(i + 24u, j + 16u, 4u, wide6);
    store(i + 28u, j, 4u, acc7);
    store(i + 28u, j + 16u, 4u, wide7);
  }
}
