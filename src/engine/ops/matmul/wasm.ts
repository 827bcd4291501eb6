import { opModels } from '../../core/tensor.ts';
import { checkHolds } from '../../core/shapes.ts';
import type { WasmOpContext } from '../../wasm/kernels.ts';
import { checkApart, wasmTensor, type WasmTensor } from '../../wasm/tensor.ts';
import type { MatmulOp } from './matmul.ts';

/** Throws unless a, b and out hold an m×k, k×n and m×n matrix, and out overlaps neither. */
export function checkMatmul(op: string, a: WasmTensor, b: WasmTensor, out: WasmTensor, m: number, k: number, n: number, models: number): void {
  checkHolds(op, 'a', a.size, m * k);
  checkHolds(op, 'b', b.size, k * n);
  checkHolds(op, 'out', out.size, m * n);
  checkApart(op, [out], [a, b], models);
}

/** The op in WebAssembly SIMD (matmul.as.ts): one kernel call per model, its output rows split over the kernel threads when large. */
export const wasmMatmul =
  (wasm: WasmOpContext): MatmulOp['matmul'] =>
  (a, b, out, m, k, n, transpose, accumulate) => {
    const [ta, tb, to] = [wasmTensor(a), wasmTensor(b), wasmTensor(out)];
    const models = opModels('matmul', [to], [ta, tb]);
    checkMatmul('matmul', ta, tb, to, m, k, n, models);
    const kernel = transpose === 'nn' ? 'matmulNN' : transpose === 'nt' ? 'matmulNT' : 'matmulTN';
    for (let model = 0; model < models; model++) wasm.ranged(kernel, [ta.pointer(model), tb.pointer(model), to.pointer(model), m, k, n, accumulate ? 1 : 0], m, m * k * n);
  };
