import { opModels } from '../../core/tensor.ts';
import { checkHolds } from '../../core/shapes.ts';
import type { WasmOpContext } from '../../wasm/kernels.ts';
import { wasmTensor } from '../../wasm/tensor.ts';
import { wasmActivate } from '../activationBackward/wasm.ts';
import { checkMatmul } from '../matmul/wasm.ts';
import type { DenseOp } from './dense.ts';

/**
 * The op in WebAssembly SIMD: x·w + b by the kernel (dense.as.ts), then the activation over the
 * output (relu in SIMD; tanh and sigmoid JavaScript's own, as on the CPU). The
 * rows split over the kernel threads when large.
 */
export const wasmDense =
  (wasm: WasmOpContext): DenseOp['dense'] =>
  (x, w, b, out, rows, inDim, outDim, activation) => {
    const [tx, tw, tb, to] = [wasmTensor(x), wasmTensor(w), wasmTensor(b), wasmTensor(out)];
    const models = opModels('dense', [to], [tx, tw, tb]);
    checkMatmul('dense', tx, tw, to, rows, inDim, outDim, models);
    checkHolds('dense', 'b', tb.size, outDim);
    for (let k = 0; k < models; k++) {
      wasm.ranged('denseLinear', [tx.pointer(k), tw.pointer(k), tb.pointer(k), to.pointer(k), rows, inDim, outDim], rows, rows * inDim * outDim);
      wasmActivate(wasm, to, k, rows * outDim, activation);
    }
  };
