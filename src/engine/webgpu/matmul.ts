import type { Activation, Transpose } from '../backend.ts';
import type { GpuTensor } from './arena.ts';
import { ACTIVATION_CODE, checkDistinct, checkFits, enqueue, type KernelContext } from './context.ts';
import { defineKernel } from './kernel.ts';
import type { PipelineVariant } from './pipelines.ts';
import source from './matmul.wgsl?raw';

const MATMUL = defineKernel('matmul', source);

/** Rows and columns of out one workgroup computes, and the k-slice it stages (the shader's TILE, DEPTH). */
const TILE = 32;
const DEPTH = 32;

const TRANSPOSES: Readonly<Record<Transpose, Record<string, number>>> = {
  nn: { TRANSPOSE_A: 0, TRANSPOSE_B: 0 },
  nt: { TRANSPOSE_A: 0, TRANSPOSE_B: 1 },
  tn: { TRANSPOSE_A: 1, TRANSPOSE_B: 0 },
};

/**
 * The tiled entry point stages k in slices of DEPTH behind two barriers each; when k fits
 * in one slice nothing is reused, so `direct` (no staging, no barrier) is faster: on the
 * software adapter 3-5× for the playground's 16-wide layers.
 */
function variant(transpose: Transpose, k: number): PipelineVariant {
  return { entryPoint: k <= DEPTH ? 'direct' : 'main', constants: TRANSPOSES[transpose] };
}

/** Enqueues out (m×n) = op(a)·op(b), or out += it; see Backend.matmul for the transpose modes. */
export function encodeMatmul(
  context: KernelContext,
  a: GpuTensor,
  b: GpuTensor,
  out: GpuTensor,
  m: number,
  k: number,
  n: number,
  transpose: Transpose,
  accumulate: boolean,
): void {
  checkShapes('matmul', a, b, out, m, k, n);
  if (m === 0 || n === 0) return;
  const params = { m, k, n, accumulate: accumulate ? 1 : 0, hasBias: 0, activation: 0 };
  enqueue(context, MATMUL, variant(transpose, k), params, { a, b, bias: context.unusedInput, out }, grid(m, n));
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
  const params = { m: rows, k: inDim, n: outDim, accumulate: 0, hasBias: 1, activation: ACTIVATION_CODE[activation] };
  enqueue(context, MATMUL, variant('nn', inDim), params, { a: x, b: w, bias, out }, grid(rows, outDim));
}

function checkShapes(op: string, a: GpuTensor, b: GpuTensor, out: GpuTensor, m: number, k: number, n: number): void {
  checkFits(op, 'a', a, m * k);
  checkFits(op, 'b', b, k * n);
  checkFits(op, 'out', out, m * n);
  checkDistinct(op, [out], [a, b]);
}

function grid(m: number, n: number): [number, number] {
  return [Math.ceil(n / TILE), Math.ceil(m / TILE)];
}
