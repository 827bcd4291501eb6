import { cpuTensor, slice } from '../../cpu/tensor.ts';
import { opModels } from '../../core/tensor.ts';
import type { SumRowsOp } from './sumRows.ts';

/** out[c] = Σ_r x[r, c] (or out[c] += it), summed in row order so the result is deterministic. */
export function sumRows(x: Float32Array, rows: number, cols: number, out: Float32Array, accumulate: boolean): void {
  if (!accumulate) out.fill(0, 0, cols);
  for (let r = 0; r < rows; r++) {
    const row = r * cols;
    for (let c = 0; c < cols; c++) out[c] += x[row + c];
  }
}

/** The op on the CPU: sumRows over each model's slices. */
export const cpuSumRows: SumRowsOp['sumRows'] = (x, rows, cols, out, accumulate) => {
  const [tx, to] = [cpuTensor(x), cpuTensor(out)];
  for (let k = 0, K = opModels('sumRows', [to], [tx]); k < K; k++) sumRows(slice(tx, k), rows, cols, slice(to, k), accumulate);
};
