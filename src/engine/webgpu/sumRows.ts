import type { GpuTensor } from './arena.ts';
import { checkDistinct, checkFits, elementwiseGroups, enqueue, type KernelContext } from './context.ts';
import { defineKernel } from './kernel.ts';
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
