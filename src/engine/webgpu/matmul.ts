import type { Activation, Transpose } from '../backend.ts';
import type { GpuTensor } from './arena.ts';
import { ACTIVATION_CODE, checkDistinct, checkFits, enqueue, type KernelContext } from './context.ts';
import activation from './activation.wgsl?raw';
import { defineKernel } from './kernel.ts';
import type { PipelineVariant } from './pipelines.ts';
import source from './matmul.wgsl?raw';

const MATMUL = defineKernel('matmul', `${activation}\n${source}`);

/** Rows and columns of out a tiled workgroup computes, and the k-slice it stages (the shader's TILE, DEPTH). */
const TILE = 32;
const DEPTH = 32;

const TRANSPOSES: Readonly<Record<Transpose, Record<string, number>>> = {
  nn: { TRANSPOSE_A: 0, TRANSPOSE_B: 0 },
  nt: { TRANSPOSE_A: 0, TRANSPOSE_B: 1 },
  tn: { TRANSPOSE_A: 1, TRANSPOSE_B: 0 },
};

/** Which entry point, compiled how, and the square block of out one workgroup computes. */
interface MatmulPlan {
  variant: PipelineVariant;
  tile: number;
}

/**
 * The tiled entry points stage k in slices of DEPTH behind two barriers each; when k fits
 * in one slice nothing is reused, so `direct` (no staging, no barrier) is faster: 3-5× on
 * SwiftShader for the playground's 16-wide layers. A software adapter pays per invocation,
 * so it gets `wide` (16 invocations of 8×8 outputs) rather than `main` (64 of 4×4), and
 * `direct` in 16×16 blocks, only up to k = 16, past which `wide` beats it there.
 */
function plan(context: KernelContext, transpose: Transpose, k: number): MatmulPlan {
  const constants = TRANSPOSES[transpose];
  if (k <= (context.software ? DEPTH / 2 : DEPTH)) {
    const threads = context.software ? 4 : 8;
    return { variant: { entryPoint: 'direct', constants: { ...constants, DIRECT_THREADS: threads } }, tile: 4 * threads };
  }
  return { variant: { entryPoint: context.software ? 'wide' : 'main', constants }, tile: TILE };
}

/** One matmul op: out (m×n) = op(a)·op(b), or out += it; see Backend.matmul for the transpose modes. */
export interface MatmulOp {
  a: GpuTensor;
  b: GpuTensor;
  out: GpuTensor;
  m: number;
  k: number;
  n: number;
  transpose: Transpose;
  accumulate: boolean;
}

/**
 * Holds a weight-gradient product (a 'tn' matmul written, not accumulated) until the next
 * op: when that is sumRows of the same gradient rows (the bias gradient), both come out of
 * one dispatch. Anything else flushes the held product first, so order holds.
 */
export interface MatmulQueue {
  push(op: MatmulOp): void;
  /** Records the held product with out = Σ_rows x as its ones row, when that is what it is; false otherwise. */
  joinSumRows(x: GpuTensor, rows: number, cols: number, out: GpuTensor, accumulate: boolean): boolean;
  flush(): void;
}

export function createMatmulQueue(context: KernelContext): MatmulQueue {
  let held: MatmulOp | null = null;
  const flush = () => {
    if (held) encodeMatmul(context, held, null);
    held = null;
  };
  return {
    push(op) {
      flush();
      checkShapes('matmul', op.a, op.b, op.out, op.m, op.k, op.n);
      if (op.transpose === 'tn' && !op.accumulate) held = op;
      else encodeMatmul(context, op, null);
    },
    joinSumRows(x, rows, cols, out, accumulate) {
      const op = held;
      const joins = op && !accumulate && x === op.b && rows === op.k && cols === op.n && out.buffer !== op.a.buffer && out.buffer !== op.b.buffer;
      // Bound whole, stacked outputs span every model's slice: those of one buffer must not meet.
      const overlaps = op && out.buffer === op.out.buffer && out.offset < op.out.offset + op.out.span && op.out.offset < out.offset + out.span;
      if (!op || !joins || overlaps) return false;
      held = null;
      encodeMatmul(context, op, out);
      return true;
    },
    flush,
  };
}

function encodeMatmul(context: KernelContext, op: MatmulOp, colSums: GpuTensor | null): void {
  const { a, b, out, m, k, n, transpose, accumulate } = op;
  if (m === 0 || n === 0) return;
  const params = { m, k, n, accumulate: accumulate ? 1 : 0, hasBias: 0, activation: 0, sumRow: colSums ? 1 : 0 };
  const bindings = { a, b, bias: context.unusedInput, out, colSums: colSums ?? context.unusedOutputs[0] };
  const { variant, tile } = plan(context, transpose, k);
  enqueue(context, MATMUL, variant, params, bindings, grid(m + (colSums ? 1 : 0), n, tile));
}

/** Enqueues out (rows×outDim) = act(x·w + b): the matmul kernel with its bias and activation epilogue. */
export function encodeDense(
  context: KernelContext,
  x: GpuTensor,
  w: GpuTensor,
  bias: GpuTensor,
  out: GpuTensor,
  rows: number,
  inDim: number,
  outDim: number,
  activation: Activation,
): void {
  checkShapes('dense', x, w, out, rows, inDim, outDim);
  checkFits('dense', 'b', bias, outDim);
  checkDistinct('dense', [out], [x, w, bias]);
  if (rows === 0 || outDim === 0) return;
  const params = { m: rows, k: inDim, n: outDim, accumulate: 0, hasBias: 1, activation: ACTIVATION_CODE[activation], sumRow: 0 };
  const { variant, tile } = plan(context, 'nn', inDim);
  enqueue(context, MATMUL, variant, params, { a: x, b: w, bias, out, colSums: context.unusedOutputs[0] }, grid(rows, outDim, tile));
}

function checkShapes(op: string, a: GpuTensor, b: GpuTensor, out: GpuTensor, m: number, k: number, n: number): void {
  checkFits(op, 'a', a, m * k);
  checkFits(op, 'b', b, k * n);
  checkFits(op, 'out', out, m * n);
  checkDistinct(op, [out], [a, b]);
}

function grid(m: number, n: number, tile: number): [number, number] {
  return [Math.ceil(n / tile), Math.ceil(m / tile)];
}
