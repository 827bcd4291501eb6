import { gpuTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { bindsApart, checkDistinct, checkFits, enqueue, sharedWindow, type KernelContext, type SharedWindow } from '../../webgpu/context.ts';
import type { GpuOpContext, HeldOp } from '../../webgpu/opContext.ts';
import activation from '../activationBackward/activation.wgsl?raw';
import { defineKernel } from '../../webgpu/kernel.ts';
import type { PipelineVariant } from '../../webgpu/pipelines.ts';
import type { MatmulOp, Transpose } from './matmul.ts';
import source from './matmul.wgsl?raw';

/** The matmul kernel, with its bias and activation epilogue (ops/dense runs it too). */
export const MATMUL = defineKernel('matmul', `${activation}\n${source}`);

/** Rows and columns of out a tiled workgroup computes, and the k-slice it stages (the shader's TILE, DEPTH). */
const TILE = 32;
const DEPTH = 32;

const TRANSPOSES: Readonly<Record<Transpose, Record<string, number>>> = {
  nn: { TRANSPOSE_A: 0, TRANSPOSE_B: 0 },
  nt: { TRANSPOSE_A: 0, TRANSPOSE_B: 1 },
  tn: { TRANSPOSE_A: 1, TRANSPOSE_B: 0 },
};

/** Which entry point, compiled how, and the square block of out one workgroup computes. */
export interface MatmulPlan {
  variant: PipelineVariant;
  tile: number;
}

/**
 * The tiled entry points stage k in slices of DEPTH behind two barriers each; when k fits
 * in one slice nothing is reused, so `direct` (no staging, no barrier) is faster: 3-5× on
 * SwiftShader for the playground's 16-wide layers. A software adapter pays per load and per
 * barrier, so it gets `stream` (16 invocations of 8×8 outputs, no staging) rather than
 * `main`, and `direct` in 16×16 blocks, only up to k = 16.
 */
export function plan(context: KernelContext, transpose: Transpose, k: number): MatmulPlan {
  const constants = TRANSPOSES[transpose];
  if (k <= (context.software ? DEPTH / 2 : DEPTH)) {
    const threads = context.software ? 4 : 8;
    return { variant: { entryPoint: 'direct', constants: { ...constants, DIRECT_THREADS: threads } }, tile: 4 * threads };
  }
  return { variant: { entryPoint: context.software ? 'stream' : 'main', constants }, tile: TILE };
}

/** One matmul call: out (m×n) = op(a)·op(b), or out += it; see the matmul op for the transpose modes. */
interface MatmulCall {
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
 * A weight-gradient product (a 'tn' matmul written, not accumulated) held until the next op:
 * when that is sumRows of the same gradient rows (the bias gradient), both come out of one
 * dispatch (joinSumRows). Anything else flushes it first, so order holds.
 */
class HeldProduct implements HeldOp {
  constructor(
    private readonly context: KernelContext,
    readonly op: MatmulCall,
  ) {}

  flush(): void {
    encodeMatmul(this.context, this.op, null);
  }
}

/** Whether `held` is a product sumRows may join (its `begin` keeps it). */
export const isHeldProduct = (held: HeldOp): boolean => held instanceof HeldProduct;

/** The op on WebGPU: a weight-gradient product is held back for sumRows; any other is enqueued at once. */
export const webgpuMatmul = (gpu: GpuOpContext): MatmulOp['matmul'] => (a, b, out, m, k, n, transpose, accumulate) => {
  gpu.begin();
  const op: MatmulCall = { a: gpuTensor(a), b: gpuTensor(b), out: gpuTensor(out), m, k, n, transpose, accumulate };
  checkShapes('matmul', op.a, op.b, op.out, m, k, n);
  if (transpose === 'tn' && !accumulate) gpu.hold(new HeldProduct(gpu, op));
  else encodeMatmul(gpu, op, null);
};

/**
 * Records the held product with out = Σ_rows x as its ones row, when that is what it is; false
 * otherwise. Stacked views of one gradient buffer bind as one window (see sharedWindow).
 */
export function joinSumRows(gpu: GpuOpContext, x: GpuTensor, rows: number, cols: number, out: GpuTensor, accumulate: boolean): boolean {
  const op = gpu.held instanceof HeldProduct ? gpu.held.op : null;
  if (!op || accumulate || x !== op.b || rows !== op.k || cols !== op.n || out.buffer === op.a.buffer || out.buffer === op.b.buffer) return false;
  const colSums: ColumnSums | null = bindsApart(op.out, out) ? { apart: out } : sharedWindow(op.out, out);
  if (!colSums) return false;
  gpu.release();
  encodeMatmul(gpu, op, colSums);
  return true;
}

/** Where the ones row's sums go: a binding apart from out's, or `secondAt` elements into a window bound as out. */
type ColumnSums = { apart: GpuTensor } | SharedWindow;

function encodeMatmul(context: KernelContext, op: MatmulCall, colSums: ColumnSums | null): void {
  const { a, b, m, k, n, transpose, accumulate } = op;
  if (m === 0 || n === 0) return;
  const own = colSums && 'apart' in colSums ? colSums.apart : null;
  const window = colSums && 'window' in colSums ? colSums : null;
  const sumRow = own ? 1 : window ? 2 : 0;
  const params = { m, k, n, colSumsAt: window?.secondAt ?? 0 };
  const bindings = { a, b, bias: context.unusedInput, out: window?.window ?? op.out, colSums: own ?? context.unusedOutputs[0] };
  const { variant, tile } = plan(context, transpose, k);
  const constants = { ...variant.constants, ACCUMULATE: accumulate ? 1 : 0, SUM_ROW: sumRow };
  enqueue(context, MATMUL, { ...variant, constants }, params, bindings, grid(m + (colSums ? 1 : 0), n, tile));
}

export function checkShapes(op: string, a: GpuTensor, b: GpuTensor, out: GpuTensor, m: number, k: number, n: number): void {
  checkFits(op, 'a', a, m * k);
  checkFits(op, 'b', b, k * n);
  checkFits(op, 'out', out, m * n);
  checkDistinct(op, [out], [a, b]);
}

export function grid(m: number, n: number, tile: number): [number, number] {
  return [Math.ceil(n / tile), Math.ceil(m / tile)];
}
