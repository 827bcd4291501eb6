import type { Activation } from '../../core/shapes.ts';
import { gpuTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { checkDistinct, checkFits, enqueue, type KernelContext } from '../../webgpu/context.ts';
import type { GpuOpContext } from '../../webgpu/opContext.ts';
import { ACTIVATION_CODE } from '../activationBackward/webgpu.ts';
import { checkShapes, grid, MATMUL, plan } from '../matmul/webgpu.ts';
import type { DenseOp } from './dense.ts';

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
  const params = { m: rows, k: inDim, n: outDim, colSumsAt: 0 };
  const { variant, tile } = plan(context, 'nn', inDim);
  const constants = { ...variant.constants, HAS_BIAS: 1, ACTIVATION: ACTIVATION_CODE[activation] };
  enqueue(context, MATMUL, { ...variant, constants }, params, { a: x, b: w, bias, out, colSums: context.unusedOutputs[0] }, grid(rows, outDim, tile));
}


export const webgpuDense = (gpu: GpuOpContext): DenseOp['dense'] => (x, w, b, out, rows, inDim, outDim, activation) => {
  gpu.begin();
  encodeDense(gpu, gpuTensor(x), gpuTensor(w), gpuTensor(b), gpuTensor(out), rows, inDim, outDim, activation);
};
