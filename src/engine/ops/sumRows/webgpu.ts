import { gpuTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { checkDistinct, checkFits, elementwiseGroups, enqueue, type KernelContext } from '../../webgpu/context.ts';
import { defineKernel } from '../../webgpu/kernel.ts';
import type { GpuOpContext } from '../../webgpu/opContext.ts';
import { isHeldProduct, joinSumRows } from '../matmul/webgpu.ts';
import type { SumRowsOp } from './sumRows.ts';
import source from './sumRows.wgsl?raw';

const SUM_ROWS = defineKernel('sumRows', source);

/** Throws unless sumRows' sizes fit its tensors and out is apart from x. */
export function checkSumRows(x: GpuTensor, rows: number, cols: number, out: GpuTensor): void {
  checkFits('sumRows', 'x', x, rows * cols);
  checkFits('sumRows', 'out', out, cols);
  checkDistinct('sumRows', [out], [x]);
}

/** Enqueues out[c] = Σ_r x[r, c] (or out[c] += it), each column summed in row order. */
export function encodeSumRows(context: KernelContext, x: GpuTensor, rows: number, cols: number, out: GpuTensor, accumulate: boolean): void {
  checkSumRows(x, rows, cols, out);
  if (cols === 0) return;
  enqueue(context, SUM_ROWS, {}, { rows, cols, accumulate: accumulate ? 1 : 0 }, { x, out }, [elementwiseGroups(cols)]);
}

/** The op on WebGPU: a held weight-gradient product of the same rows takes this sum as its ones row (one dispatch for both). */
export const webgpuSumRows = (gpu: GpuOpContext): SumRowsOp['sumRows'] => (x, rows, cols, out, accumulate) => {
  gpu.begin(isHeldProduct);
  const [input, sums] = [gpuTensor(x), gpuTensor(out)];
  checkSumRows(input, rows, cols, sums);
  if (joinSumRows(gpu, input, rows, cols, sums, accumulate)) return;
  gpu.flushHeld();
  encodeSumRows(gpu, input, rows, cols, sums, accumulate);
};
