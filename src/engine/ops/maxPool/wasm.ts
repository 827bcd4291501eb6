import { opModels } from '../../core/tensor.ts';
import { checkHolds, checkImageShape, type ImageShape } from '../../core/shapes.ts';
import type { WasmOpContext } from '../../wasm/kernels.ts';
import { checkApart, wasmTensor, type WasmTensor } from '../../wasm/tensor.ts';
import type { MaxPoolOp } from './maxPool.ts';

/** Throws unless the images and the pooled planes hold what the shape touches. */
function checkPool(op: string, rows: number, shape: ImageShape, full: [string, WasmTensor][], pooled: [string, WasmTensor]): void {
  checkImageShape(op, rows, shape);
  const planes = rows * shape.channels;
  for (const [name, tensor] of full) checkHolds(op, name, tensor.size, planes * shape.height * shape.width);
  checkHolds(op, pooled[0], pooled[1].size, planes * Math.floor(shape.height / 2) * Math.floor(shape.width / 2));
}

/** maxPool in WebAssembly (maxPool.as.ts): one kernel call per model. */
export const wasmMaxPool = (wasm: WasmOpContext): MaxPoolOp['maxPool'] => {
  const { maxPool } = wasm.kernels;
  return (x, out, rows, shape) => {
    const [tx, to] = [wasmTensor(x), wasmTensor(out)];
    const models = opModels('maxPool', [to], [tx]);
    checkPool('maxPool', rows, shape, [['x', tx]], ['out', to]);
    checkApart('maxPool', [to], [tx], models);
    for (let k = 0; k < models; k++) maxPool(tx.pointer(k), to.pointer(k), rows * shape.channels, shape.height, shape.width);
  };
};

export const wasmMaxPoolBackward = (wasm: WasmOpContext): MaxPoolOp['maxPoolBackward'] => {
  const { maxPoolBackward } = wasm.kernels;
  return (x, dy, dx, rows, shape) => {
    const [tx, tdy, tdx] = [wasmTensor(x), wasmTensor(dy), wasmTensor(dx)];
    const models = opModels('maxPoolBackward', [tdx], [tx, tdy]);
    checkPool('maxPoolBackward', rows, shape, [['x', tx], ['dx', tdx]], ['dy', tdy]);
    checkApart('maxPoolBackward', [tdx], [tx, tdy], models);
    for (let k = 0; k < models; k++) maxPoolBackward(tx.pointer(k), tdy.pointer(k), tdx.pointer(k), rows * shape.channels, shape.height, shape.width);
  };
};
