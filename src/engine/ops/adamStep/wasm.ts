import { opModels } from '../../core/tensor.ts';
import { checkHolds } from '../../core/shapes.ts';
import type { WasmOpContext } from '../../wasm/kernels.ts';
import { checkApart, wasmTensor } from '../../wasm/tensor.ts';
import type { AdamStepOp } from './adamStep.ts';

/** The op in WebAssembly SIMD (adamStep.as.ts, float64 lanes like the reference): one kernel call per model. */
export const wasmAdamStep = (wasm: WasmOpContext): AdamStepOp['adamStep'] => {
  const { adamStep } = wasm.kernels;
  return (params, grads, moments, decay, count, hyper) => {
    const [tp, tg, tm, td] = [wasmTensor(params), wasmTensor(grads), wasmTensor(moments), wasmTensor(decay)];
    const models = opModels('adamStep', [tp, tm], [tg, td]);
    for (const [name, tensor, size] of [['params', tp, count], ['grads', tg, count], ['moments', tm, 2 * count], ['decay', td, count]] as const) checkHolds('adamStep', name, tensor.size, size);
    checkApart('adamStep', [tp, tm], [tg, td], models);
    const { lr, beta1, beta2, epsilon, l2, step } = hyper;
    // The corrections as the reference computes them, in JavaScript.
    const firstCorrection = 1 / (1 - Math.pow(beta1, step));
    const secondCorrection = 1 / (1 - Math.pow(beta2, step));
    for (let k = 0; k < models; k++) adamStep(tp.pointer(k), tg.pointer(k), tm.pointer(k), td.pointer(k), count, lr, beta1, beta2, epsilon, l2, firstCorrection, secondCorrection);
  };
};
