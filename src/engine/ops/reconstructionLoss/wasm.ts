import { opModels } from '../../core/tensor.ts';
import { checkHolds } from '../../core/shapes.ts';
import type { WasmOpContext } from '../../wasm/kernels.ts';
import { checkApart, wasmTensor } from '../../wasm/tensor.ts';
import { STATS } from '../softmaxCrossEntropy/softmaxCrossEntropy.ts';
import type { ReconstructionLossOp } from './reconstructionLoss.ts';

/** The op in WebAssembly SIMD (reconstructionLoss.as.ts, float64 lanes like the reference): one kernel call per model. */
export const wasmReconstructionLoss = (wasm: WasmOpContext): ReconstructionLossOp['reconstructionLoss'] => {
  const { reconstructionLoss } = wasm.kernels;
  return (outputs, targets, weights, rows, dim, dOutputs, stats) => {
    const [to, tt, tw, td, ts] = [wasmTensor(outputs), wasmTensor(targets), wasmTensor(weights), wasmTensor(dOutputs), wasmTensor(stats)];
    const models = opModels('reconstructionLoss', [td, ts], [to, tt, tw]);
    const sizes = [['outputs', to, rows * dim], ['targets', tt, rows * dim], ['weights', tw, rows], ['dOutputs', td, rows * dim], ['stats', ts, STATS.size]] as const;
    for (const [name, tensor, size] of sizes) checkHolds('reconstructionLoss', name, tensor.size, size);
    checkApart('reconstructionLoss', [td, ts], [to, tt, tw], models);
    for (let k = 0; k < models; k++) reconstructionLoss(to.pointer(k), tt.pointer(k), tw.pointer(k), rows, dim, td.pointer(k), ts.pointer(k));
  };
};
