import { opModels } from '../../core/tensor.ts';
import { checkHolds, type Activation } from '../../core/shapes.ts';
import type { WasmOpContext } from '../../wasm/kernels.ts';
import { wasmTensor } from '../../wasm/tensor.ts';
import type { ActivationBackwardOp } from './activationBackward.ts';

/** The kernel's code for each activation (activationBackward.as.ts). */
const ACTIVATION_CODES: Record<Activation, number> = { linear: 0, relu: 1, tanh: 2, sigmoid: 3 };

/** The op in WebAssembly SIMD: one kernel call per model. Element-wise, so dx may be dy (in place). */
export const wasmActivationBackward = (wasm: WasmOpContext): ActivationBackwardOp['activationBackward'] => {
  const { activationBackward } = wasm.kernels;
  return (y, dy, dx, count, activation) => {
    const [ty, tdy, tdx] = [wasmTensor(y), wasmTensor(dy), wasmTensor(dx)];
    const models = opModels('activationBackward', [tdx], [ty, tdy]);
    for (const [name, tensor] of [['y', ty], ['dy', tdy], ['dx', tdx]] as const) checkHolds('activationBackward', name, tensor.size, count);
    for (let k = 0; k < models; k++) activationBackward(ty.pointer(k), tdy.pointer(k), tdx.pointer(k), count, ACTIVATION_CODES[activation]);
  };
};
