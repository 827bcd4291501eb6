import { opModels } from '../../core/tensor.ts';
import { checkHolds } from '../../core/shapes.ts';
import type { WasmOpContext } from '../../wasm/kernels.ts';
import { checkApart, wasmTensor } from '../../wasm/tensor.ts';
import type { SumRowsOp } from './sumRows.ts';

/** The op in WebAssembly SIMD (sumRows.as.ts): one kernel call per model. */
export const wasmSumRows = (wasm: WasmOpContext): SumRowsOp['sumRows'] => {
  const { sumRows } = wasm.kernels;
  return (x, rows, cols, out, accumulate) => {
    const [tx, to] = [wasmTensor(x), wasmTensor(out)];
    const models = opModels('sumRows', [to], [tx]);
    checkHolds('sumRows', 'x', tx.size, rows * cols);
    checkHolds('sumRows', 'out', to.size, cols);
    checkApart('sumRows', [to], [tx], models);
    for (let k = 0; k < models; k++) sumRows(tx.pointer(k), rows, cols, to.pointer(k), accumulate ? 1 : 0);
  };
};
