import { opModels } from '../../core/tensor.ts';
import { checkHolds, type Activation } from '../../core/shapes.ts';
import type { WasmOpContext } from '../../wasm/kernels.ts';
import { wasmTensor, type WasmTensor } from '../../wasm/tensor.ts';
import type { ActivationBackwardOp } from './activationBackward.ts';
import { activate } from './cpu.ts';

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

/**
 * A layer's forward activation over model `k`'s first `count` outputs, in place: relu in SIMD
 * (activate.as.ts), tanh and sigmoid as the CPU reference computes them (JavaScript's Math), so
 * every activation agrees with the reference bit for bit. Used by dense and conv2d.
 */
export function wasmActivate(wasm: WasmOpContext, out: WasmTensor, k: number, count: number, activation: Activation): void {
  if (activation === 'relu') wasm.kernels.reluInPlace(out.pointer(k), count);
  else if (activation !== 'linear') activate(out.slices[k], 0, count, activation);
}
