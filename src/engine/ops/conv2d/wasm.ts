import { opModels } from '../../core/tensor.ts';
import { checkConvShape, checkHolds, type ConvShape } from '../../core/shapes.ts';
import type { WasmOpContext } from '../../wasm/kernels.ts';
import { checkApart, wasmTensor, type WasmTensor } from '../../wasm/tensor.ts';
import { wasmActivate } from '../activationBackward/wasm.ts';
import type { Conv2dOp } from './conv2d.ts';

/** Throws unless the shape is valid and the images, kernels and outputs hold what it touches. */
function checkConv(op: string, rows: number, shape: ConvShape, images: [string, WasmTensor, number][], w: WasmTensor | null): void {
  checkConvShape(op, rows, shape);
  const plane = shape.height * shape.width;
  for (const [name, tensor, channels] of images) checkHolds(op, name, tensor.size, rows * channels * plane);
  if (w) checkHolds(op, 'w', w.size, shape.outChannels * shape.inChannels * shape.kernel * shape.kernel);
}

const dims = (shape: ConvShape) => [shape.inChannels, shape.outChannels, shape.height, shape.width, shape.kernel] as const;
/** A call's multiply-adds: every (image, output channel, input channel, tap, pixel). */
const work = (rows: number, shape: ConvShape) => rows * shape.outChannels * shape.inChannels * shape.kernel * shape.kernel * shape.height * shape.width;

/**
 * conv2d in WebAssembly SIMD (conv2d.as.ts), then the activation over each output (relu in
 * SIMD, bit for bit the reference's). Large calls split over the kernel threads: by images, the weight gradient by output channels.
 */
export const wasmConv2d =
  (wasm: WasmOpContext): Conv2dOp['conv2d'] =>
  (x, w, b, out, rows, shape, activation) => {
    const [tx, tw, tb, to] = [wasmTensor(x), wasmTensor(w), wasmTensor(b), wasmTensor(out)];
    const models = opModels('conv2d', [to], [tx, tw, tb]);
    checkConv('conv2d', rows, shape, [['x', tx, shape.inChannels], ['out', to, shape.outChannels]], tw);
    checkHolds('conv2d', 'b', tb.size, shape.outChannels);
    checkApart('conv2d', [to], [tx, tw, tb], models);
    const count = rows * shape.outChannels * shape.height * shape.width;
    for (let k = 0; k < models; k++) {
      wasm.ranged('conv2dLinear', [tx.pointer(k), tw.pointer(k), tb.pointer(k), to.pointer(k), rows, ...dims(shape)], rows, work(rows, shape));
      wasmActivate(wasm, to, k, count, activation);
    }
  };

export const wasmConv2dInputGrad =
  (wasm: WasmOpContext): Conv2dOp['conv2dInputGrad'] =>
  (dy, w, dx, rows, shape) => {
    const [tdy, tw, tdx] = [wasmTensor(dy), wasmTensor(w), wasmTensor(dx)];
    const models = opModels('conv2dInputGrad', [tdx], [tdy, tw]);
    checkConv('conv2dInputGrad', rows, shape, [['dy', tdy, shape.outChannels], ['dx', tdx, shape.inChannels]], tw);
    checkApart('conv2dInputGrad', [tdx], [tdy, tw], models);
    for (let k = 0; k < models; k++) wasm.ranged('conv2dInputGrad', [tdy.pointer(k), tw.pointer(k), tdx.pointer(k), rows, ...dims(shape)], rows, work(rows, shape));
  };

export const wasmConv2dWeightGrad =
  (wasm: WasmOpContext): Conv2dOp['conv2dWeightGrad'] =>
  (x, dy, dw, db, rows, shape) => {
    const [tx, tdy, tdw, tdb] = [wasmTensor(x), wasmTensor(dy), wasmTensor(dw), wasmTensor(db)];
    const models = opModels('conv2dWeightGrad', [tdw, tdb], [tx, tdy]);
    checkConv('conv2dWeightGrad', rows, shape, [['x', tx, shape.inChannels], ['dy', tdy, shape.outChannels]], null);
    checkHolds('conv2dWeightGrad', 'dw', tdw.size, shape.outChannels * shape.inChannels * shape.kernel * shape.kernel);
    checkHolds('conv2dWeightGrad', 'db', tdb.size, shape.outChannels);
    checkApart('conv2dWeightGrad', [tdw, tdb], [tx, tdy], models);
    for (let k = 0; k < models; k++) {
      wasm.ranged('conv2dWeightGrad', [tx.pointer(k), tdy.pointer(k), tdw.pointer(k), tdb.pointer(k), rows, ...dims(shape)], shape.outChannels, work(rows, shape));
    }
  };
